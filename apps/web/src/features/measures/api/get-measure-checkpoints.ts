import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type Checkpoint = Schemas['CheckpointDto'];

export async function getMeasureCheckpoints(id: string): Promise<Checkpoint[]> {
  return unwrap(await api.GET('/api/measures/{id}/checkpoints', { params: { path: { id } } }));
}

export const getMeasureCheckpointsQueryOptions = (id: string) =>
  queryOptions({ queryKey: queryKeys.measureRecords(id, 'checkpoints'), queryFn: () => getMeasureCheckpoints(id) });

export function useMeasureCheckpoints(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getMeasureCheckpointsQueryOptions(id), ...options });
}
