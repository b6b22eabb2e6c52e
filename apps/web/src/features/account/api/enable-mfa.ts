import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type EnableMfaInput = Schemas['EnableMfaDto'];

/** Confirms the pending secret with a code; the answer holds the recovery codes, shown this once. */
export async function enableMfa(body: EnableMfaInput): Promise<Schemas['MfaRecoveryCodesDto']> {
  return unwrap(await api.POST('/api/auth/mfa/enable', { body }));
}

export function useEnableMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enableMfa,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.mfa });
    },
  });
}
