import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import type { Role } from '@zhenggai/domain';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type User = Schemas['UserDto'];
export type UsersQuery = { page?: number; pageSize?: number; q?: string; role?: Role; disabled?: boolean };

/** Accounts as administrators see them, searched and filtered, a page at a time. */
export async function getUsers(query: UsersQuery): Promise<Schemas['UserPageDto']> {
  return unwrap(await api.GET('/api/users', { params: { query } }));
}

export const getUsersQueryOptions = (query: UsersQuery) =>
  queryOptions({
    queryKey: [...queryKeys.users, query],
    queryFn: () => getUsers(query),
    placeholderData: keepPreviousData,
  });

export function useUsers(query: UsersQuery) {
  return useQuery(getUsersQueryOptions(query));
}
