import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type NotificationSettings = Schemas['NotificationSettingsDto'];
export type UpdateNotificationSettings = Schemas['UpdateNotificationSettingsDto'];

const settingsKey = [...queryKeys.notifications, 'settings'] as const;

/** The caller's own address and which kinds also come by email (账户设置 › 通知设置). */
export function useNotificationSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: async () => unwrap(await api.GET('/api/notifications/settings')),
  });
}

export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdateNotificationSettings) =>
      unwrap(await api.PUT('/api/notifications/settings', { body })),
    onSuccess: (settings) => queryClient.setQueryData(settingsKey, settings),
    // a 409 means another tab saved first: show what is stored now
    onError: () => queryClient.invalidateQueries({ queryKey: settingsKey }),
  });
}
