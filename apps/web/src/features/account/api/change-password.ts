import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, setCsrfToken, unwrap } from '@/lib/api-client';
import type { SessionUser } from '@/lib/auth';
import { sessionQueryKey } from '@/lib/react-query';

export type ChangePasswordInput = Schemas['ChangePasswordDto'];

/** Sets a new password; the API answers with the session as it now is (the must-change flags cleared). */
export async function changePassword(body: ChangePasswordInput): Promise<SessionUser> {
  return unwrap(await api.PUT('/api/auth/password', { body }));
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (user) => {
      setCsrfToken(user.csrfToken);
      queryClient.setQueryData(sessionQueryKey, user);
    },
  });
}
