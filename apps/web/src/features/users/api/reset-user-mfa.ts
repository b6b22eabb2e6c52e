import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Removes an account's second factor (a lost phone); the account enrols again. */
export async function resetUserMfa(userId: string): Promise<Schemas['UserDto']> {
  return unwrap(await api.POST('/api/users/{id}/mfa/reset', { params: { path: { id: userId } } }));
}

export function useResetUserMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetUserMfa,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
