import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { ADMIN_ROLES, ROLE_LABELS, UNIT_ROLES_SCOPED } from '@zhenggai/domain';
import { api, isApiError, setCsrfToken, unwrap } from './api-client';
import { sessionQueryKey } from './react-query';

export type SessionUser = Schemas['SessionUserDto'];
export type LoginInput = Schemas['LoginDto'];

// the 工作台 is every business role's home page
export const DEFAULT_HOME = '/';

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

export type MfaLoginInput = Schemas['LoginMfaDto'];

/** Signed in, or asked for the second factor of an account that has one (no session yet). */
export type LoginResult = { kind: 'signed-in'; user: SessionUser } | { kind: 'mfa-required'; mfaToken: string };

export async function login(input: LoginInput): Promise<LoginResult> {
  const result = unwrap(await api.POST('/api/auth/login', { body: input }));
  if ('mfaRequired' in result) return { kind: 'mfa-required', mfaToken: result.mfaToken };
  setCsrfToken(result.csrfToken);
  return { kind: 'signed-in', user: result.user };
}

/** The second step: the authenticator's 6-digit code (or a recovery code) with the token of the first step. */
export async function loginMfa(input: MfaLoginInput): Promise<LoginResult> {
  const { user, csrfToken } = unwrap(await api.POST('/api/auth/login/mfa', { body: input }));
  setCsrfToken(csrfToken);
  return { kind: 'signed-in', user };
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
    onSuccess: (result) => {
      if (result.kind === 'signed-in') resetSession(queryClient, result.user);
    },
  });
}

export function useLoginMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: loginMfa,
    onSuccess: (result) => {
      if (result.kind === 'signed-in') resetSession(queryClient, result.user);
    },
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

export function isOfficer(user: SessionUser): boolean {
  return user.roles.includes('task_force_officer');
}

/** 单位负责人 and 单位经办人: they see and act on their own unit's items only. */
export function isUnitUser(user: SessionUser): boolean {
  return user.roles.some((role) => UNIT_ROLES_SCOPED.includes(role));
}

export function isSupervisor(user: SessionUser): boolean {
  return user.roles.includes('supervisor');
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

export const ACCOUNT_PASSWORD_PATH = '/account/password';
export const ACCOUNT_MFA_PATH = '/account/mfa';
export const ACCOUNT_NOTIFICATIONS_PATH = '/account/notifications';

/** The page an account must finish before anything else (a new password, then a second factor), or null. */
export function accountGate(user: SessionUser): string | null {
  if (user.mustChangePassword || user.passwordExpired) return ACCOUNT_PASSWORD_PATH;
  if (user.mfaEnrollmentRequired) return ACCOUNT_MFA_PATH;
  return null;
}
