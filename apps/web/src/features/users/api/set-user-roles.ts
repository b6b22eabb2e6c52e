import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type SetUserRolesInput = { userId: string } & Schemas['SetRolesDto'];

/** Replaces an account's roles (security admin). */
export async function setUserRoles({ userId, ...body }: SetUserRolesInput): Promise<Schemas['UserDto']> {
  return unwrap(await api.PUT('/api/users/{id}/roles', { params: { path: { id: userId } }, body }));
}

export function useSetUserRoles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setUserRoles,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
