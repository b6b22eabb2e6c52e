// Roles on a user account. The three admin roles follow 三权分立 and are never combined with each other.

export const ROLES = [
  'task_force_officer',
  'unit_leader',
  'unit_staff',
  'supervisor',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  task_force_officer: '整改专班',
  unit_leader: '单位负责人',
  unit_staff: '单位经办人',
  supervisor: '监督人员',
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
};

export const ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];
export const UNIT_ROLES_SCOPED: readonly Role[] = ['unit_leader', 'unit_staff'];

/** Why a set of roles cannot be held by one account, or null when it can. */
export function roleConflict(roles: readonly Role[]): string | null {
  const admins = roles.filter((role) => ADMIN_ROLES.includes(role));
  if (admins.length > 1) return '系统管理员、安全管理员、审计管理员不能由同一账号兼任';
  if (admins.length === 1 && roles.length > 1) return '管理员账号不能兼任业务角色';
  return null;
}
