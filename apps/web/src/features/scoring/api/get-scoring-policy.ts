import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type ScoringPolicy = Schemas['ScoringPolicyDto'];

/** The weights of an inspection's scoring (the default, version 1, until an officer saves some). */
export async function getScoringPolicy(inspectionId: string): Promise<ScoringPolicy> {
  return unwrap(await api.GET('/api/inspections/{id}/scoring-policy', { params: { path: { id: inspectionId } } }));
}

export const getScoringPolicyQueryOptions = (inspectionId: string) =>
  queryOptions({ queryKey: queryKeys.scoringPolicy(inspectionId), queryFn: () => getScoringPolicy(inspectionId) });

export function useScoringPolicy(inspectionId: string) {
  return useQuery(getScoringPolicyQueryOptions(inspectionId));
}
