import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Publication } from './get-publication';

export type CreatePublicationBody = Schemas['CreatePublicationDto'];

export interface CreatePublicationInput {
  inspectionId: string;
  body: CreatePublicationBody;
  /** The same key for every retry of one 生成公开稿, so that a lost answer never makes two drafts. */
  idempotencyKey: string;
}

/** A draft generated from the live ledger (the 通报 text), with person names and the given terms masked. */
export async function createPublication({
  inspectionId,
  body,
  idempotencyKey,
}: CreatePublicationInput): Promise<Publication> {
  return unwrap(
    await api.POST('/api/inspections/{id}/publications', {
      params: { path: { id: inspectionId } },
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  );
}

export function useCreatePublication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPublication,
    onSuccess: (publication) => {
      queryClient.setQueryData(queryKeys.publication(publication.id), publication);
      return queryClient.invalidateQueries({ queryKey: queryKeys.publicationList(publication.inspectionId) });
    },
  });
}
