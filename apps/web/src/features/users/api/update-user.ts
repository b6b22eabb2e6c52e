import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type UpdateUserInput = { userId: string } & Schemas['UpdateUserDto'];

/** The display name, unit or disabled state of an account (system admin). */
export async function updateUser({ userId, ...body }: UpdateUserInput): Promise<Schemas['UserDto']> {
  return unwrap(await api.PATCH('/api/users/{id}', { params: { path: { id: userId } }, body }));
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
