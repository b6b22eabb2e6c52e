import { ROLE_LABELS } from '@zhenggai/domain';
import { isPasswordExpired } from '../auth/account-gate.js';
import type { UserDto } from './dto/user.dto.js';
import type { UserRow } from './users.repository.js';

export function mapUser(row: UserRow, now: Date, maxPasswordAgeDays: number): UserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    roles: row.roles,
    roleLabels: row.roles.map((role) => ROLE_LABELS[role]),
    unitId: row.unitId,
    unitName: row.unitName,
    disabled: !!row.disabledAt,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledReason: row.disabledReason,
    locked: !!row.lockedUntil && row.lockedUntil.getTime() > now.getTime(),
    lockedUntil: row.lockedUntil && row.lockedUntil.getTime() > now.getTime() ? row.lockedUntil.toISOString() : null,
    failedLoginCount: row.failedLoginCount,
    mustChangePassword: row.mustChangePassword,
    passwordChangedAt: row.passwordChangedAt?.toISOString() ?? null,
    passwordExpired: isPasswordExpired(row, maxPasswordAgeDays, now),
    mfaEnabled: !!row.mfaEnabledAt,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

/** What the audit trail keeps of an account: the administered fields, no secrets. */
export function auditSnapshot(user: UserDto): Record<string, unknown> {
  return {
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    roles: user.roles,
    unitId: user.unitId,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    mfaEnabled: user.mfaEnabled,
  };
}
