import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type Webhook = Schemas['WebhookDto'];
export type WebhookDelivery = Schemas['WebhookDeliveryDto'];

export async function getWebhooks(): Promise<Schemas['WebhookListDto']> {
  return unwrap(await api.GET('/api/webhooks'));
}

/** The live outbound webhooks (the secret is never among them). */
export function useWebhooks(options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: [...queryKeys.webhooks, 'list'], queryFn: getWebhooks, enabled: options.enabled });
}

/** Every delivery attempt of one webhook, newest first; refreshed every 10 s while shown. */
export function useWebhookDeliveries(id: string | null, query: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...queryKeys.webhooks, 'deliveries', id, query],
    queryFn: async () =>
      unwrap(await api.GET('/api/webhooks/{id}/deliveries', { params: { path: { id: id! }, query } })),
    enabled: id !== null,
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
}
