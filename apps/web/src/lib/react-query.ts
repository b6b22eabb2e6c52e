import { QueryCache, QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { isApiError } from './api-client';

// A 4xx answer will not change on retry; network failures and 5xx get two more tries.
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryConfig = {
  queries: {
    retry: shouldRetry,
    refetchOnWindowFocus: false,
    staleTime: 30_000,
  },
  mutations: {
    retry: false,
  },
} satisfies DefaultOptions;

export const sessionQueryKey = ['auth', 'me'] as const;

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    defaultOptions: queryConfig,
    queryCache: new QueryCache({
      // a session that ended server-side (expired, revoked) sends the user back to the login page through the guard
      onError: (error) => {
        if (isApiError(error) && error.status === 401) queryClient.setQueryData(sessionQueryKey, null);
      },
    }),
  });
  return queryClient;
}
