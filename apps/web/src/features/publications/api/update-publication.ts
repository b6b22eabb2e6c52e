import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Publication } from './get-publication';

export type UpdatePublicationBody = Omit<Schemas['UpdatePublicationDto'], 'version'> & { version: number };

/** Saves a draft under the version the user read; someone else's save in between answers 409 with the current one. */
export async function updatePublication({ id, ...body }: UpdatePublicationBody & { id: string }): Promise<Publication> {
  return unwrap(await api.PATCH('/api/publications/{id}', { params: { path: { id } }, body }));
}

export function useUpdatePublication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePublication,
    onSuccess: (publication) => {
      queryClient.setQueryData(queryKeys.publication(publication.id), publication);
      return queryClient.invalidateQueries({ queryKey: queryKeys.publicationList(publication.inspectionId) });
    },
  });
}
