import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type ReplySupervisionOrderBody = Schemas['ReplySupervisionOrderDto'];

/** The unit's one reply to a 督办单; a second one is refused with 409 TRANSITION_NOT_ALLOWED. */
export function useReplySupervisionOrder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ReplySupervisionOrderBody) =>
      unwrap(await api.POST('/api/supervision-orders/{id}/reply', { params: { path: { id } }, body })),
    onSuccess: (order) => {
      queryClient.setQueryData(queryKeys.supervisionOrder(id), order);
      return queryClient.invalidateQueries({ queryKey: [...queryKeys.supervisionOrders, 'list'] });
    },
    // refused (already replied, e.g. from another account): show what is stored now
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.supervisionOrders }),
  });
}
