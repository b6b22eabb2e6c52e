import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type MeasureEvent = Schemas['MeasureEventDto'];

/** Newest first: who did what, when, with which opinion. */
export async function getMeasureHistory(id: string): Promise<MeasureEvent[]> {
  return unwrap(await api.GET('/api/measures/{id}/history', { params: { path: { id } } }));
}

export const getMeasureHistoryQueryOptions = (id: string) =>
  queryOptions({ queryKey: queryKeys.measureRecords(id, 'history'), queryFn: () => getMeasureHistory(id) });

export function useMeasureHistory(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getMeasureHistoryQueryOptions(id), ...options });
}
