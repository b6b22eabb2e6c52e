import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type AuditChain = Schemas['AuditChainDto'];

/** The audit trail's hash chain, verified afresh by the server (audit admin). */
export async function getAuditChain(): Promise<AuditChain> {
  return unwrap(await api.GET('/api/audit/chain'));
}

export const getAuditChainQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.auditChain,
    queryFn: getAuditChain,
    // each check walks the whole chain: only on opening the page and on 重新校验
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });

export function useAuditChain() {
  return useQuery(getAuditChainQueryOptions());
}
