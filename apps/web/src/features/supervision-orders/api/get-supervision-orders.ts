import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Schemas, paths } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type SupervisionOrder = Schemas['SupervisionOrderDto'];
export type SupervisionOrderStatus = SupervisionOrder['status'];
export type SupervisionOrdersQuery = NonNullable<paths['/api/supervision-orders']['get']['parameters']['query']>;

/** 督办单, newest first, a page at a time; a unit's accounts get their own unit's only. */
export function useSupervisionOrders(query: SupervisionOrdersQuery) {
  return useQuery({
    queryKey: [...queryKeys.supervisionOrders, 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/supervision-orders', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** One 督办单 (a notification links here). */
export function useSupervisionOrder(id: string) {
  return useQuery({
    queryKey: queryKeys.supervisionOrder(id),
    queryFn: async () => unwrap(await api.GET('/api/supervision-orders/{id}', { params: { path: { id } } })),
  });
}
