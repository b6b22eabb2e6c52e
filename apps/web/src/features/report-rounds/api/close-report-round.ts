import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** 关闭轮次 (officers): records every unit's punctuality for good. */
export function useCloseReportRound(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (version: number) =>
      unwrap(await api.POST('/api/report-rounds/{id}/close', { params: { path: { id } }, body: { version } })),
    onSuccess: (round) => {
      queryClient.setQueryData(queryKeys.reportRound(id), round);
      return queryClient.invalidateQueries({ queryKey: queryKeys.reportRounds });
    },
    // a 409 (closed elsewhere, or changed since): show what is stored now
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.reportRounds }),
  });
}
