import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type NotificationChannels = Schemas['NotificationChannelsDto'];
export type Delivery = Schemas['DeliveryDto'];
export type DeliveriesQuery = { page?: number; pageSize?: number; channel?: 'email'; status?: 'sent' | 'failed' };

/** Whether mail is on and where it goes out (the system admin's channels page). */
export function useNotificationChannels() {
  return useQuery({
    queryKey: [...queryKeys.notificationChannels, 'overview'],
    queryFn: async () => unwrap(await api.GET('/api/notification-channels')),
  });
}

/** The delivery log: every mail sent or failed, newest first; refreshed every 10 s while the page is open. */
export function useDeliveries(query: DeliveriesQuery) {
  return useQuery({
    queryKey: [...queryKeys.notificationChannels, 'deliveries', query],
    queryFn: async () => unwrap(await api.GET('/api/notification-deliveries', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
}

/** Queues a test mail to an address (a job sends it; the log shows how it went). */
export function useSendTestMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (to: string) => unwrap(await api.POST('/api/notification-channels/email/test', { body: { to } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.notificationChannels }),
  });
}
