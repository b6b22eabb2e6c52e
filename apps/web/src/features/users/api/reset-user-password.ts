import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** A temporary password for the account, shown this once; it must be changed at the next sign-in. */
export async function resetUserPassword(userId: string): Promise<Schemas['PasswordResetDto']> {
  return unwrap(await api.POST('/api/users/{id}/reset-password', { params: { path: { id: userId } } }));
}

export function useResetUserPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetUserPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
