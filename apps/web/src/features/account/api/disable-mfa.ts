import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { sessionQueryKey } from '@/lib/react-query';

export type DisableMfaInput = Schemas['DisableMfaDto'];

/** Removes the second factor; the password and a code (or a recovery code) confirm it. */
export async function disableMfa(body: DisableMfaInput): Promise<Schemas['MfaStatusDto']> {
  return unwrap(await api.POST('/api/auth/mfa/disable', { body }));
}

export function useDisableMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableMfa,
    onSuccess: async (status) => {
      queryClient.setQueryData(queryKeys.mfa, status);
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}
