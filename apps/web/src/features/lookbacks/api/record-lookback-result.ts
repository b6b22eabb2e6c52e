import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { invalidateMeasureData, queryKeys } from '@/lib/query-keys';

export type RecordLookbackResultBody = Schemas['RecordLookbackResultDto'];

/** 登记核查结果 (officers), once per item; a 反弹 reopens the measure, so its lists and figures reload too. */
export function useRecordLookbackResult(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ itemId, body }: { itemId: string; body: RecordLookbackResultBody }) =>
      unwrap(await api.POST('/api/lookbacks/{id}/items/{itemId}/result', { params: { path: { id, itemId } }, body })),
    onSuccess: async (lookback, { body }) => {
      queryClient.setQueryData(queryKeys.lookback(id), lookback);
      await queryClient.invalidateQueries({ queryKey: queryKeys.lookbacks });
      if (body.result === 'rebounded') await invalidateMeasureData(queryClient);
    },
    // a 409 (stale version, already checked, finished): reload what is stored now
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.lookbacks }),
  });
}
