import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../config/app-config.js';
import { accountGate, isDormant, isMfaRequired, isPasswordExpired } from './account-gate.js';

const DAY = 86_400_000;
const now = new Date('2024-06-15T04:00:00Z');
const base = {
  roles: ['unit_leader' as const],
  mustChangePassword: false,
  passwordChangedAt: new Date(now.getTime() - 10 * DAY),
  createdAt: new Date('2024-01-01T00:00:00Z'),
  mfaEnabledAt: null,
};
const policy = { maxAgeDays: 90, mfaRequired: true };

describe('accountGate', () => {
  it('lets a fresh account through', () => {
    expect(accountGate(base, policy, now)).toBeNull();
  });

  it('asks for the password first, then the second factor', () => {
    const officer = { ...base, roles: ['task_force_officer' as const] };
    expect(accountGate({ ...officer, mustChangePassword: true }, policy, now)).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(accountGate({ ...officer, passwordChangedAt: new Date(now.getTime() - 90 * DAY) }, policy, now)).toBe(
      'PASSWORD_EXPIRED',
    );
    expect(accountGate(officer, policy, now)).toBe('MFA_ENROLLMENT_REQUIRED');
    expect(accountGate({ ...officer, mfaEnabledAt: now }, policy, now)).toBeNull();
    expect(accountGate(officer, { ...policy, mfaRequired: false }, now)).toBeNull();
  });

  it('requires a second factor of the task force and the three admins only', () => {
    for (const role of ['system_admin', 'security_admin', 'audit_admin'] as const) {
      expect(accountGate({ ...base, roles: [role] }, policy, now)).toBe('MFA_ENROLLMENT_REQUIRED');
    }
    for (const role of ['supervisor', 'unit_staff', 'unit_leader'] as const) {
      expect(accountGate({ ...base, roles: [role] }, policy, now)).toBeNull();
    }
  });
});

describe('isPasswordExpired', () => {
  it('expires at the maximum age, never when it is 0, and counts a future date as fresh', () => {
    expect(isPasswordExpired({ passwordChangedAt: new Date(now.getTime() - 89 * DAY), createdAt: now }, 90, now)).toBe(
      false,
    );
    expect(isPasswordExpired({ passwordChangedAt: new Date(now.getTime() - 90 * DAY), createdAt: now }, 90, now)).toBe(
      true,
    );
    expect(isPasswordExpired({ passwordChangedAt: new Date(now.getTime() - 900 * DAY), createdAt: now }, 0, now)).toBe(
      false,
    );
    expect(isPasswordExpired({ passwordChangedAt: new Date('2026-01-01T00:00:00Z'), createdAt: now }, 90, now)).toBe(
      false,
    );
    expect(isPasswordExpired({ passwordChangedAt: null, createdAt: new Date(now.getTime() - 91 * DAY) }, 90, now)).toBe(
      true,
    );
  });
});

describe('isDormant', () => {
  const old = new Date(now.getTime() - 100 * DAY);
  it('counts from the latest of sign-in, re-enabling and creation', () => {
    expect(isDormant({ lastLoginAt: old, reactivatedAt: null, createdAt: old }, 90, now)).toBe(true);
    expect(isDormant({ lastLoginAt: null, reactivatedAt: null, createdAt: old }, 90, now)).toBe(true);
    expect(isDormant({ lastLoginAt: old, reactivatedAt: new Date(now.getTime() - DAY), createdAt: old }, 90, now)).toBe(
      false,
    );
    expect(
      isDormant({ lastLoginAt: new Date(now.getTime() - 5 * DAY), reactivatedAt: null, createdAt: old }, 90, now),
    ).toBe(false);
    expect(isDormant({ lastLoginAt: old, reactivatedAt: null, createdAt: old }, 0, now)).toBe(false);
  });
});

describe('isMfaRequired', () => {
  it('defaults to required in production only', () => {
    expect(isMfaRequired(loadConfig({ NODE_ENV: 'production' }))).toBe(true);
    expect(isMfaRequired(loadConfig({ NODE_ENV: 'development' }))).toBe(false);
    expect(isMfaRequired(loadConfig({ NODE_ENV: 'test' }))).toBe(false);
    expect(isMfaRequired(loadConfig({ NODE_ENV: 'test', MFA_REQUIRED: 'true' }))).toBe(true);
    expect(isMfaRequired(loadConfig({ NODE_ENV: 'production', MFA_REQUIRED: 'false' }))).toBe(false);
  });

  it('reads the sign-in policy from the configuration with safe defaults', () => {
    expect(loadConfig({})).toMatchObject({
      PASSWORD_MAX_AGE_DAYS: 90,
      PASSWORD_HISTORY_COUNT: 5,
      LOGIN_MAX_FAILURES: 5,
      LOGIN_LOCK_MINUTES: 15,
      LOGIN_RATE_PER_MINUTE: 30,
      MFA_REQUIRED: 'auto',
      ACCOUNT_DORMANT_DAYS: 90,
    });
    expect(loadConfig({ LOGIN_MAX_FAILURES: '3', PASSWORD_MAX_AGE_DAYS: '0' })).toMatchObject({
      LOGIN_MAX_FAILURES: 3,
      PASSWORD_MAX_AGE_DAYS: 0,
    });
    expect(() => loadConfig({ MFA_REQUIRED: 'maybe' })).toThrow(/MFA_REQUIRED/);
  });
});
