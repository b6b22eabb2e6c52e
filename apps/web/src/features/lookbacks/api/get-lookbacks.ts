import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type LookbackSummary = Schemas['LookbackSummaryDto'];

export async function getLookbacks(inspectionId: string): Promise<LookbackSummary[]> {
  return unwrap(await api.GET('/api/inspections/{id}/lookbacks', { params: { path: { id: inspectionId } } }));
}

export const getLookbacksQueryOptions = (inspectionId: string) =>
  queryOptions({ queryKey: queryKeys.lookbackList(inspectionId), queryFn: () => getLookbacks(inspectionId) });

/** An inspection's look-backs (回头看), newest first; a unit sees those holding its items. */
export function useLookbacks(inspectionId: string) {
  return useQuery(getLookbacksQueryOptions(inspectionId));
}
