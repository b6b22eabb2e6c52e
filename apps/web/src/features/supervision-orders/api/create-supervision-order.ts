import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type CreateSupervisionOrderBody = Schemas['CreateSupervisionOrderDto'];

/** 下发督办单 (officers): to one unit, about some of its unfinished measures, with a reply date. */
export function useCreateSupervisionOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateSupervisionOrderBody) => unwrap(await api.POST('/api/supervision-orders', { body })),
    onSuccess: (order) => {
      queryClient.setQueryData(queryKeys.supervisionOrder(order.id), order);
      return queryClient.invalidateQueries({ queryKey: queryKeys.supervisionOrders });
    },
  });
}
