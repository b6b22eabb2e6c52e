import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Lifts the lock that repeated failed sign-ins put on an account. */
export async function unlockUser(userId: string): Promise<Schemas['UserDto']> {
  return unwrap(await api.POST('/api/users/{id}/unlock', { params: { path: { id: userId } } }));
}

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlockUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
