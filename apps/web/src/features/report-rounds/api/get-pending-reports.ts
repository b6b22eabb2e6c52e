import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type PendingReport = Schemas['PendingReportDto'];

/** 待报送: the open rounds the caller's units still owe a report to. */
export function usePendingReports(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...queryKeys.reportRounds, 'pending'],
    queryFn: async () => unwrap(await api.GET('/api/report-rounds/pending')),
    ...options,
  });
}
