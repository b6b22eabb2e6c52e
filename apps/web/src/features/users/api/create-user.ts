import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type CreateUserInput = Schemas['CreateUserDto'];

/** A new account; the answer holds the generated initial password, shown this once. */
export async function createUser(body: CreateUserInput): Promise<Schemas['CreatedUserDto']> {
  return unwrap(await api.POST('/api/users', { body }));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
