import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type CreateLookbackBody = Schemas['CreateLookbackDto'];

/** 发起回头看 (officers): the API draws the sample from the signed-off measures and numbers it 第N次. */
export function useCreateLookback(inspectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateLookbackBody) =>
      unwrap(await api.POST('/api/inspections/{id}/lookbacks', { params: { path: { id: inspectionId } }, body })),
    onSuccess: (lookback) => {
      queryClient.setQueryData(queryKeys.lookback(lookback.id), lookback);
      return queryClient.invalidateQueries({ queryKey: queryKeys.lookbackList(inspectionId) });
    },
  });
}
