import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type PublicationSummary = Schemas['PublicationSummaryDto'];

/** The public notices (通报) of an inspection, newest first, without their texts. */
export async function getPublications(inspectionId: string): Promise<PublicationSummary[]> {
  const list = unwrap(await api.GET('/api/inspections/{id}/publications', { params: { path: { id: inspectionId } } }));
  return list.items;
}

export const getPublicationsQueryOptions = (inspectionId: string) =>
  queryOptions({
    queryKey: queryKeys.publicationList(inspectionId),
    queryFn: () => getPublications(inspectionId),
  });

export function usePublications(inspectionId: string) {
  return useQuery(getPublicationsQueryOptions(inspectionId));
}
