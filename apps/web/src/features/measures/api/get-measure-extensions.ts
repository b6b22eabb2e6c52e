import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Extension } from './get-extensions';

export async function getMeasureExtensions(id: string): Promise<Extension[]> {
  return unwrap(await api.GET('/api/measures/{id}/extensions', { params: { path: { id } } }));
}

export const getMeasureExtensionsQueryOptions = (id: string) =>
  queryOptions({ queryKey: queryKeys.measureRecords(id, 'extensions'), queryFn: () => getMeasureExtensions(id) });

export function useMeasureExtensions(id: string) {
  return useQuery(getMeasureExtensionsQueryOptions(id));
}
