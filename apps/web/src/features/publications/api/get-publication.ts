import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type Publication = Schemas['PublicationDto'];
export type MaskReplacement = Schemas['MaskReplacementDto'];

/** One notice with its text; while it is a draft, the task force also sees what the masking replaced. */
export async function getPublication(id: string): Promise<Publication> {
  return unwrap(await api.GET('/api/publications/{id}', { params: { path: { id } } }));
}

export const getPublicationQueryOptions = (id: string) =>
  queryOptions({ queryKey: queryKeys.publication(id), queryFn: () => getPublication(id) });

export function usePublication(id: string) {
  return useQuery(getPublicationQueryOptions(id));
}
