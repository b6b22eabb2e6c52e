import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type InspectionStatistics = Schemas['InspectionStatisticsDto'];
export type UnitStatistics = Schemas['UnitStatisticsDto'];

/** The figures of one inspection, scoped by the API to what the user may see (a unit leader: their unit). */
export async function getInspectionStatistics(inspectionId: string): Promise<InspectionStatistics> {
  return unwrap(await api.GET('/api/inspections/{id}/statistics', { params: { path: { id: inspectionId } } }));
}

export const getInspectionStatisticsQueryOptions = (inspectionId: string) =>
  queryOptions({
    queryKey: [...queryKeys.statistics, inspectionId],
    queryFn: () => getInspectionStatistics(inspectionId),
  });

export function useInspectionStatistics(inspectionId: string) {
  return useQuery(getInspectionStatisticsQueryOptions(inspectionId));
}
