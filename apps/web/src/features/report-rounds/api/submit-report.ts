import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type SubmitReportBody = Schemas['SubmitReportDto'];

/** The unit's report for the round; it freezes a snapshot. A second one is refused (409) unless returned. */
export function useSubmitReport(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: SubmitReportBody) =>
      unwrap(await api.POST('/api/report-rounds/{id}/submissions', { params: { path: { id: roundId } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.reportRounds }),
  });
}
