import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** 加抽 (officers): a signed-off measure of the inspection added to the sample by hand. */
export function useAddLookbackItem(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (measureId: string) =>
      unwrap(await api.POST('/api/lookbacks/{id}/items', { params: { path: { id } }, body: { measureId } })),
    onSuccess: (lookback) => {
      queryClient.setQueryData(queryKeys.lookback(id), lookback);
      return queryClient.invalidateQueries({ queryKey: queryKeys.lookbacks });
    },
    // a 409 (finished, or already in the sample): show what is stored now
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.lookbacks }),
  });
}
