import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type AuditEvent = Schemas['AuditEventDto'];
export type AuditQuery = {
  page?: number;
  pageSize?: number;
  username?: string;
  action?: string;
  entityType?: string;
  result?: 'success' | 'failure' | 'denied';
  from?: string;
  to?: string;
};

/** The audit trail (audit admin), newest first, filtered. */
export async function getAuditEvents(query: AuditQuery): Promise<Schemas['AuditEventPageDto']> {
  return unwrap(await api.GET('/api/audit-events', { params: { query } }));
}

export const getAuditEventsQueryOptions = (query: AuditQuery) =>
  queryOptions({
    queryKey: [...queryKeys.audit, query],
    queryFn: () => getAuditEvents(query),
    placeholderData: keepPreviousData,
  });

export function useAuditEvents(query: AuditQuery) {
  return useQuery(getAuditEventsQueryOptions(query));
}

/** The CSV export of the same filters (all pages): a plain link, the browser downloads it with the session cookie. */
export function auditExportUrl(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === 'page' || key === 'pageSize' || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/audit-events/export.csv${search ? `?${search}` : ''}`;
}
