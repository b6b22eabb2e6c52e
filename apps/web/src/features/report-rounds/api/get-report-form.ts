import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type ReportForm = Schemas['ReportFormDto'];
export type ReportFormItem = ReportForm['items'][number];

/** The unit's measures pre-filled for its report (default unit: the caller's in the round). */
export function useReportForm(roundId: string, unitId?: string) {
  return useQuery({
    queryKey: [...queryKeys.reportRound(roundId), 'form', unitId ?? null],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/report-rounds/{id}/form', {
          params: { path: { id: roundId }, query: unitId ? { unitId } : {} },
        }),
      ),
  });
}
