import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type CreateWebhookInput = Schemas['CreateWebhookDto'];

/** A new webhook; the answer holds the secret, shown this once. */
export async function createWebhook(body: CreateWebhookInput): Promise<Schemas['CreatedWebhookDto']> {
  return unwrap(await api.POST('/api/webhooks', { body }));
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWebhook,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks }),
  });
}

export async function deleteWebhook(id: string): Promise<void> {
  // a 204 has no body; an error answer throws ApiError in the client's middleware
  await api.DELETE('/api/webhooks/{id}', { params: { path: { id } } });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteWebhook,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks }),
  });
}
