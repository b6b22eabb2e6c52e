import { MutationCache, QueryCache, QueryClient, type DefaultOptions } from '@tanstack/react-query';
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

/** The 403 codes by which the API refuses everything until the account is secured, and the session flag each sets. */
const ACCOUNT_GATES = {
  PASSWORD_CHANGE_REQUIRED: 'mustChangePassword',
  PASSWORD_EXPIRED: 'passwordExpired',
  MFA_ENROLLMENT_REQUIRED: 'mfaEnrollmentRequired',
} as const;

type SessionFlags = Record<(typeof ACCOUNT_GATES)[keyof typeof ACCOUNT_GATES], boolean>;

export function createQueryClient(): QueryClient {
  // a session that ended server-side (expired, revoked) sends the user back to the login page through the guard;
  // a 403 that asks for a password change or a second factor sets the session's flag, and the guard opens that page
  const onAccountGate = (error: unknown) => {
    if (!isApiError(error)) return;
    const flag = error.status === 403 ? ACCOUNT_GATES[error.code as keyof typeof ACCOUNT_GATES] : undefined;
    if (flag) {
      queryClient.setQueryData<SessionFlags | null>(sessionQueryKey, (user) =>
        user ? { ...user, [flag]: true } : user,
      );
    }
  };
  const queryClient: QueryClient = new QueryClient({
    defaultOptions: queryConfig,
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiError(error) && error.status === 401) queryClient.setQueryData(sessionQueryKey, null);
        else onAccountGate(error);
      },
    }),
    mutationCache: new MutationCache({ onError: onAccountGate }),
  });
  return queryClient;
}
