import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { ADMIN_ROLES, ROLE_LABELS } from '@zhenggai/domain';
import { api, isApiError, setCsrfToken, unwrap } from './api-client';
import { sessionQueryKey } from './react-query';

export type SessionUser = Schemas['SessionUserDto'];
export type LoginInput = Schemas['LoginDto'];

export const DEFAULT_HOME = '/problems';

/** The signed-in account, or null without a live session. */
export async function getSessionUser(): Promise<SessionUser | null> {
  try {
    const user = unwrap(await api.GET('/api/auth/me'));
    setCsrfToken(user.csrfToken);
    return user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const getSessionUserQueryOptions = () =>
  queryOptions({ queryKey: sessionQueryKey, queryFn: getSessionUser, staleTime: Infinity });

export function useSessionUser() {
  return useQuery(getSessionUserQueryOptions());
}

export async function login(input: LoginInput): Promise<SessionUser> {
  const { user, csrfToken } = unwrap(await api.POST('/api/auth/login', { body: input }));
  setCsrfToken(csrfToken);
  return user;
}

// Drops everything cached for the previous account. The session entry itself is overwritten, not removed, so that
// the components watching it see the change.
function resetSession(queryClient: QueryClient, user: SessionUser | null): void {
  queryClient.setQueryData(sessionQueryKey, user);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (user) => resetSession(queryClient, user),
  });
}

export async function logout(): Promise<void> {
  try {
    await api.POST('/api/auth/logout');
  } catch (error) {
    // a session that already ended is as good as a successful logout
    if (!isApiError(error) || error.status !== 401) throw error;
  } finally {
    setCsrfToken(null);
  }
}

/** After success the session is null: the guard then sends the user to the login page (see AppRoot). */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => resetSession(queryClient, null),
  });
}

/** Admin roles (三权分立) hold no business role, and the API answers their business reads with 403. */
export function hasBusinessAccess(user: SessionUser): boolean {
  return user.roles.some((role) => !ADMIN_ROLES.includes(role));
}

export function roleLabels(user: SessionUser): string[] {
  return user.roles.map((role) => ROLE_LABELS[role] ?? role);
}

/** Only same-site paths are followed after login, so a crafted link cannot send the user elsewhere. */
export function safeRedirect(target: string | null): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return DEFAULT_HOME;
  if (target === '/login' || target.startsWith('/login?')) return DEFAULT_HOME;
  return target;
}

export function loginPath(redirectTo: string): string {
  return `/login?redirect=${encodeURIComponent(redirectTo)}`;
}
