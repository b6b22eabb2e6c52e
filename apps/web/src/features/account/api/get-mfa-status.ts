import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type MfaStatus = Schemas['MfaStatusDto'];

/** Whether the account has a second factor, one awaiting its first code, and how many recovery codes are left. */
export async function getMfaStatus(): Promise<MfaStatus> {
  return unwrap(await api.GET('/api/auth/mfa'));
}

export const getMfaStatusQueryOptions = () => queryOptions({ queryKey: queryKeys.mfa, queryFn: getMfaStatus });

export function useMfaStatus() {
  return useQuery(getMfaStatusQueryOptions());
}
