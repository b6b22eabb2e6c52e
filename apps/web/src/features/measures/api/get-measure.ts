import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Measure } from './get-measures';

export async function getMeasure(id: string): Promise<Measure> {
  return unwrap(await api.GET('/api/measures/{id}', { params: { path: { id } } }));
}

export const getMeasureQueryOptions = (id: string) =>
  queryOptions({ queryKey: queryKeys.measure(id), queryFn: () => getMeasure(id) });

export function useMeasure(id: string) {
  return useQuery(getMeasureQueryOptions(id));
}
