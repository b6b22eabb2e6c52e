import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Publication } from './get-publication';

export interface WithdrawPublicationInput {
  id: string;
  version: number;
  reason: string;
}

/** Withdraws a draft or a published notice, with the reason; the public page answers 404 from then on. */
export async function withdrawPublication({ id, ...body }: WithdrawPublicationInput): Promise<Publication> {
  return unwrap(await api.POST('/api/publications/{id}/withdraw', { params: { path: { id } }, body }));
}

export function useWithdrawPublication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawPublication,
    onSuccess: (publication) => {
      queryClient.setQueryData(queryKeys.publication(publication.id), publication);
      return queryClient.invalidateQueries({ queryKey: queryKeys.publicationList(publication.inspectionId) });
    },
  });
}
