import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** 完成回头看 (officers): needs every item checked; afterwards nothing more is recorded. */
export function useFinishLookback(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (version: number) =>
      unwrap(await api.POST('/api/lookbacks/{id}/finish', { params: { path: { id } }, body: { version } })),
    onSuccess: (lookback) => {
      queryClient.setQueryData(queryKeys.lookback(id), lookback);
      return queryClient.invalidateQueries({ queryKey: queryKeys.lookbacks });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.lookbacks }),
  });
}
