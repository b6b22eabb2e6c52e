import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type ReminderPolicy = Schemas['ReminderPolicyDto'];
export type ReminderPolicyInput = Schemas['UpdateReminderPolicyDto'];

/** An inspection's 催办提醒规则 (the default until an officer saves one). */
export function useReminderPolicy(inspectionId: string) {
  return useQuery({
    queryKey: queryKeys.reminderPolicy(inspectionId),
    queryFn: async () =>
      unwrap(await api.GET('/api/inspections/{id}/reminder-policy', { params: { path: { id: inspectionId } } })),
  });
}

export function useUpdateReminderPolicy(inspectionId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.reminderPolicy(inspectionId);
  return useMutation({
    mutationFn: async (body: ReminderPolicyInput) =>
      unwrap(await api.PUT('/api/inspections/{id}/reminder-policy', { params: { path: { id: inspectionId } }, body })),
    onSuccess: (policy) => queryClient.setQueryData(key, policy),
    // a 409: another officer saved first — show what is stored now
    onError: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
