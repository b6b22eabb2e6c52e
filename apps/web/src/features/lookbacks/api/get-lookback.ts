import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type Lookback = Schemas['LookbackDto'];
export type LookbackItem = Lookback['items'][number];
export type LookbackUnitRate = Lookback['units'][number];

export async function getLookback(id: string): Promise<Lookback> {
  return unwrap(await api.GET('/api/lookbacks/{id}', { params: { path: { id } } }));
}

export const getLookbackQueryOptions = (id: string) =>
  queryOptions({ queryKey: queryKeys.lookback(id), queryFn: () => getLookback(id) });

/** One look-back with the items the caller may see and the rebound rate per unit. */
export function useLookback(id: string) {
  return useQuery(getLookbackQueryOptions(id));
}
