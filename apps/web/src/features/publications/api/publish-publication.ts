import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Publication } from './get-publication';

/** Publishes a draft under a random public address (/public/notices/<slug>); the masked originals are dropped. */
export async function publishPublication({ id, version }: { id: string; version: number }): Promise<Publication> {
  return unwrap(await api.POST('/api/publications/{id}/publish', { params: { path: { id } }, body: { version } }));
}

export function usePublishPublication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishPublication,
    onSuccess: (publication) => {
      queryClient.setQueryData(queryKeys.publication(publication.id), publication);
      return queryClient.invalidateQueries({ queryKey: queryKeys.publicationList(publication.inspectionId) });
    },
  });
}
