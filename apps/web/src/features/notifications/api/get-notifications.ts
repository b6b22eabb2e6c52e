import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type Notification = Schemas['NotificationDto'];
export type NotificationsQuery = { page?: number; pageSize?: number; unread?: boolean };

// a 催办 should reach an open page within a minute, without a reload
const POLL_MS = 30_000;

/** The caller's notifications, newest first, a page at a time. */
export function useNotifications(query: NotificationsQuery) {
  return useQuery({
    queryKey: [...queryKeys.notifications, 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/notifications', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS,
  });
}

/** The unread count for the bell: asked every 30 s, and again when a notification is read. */
export function useUnreadNotificationCount(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...queryKeys.notifications, 'unread'],
    queryFn: async () =>
      unwrap(await api.GET('/api/notifications', { params: { query: { unread: true, pageSize: 1 } } })).unread,
    refetchInterval: POLL_MS,
    ...options,
  });
}
