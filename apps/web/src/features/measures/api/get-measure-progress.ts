import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type ProgressUpdate = Schemas['ProgressUpdateDto'];

export async function getMeasureProgress(id: string): Promise<ProgressUpdate[]> {
  return unwrap(await api.GET('/api/measures/{id}/progress', { params: { path: { id } } }));
}

export const getMeasureProgressQueryOptions = (id: string) =>
  queryOptions({ queryKey: queryKeys.measureRecords(id, 'progress'), queryFn: () => getMeasureProgress(id) });

export function useMeasureProgress(id: string) {
  return useQuery(getMeasureProgressQueryOptions(id));
}
