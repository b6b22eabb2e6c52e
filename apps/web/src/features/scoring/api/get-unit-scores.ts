import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type UnitScores = Schemas['UnitScoresDto'];
export type UnitScore = UnitScores['items'][number];

/** Each unit's score and rank in an inspection (考核), with the formula that made them; by rank. */
export async function getUnitScores(inspectionId: string): Promise<UnitScores> {
  return unwrap(await api.GET('/api/inspections/{id}/unit-scores', { params: { path: { id: inspectionId } } }));
}

export const getUnitScoresQueryOptions = (inspectionId: string) =>
  queryOptions({ queryKey: queryKeys.unitScores(inspectionId), queryFn: () => getUnitScores(inspectionId) });

export function useUnitScores(inspectionId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getUnitScoresQueryOptions(inspectionId), ...options });
}
