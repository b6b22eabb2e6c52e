import { SetMetadata } from '@nestjs/common';
import type { Role } from '@zhenggai/domain';
import type { AppConfig } from '../../config/app-config.js';

// What an account must do before it may use the application: change an initial or reset password, replace an
// expired one, or enrol a second factor. While a gate is open, only the routes marked @AllowDuring(gate) answer;
// every other route answers 403 with the gate as its code.
export type AccountGate = 'PASSWORD_CHANGE_REQUIRED' | 'PASSWORD_EXPIRED' | 'MFA_ENROLLMENT_REQUIRED';
export const ALL_GATES: AccountGate[] = ['PASSWORD_CHANGE_REQUIRED', 'PASSWORD_EXPIRED', 'MFA_ENROLLMENT_REQUIRED'];

export const ALLOW_DURING = 'zg:allow-during';

/** Reachable while one of these gates is open (profile, sign-out, password change, second-factor enrolment). */
export const AllowDuring = (...gates: AccountGate[]) => SetMetadata(ALLOW_DURING, gates);

// 等保 8.1.4.1d: two factors for the task force and the three admin roles
export const MFA_ROLES: readonly Role[] = ['task_force_officer', 'system_admin', 'security_admin', 'audit_admin'];

const DAY_MS = 86_400_000;

export function isMfaRequired(config: Pick<AppConfig, 'MFA_REQUIRED' | 'NODE_ENV'>): boolean {
  if (config.MFA_REQUIRED === 'auto') return config.NODE_ENV === 'production';
  return config.MFA_REQUIRED === 'true';
}

export interface GateAccount {
  roles: readonly Role[];
  mustChangePassword: boolean;
  passwordChangedAt: Date | null;
  createdAt: Date;
  mfaEnabledAt: Date | null;
}

export function isPasswordExpired(
  account: Pick<GateAccount, 'passwordChangedAt' | 'createdAt'>,
  maxAgeDays: number,
  now: Date,
): boolean {
  if (maxAgeDays <= 0) return false;
  const since = (account.passwordChangedAt ?? account.createdAt).getTime();
  // a change stamped in the future (a dataset loaded elsewhere, clock skew) counts as fresh
  return now.getTime() - since >= maxAgeDays * DAY_MS;
}

export function needsMfaEnrollment(
  account: Pick<GateAccount, 'roles' | 'mfaEnabledAt'>,
  mfaRequired: boolean,
): boolean {
  return mfaRequired && !account.mfaEnabledAt && account.roles.some((role) => MFA_ROLES.includes(role));
}

/** The first thing the account has to do, or null when it may work. The password comes before the second factor. */
export function accountGate(
  account: GateAccount,
  policy: { maxAgeDays: number; mfaRequired: boolean },
  now: Date,
): AccountGate | null {
  if (account.mustChangePassword) return 'PASSWORD_CHANGE_REQUIRED';
  if (isPasswordExpired(account, policy.maxAgeDays, now)) return 'PASSWORD_EXPIRED';
  if (needsMfaEnrollment(account, policy.mfaRequired)) return 'MFA_ENROLLMENT_REQUIRED';
  return null;
}

/** Not signed in for `dormantDays` (counted from the last sign-in, re-enabling or creation); 0 turns it off. */
export function isDormant(
  account: { lastLoginAt: Date | null; reactivatedAt: Date | null; createdAt: Date },
  dormantDays: number,
  now: Date,
): boolean {
  if (dormantDays <= 0) return false;
  const last = Math.max(
    account.lastLoginAt?.getTime() ?? 0,
    account.reactivatedAt?.getTime() ?? 0,
    account.createdAt.getTime(),
  );
  return now.getTime() - last >= dormantDays * DAY_MS;
}
