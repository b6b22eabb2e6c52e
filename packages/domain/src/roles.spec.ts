import { describe, expect, it } from 'vitest';
import { roleConflict } from './roles.js';

describe('roleConflict', () => {
  it('allows a single business or admin role', () => {
    expect(roleConflict(['task_force_officer'])).toBeNull();
    expect(roleConflict(['audit_admin'])).toBeNull();
    expect(roleConflict(['unit_leader', 'unit_staff'])).toBeNull();
  });
  it('refuses two admin roles and admins with business roles', () => {
    expect(roleConflict(['system_admin', 'security_admin'])).toMatch(/不能由同一账号兼任/);
    expect(roleConflict(['audit_admin', 'supervisor'])).toMatch(/业务角色/);
  });
});
