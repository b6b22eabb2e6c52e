import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type MfaSetup = Schemas['MfaSetupDto'];

/** A new secret for the authenticator app; it becomes active only once a code from it is confirmed. */
export async function setupMfa(): Promise<MfaSetup> {
  return unwrap(await api.POST('/api/auth/mfa/setup'));
}

export function useSetupMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setupMfa,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.mfa }),
  });
}
