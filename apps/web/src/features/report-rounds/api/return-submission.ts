import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** 退回 (officers): the unit must report again; the reason is shown to it. */
export function useReturnSubmission(roundId: string, unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (reason: string) =>
      unwrap(
        await api.POST('/api/report-rounds/{id}/submissions/{unitId}/return', {
          params: { path: { id: roundId, unitId } },
          body: { reason },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.reportRounds }),
  });
}
