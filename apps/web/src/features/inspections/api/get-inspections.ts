import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type Inspection = Schemas['InspectionDto'];
export type InspectionPage = Schemas['InspectionPageDto'];

export async function getInspections(): Promise<InspectionPage> {
  return unwrap(await api.GET('/api/inspections', { params: { query: { page: 1, pageSize: 20 } } }));
}

export const getInspectionsQueryOptions = () =>
  queryOptions({ queryKey: [...queryKeys.inspections, 'list'], queryFn: getInspections });

export function useInspections() {
  return useQuery(getInspectionsQueryOptions());
}
