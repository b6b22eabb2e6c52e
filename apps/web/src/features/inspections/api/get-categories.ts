import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type Category = Schemas['CategoryDto'];

/** The 方面 (problem categories) of an inspection, in official order. */
export async function getCategories(inspectionId: string): Promise<Category[]> {
  return unwrap(await api.GET('/api/inspections/{id}/categories', { params: { path: { id: inspectionId } } }));
}

export const getCategoriesQueryOptions = (inspectionId: string) =>
  queryOptions({
    queryKey: [...queryKeys.inspections, 'categories', inspectionId],
    queryFn: () => getCategories(inspectionId),
    staleTime: 5 * 60_000,
  });

export function useCategories(inspectionId: string) {
  return useQuery(getCategoriesQueryOptions(inspectionId));
}
