import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { totpCode } from '../../src/modules/auth/totp.js';
import { DormantAccountsJob } from '../../src/modules/users/dormant-accounts.job.js';
import { DEMO_PASSWORD } from '../../src/modules/seed/demo-seed.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';

const DAY = 86_400_000;
const RELAXED = { LOGIN_RATE_PER_MINUTE: '10000' };
// anything that looks like stored credentials must never leave the API
const SECRET_KEYS =
  /passwordHash|password_hash|mfaSecret|mfa_secret|mfaPendingSecret|codeHash|code_hash|tokenHash|\$argon2/;

interface Account {
  id: string;
  username: string;
  version: number;
  [key: string]: unknown;
}

describe('user administration (SEC-06, SEC-11, SEC-14, SEC-15, SEC-16)', () => {
  let t: TestApp;
  let sysadmin: SignedIn;
  let secadmin: SignedIn;
  let auditadmin: SignedIn;
  let officer: SignedIn;
  const bodies: unknown[] = [];

  // every answer of this file is kept and checked for secrets at the end
  function keep<T extends request.Response>(response: T): T {
    bodies.push(response.body);
    return response;
  }
  const write = (session: SignedIn, method: 'post' | 'patch' | 'put', url: string, body: object = {}) =>
    session.agent[method](url).set('X-CSRF-Token', session.csrfToken).send(body).then(keep);
  const find = async (username: string): Promise<Account> => {
    const list = keep(await sysadmin.agent.get('/api/users').query({ q: username }).expect(200));
    return list.body.items.find((item: Account) => item.username === username);
  };
  async function unitId(name: string): Promise<string> {
    const [row] = await t.dataSource.query(`SELECT id FROM unit WHERE name = $1`, [name]);
    return row.id;
  }

  beforeAll(async () => {
    t = await createTestApp({ env: RELAXED });
    [sysadmin, secadmin, auditadmin, officer] = await Promise.all(
      ['sysadmin', 'secadmin', 'auditadmin', 'officer'].map((name) => signIn(t.http, name)),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists accounts for the three admins with search, filters and paging; others get 403', async () => {
    const all = keep(await sysadmin.agent.get('/api/users').expect(200));
    expect(all.body).toMatchObject({ total: 7, page: 1, pageSize: 20 });
    expect(all.body.items.map((item: Account) => item.username)).toEqual([
      'auditadmin',
      'officer',
      'secadmin',
      'supervisor',
      'sysadmin',
      'unitlead',
      'unitlead2',
    ]);
    const leaders = keep(await secadmin.agent.get('/api/users').query({ role: 'unit_leader' }).expect(200));
    expect(leaders.body.items.map((item: Account) => item.username)).toEqual(['unitlead', 'unitlead2']);
    expect(leaders.body.items[0]).toMatchObject({
      roleLabels: ['单位负责人'],
      unitName: '区水务和湖泊局',
      disabled: false,
      mfaEnabled: false,
    });
    const byName = keep(await auditadmin.agent.get('/api/users').query({ q: '水湖局' }).expect(200));
    expect(byName.body.items.map((item: Account) => item.username)).toEqual(['unitlead']);
    const byUnit = keep(
      await sysadmin.agent
        .get('/api/users')
        .query({ unitId: await unitId('区经济和信息化局') })
        .expect(200),
    );
    expect(byUnit.body.items.map((item: Account) => item.username)).toEqual(['unitlead2']);
    const paged = keep(
      await sysadmin.agent.get('/api/users').query({ page: 2, pageSize: 3, disabled: 'false' }).expect(200),
    );
    expect(paged.body).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(paged.body.items).toHaveLength(3);
    const detail = keep(await auditadmin.agent.get(`/api/users/${all.body.items[1].id}`).expect(200));
    expect(detail.body).toMatchObject({ username: 'officer', roles: ['task_force_officer'], roleLabels: ['整改专班'] });

    await officer.agent.get('/api/users').expect(403);
    const unitlead = await signIn(t.http, 'unitlead');
    await unitlead.agent.get('/api/users').expect(403);
    await sysadmin.agent.get('/api/users/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('lets the system admin create an account: initial password shown once, change forced at first sign-in', async () => {
    const created = await write(sysadmin, 'post', '/api/users', {
      username: 'ZhouJie',
      displayName: '周杰',
      roles: ['unit_staff'],
      unitId: await unitId('区水务和湖泊局'),
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      username: 'zhoujie',
      displayName: '周杰',
      roles: ['unit_staff'],
      roleLabels: ['单位经办人'],
      unitName: '区水务和湖泊局',
      mustChangePassword: true,
      version: 1,
    });
    const initial = created.body.initialPassword as string;
    expect(initial).toHaveLength(16);
    const detail = keep(await sysadmin.agent.get(`/api/users/${created.body.user.id}`).expect(200));
    expect(JSON.stringify(detail.body)).not.toContain(initial);

    const first = await signIn(t.http, 'zhoujie', initial);
    expect((await first.agent.get('/api/problems').expect(403)).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const [event] = await t.dataSource.query(`SELECT * FROM audit_event WHERE action = 'USER_CREATED'`);
    expect(event).toMatchObject({
      actor_username: 'sysadmin',
      entity_id: created.body.user.id,
      detail: { passwordGenerated: true },
    });
    expect(event.after).toMatchObject({ username: 'zhoujie', roles: ['unit_staff'], mustChangePassword: true });
    expect(JSON.stringify(event)).not.toContain(initial);
  });

  it('refuses invalid accounts: duplicate, reserved name, weak password, unit role without unit, admin roles', async () => {
    const base = { displayName: '测试', roles: ['supervisor'] };
    expect((await write(sysadmin, 'post', '/api/users', { ...base, username: 'zhoujie' })).body.code).toBe('DUPLICATE');
    const reserved = await write(sysadmin, 'post', '/api/users', { ...base, username: 'Admin' });
    expect(reserved.status).toBe(400);
    expect(reserved.body.errors.username).toEqual(['保留名称（如 admin、root）不能用作用户名']);
    const weak = await write(sysadmin, 'post', '/api/users', { ...base, username: 'weakling', password: '12345678' });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({
      code: 'PASSWORD_POLICY_VIOLATION',
      errors: { password: expect.arrayContaining([expect.stringMatching(/至少 3 类/)]) },
    });
    const noUnit = await write(sysadmin, 'post', '/api/users', { ...base, username: 'nounit', roles: ['unit_leader'] });
    expect(noUnit.status).toBe(400);
    expect(noUnit.body.errors.unitId).toEqual(['单位负责人、单位经办人必须指定所属单位']);
    const admin = await write(sysadmin, 'post', '/api/users', {
      ...base,
      username: 'newadmin',
      roles: ['security_admin'],
    });
    expect(admin.status).toBe(403);
    expect(admin.body.code).toBe('ROLE_ASSIGNMENT_FORBIDDEN');
    const badName = await write(sysadmin, 'post', '/api/users', { ...base, username: '1x' });
    expect(badName.status).toBe(400);
  });

  it('keeps user writes to their admin: 三权分立 matrix', async () => {
    const target = await find('supervisor');
    const writes: Array<['post' | 'patch' | 'put', string, object]> = [
      ['post', '/api/users', { username: 'matrix1', displayName: '矩阵', roles: [] }],
      ['patch', `/api/users/${target.id}`, { version: target.version, displayName: '改名' }],
      ['put', `/api/users/${target.id}/roles`, { version: target.version, roles: ['supervisor'] }],
      ['post', `/api/users/${target.id}/reset-password`, {}],
      ['post', `/api/users/${target.id}/unlock`, {}],
      ['post', `/api/users/${target.id}/mfa/reset`, {}],
    ];
    const allowed: Record<string, string[]> = {
      sysadmin: ['post /api/users', 'patch /api/users/:id'],
      secadmin: [
        'put /api/users/:id/roles',
        'post /api/users/:id/reset-password',
        'post /api/users/:id/unlock',
        'post /api/users/:id/mfa/reset',
      ],
      auditadmin: [],
      officer: [],
    };
    const sessions: Record<string, SignedIn> = { sysadmin, secadmin, auditadmin, officer };
    for (const [name, session] of Object.entries(sessions)) {
      for (const [method, url, body] of writes) {
        const route = `${method} ${url.replace(target.id, ':id')}`;
        if (allowed[name].includes(route)) continue;
        const response = await write(session, method, url, body);
        expect({ name, route, status: response.status, code: response.body.code }).toEqual({
          name,
          route,
          status: 403,
          code: 'FORBIDDEN',
        });
      }
    }
    // nothing changed
    expect(await find('supervisor')).toMatchObject({ displayName: '监督人员', version: target.version });
  });

  it('lets the security admin grant roles, refusing conflicting combinations with 422', async () => {
    const user = await find('zhoujie');
    const twoAdmins = await write(secadmin, 'put', `/api/users/${user.id}/roles`, {
      version: user.version,
      roles: ['system_admin', 'security_admin'],
    });
    expect(twoAdmins.status).toBe(422);
    expect(twoAdmins.body).toMatchObject({
      code: 'ROLE_CONFLICT',
      message: '系统管理员、安全管理员、审计管理员不能由同一账号兼任',
    });
    const adminAndBusiness = await write(secadmin, 'put', `/api/users/${user.id}/roles`, {
      version: user.version,
      roles: ['audit_admin', 'supervisor'],
    });
    expect(adminAndBusiness.status).toBe(422);
    expect(adminAndBusiness.body.message).toBe('管理员账号不能兼任业务角色');

    const session = await signIn(t.http, 'zhoujie', (await resetPassword(user.id)).temporaryPassword);
    const granted = await write(secadmin, 'put', `/api/users/${user.id}/roles`, {
      version: user.version,
      roles: ['unit_leader'],
    });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({
      roles: ['unit_leader'],
      roleLabels: ['单位负责人'],
      version: user.version + 1,
    });
    // a role change ends the account's sessions
    expect((await session.agent.get('/api/auth/me').expect(401)).body.code).toBe('SESSION_EXPIRED');
    const [event] = await t.dataSource.query(
      `SELECT * FROM audit_event WHERE action = 'ROLES_CHANGED' AND entity_id = $1`,
      [user.id],
    );
    expect(event).toMatchObject({
      actor_username: 'secadmin',
      before: { roles: ['unit_staff'] },
      after: { roles: ['unit_leader'] },
    });

    const stale = await write(secadmin, 'put', `/api/users/${user.id}/roles`, {
      version: user.version,
      roles: ['unit_staff'],
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', current: { version: user.version + 1 } });
    const missing = await write(secadmin, 'put', `/api/users/${user.id}/roles`, { roles: ['unit_staff'] });
    expect(missing.body.code).toBe('VERSION_REQUIRED');
  });

  it('refuses changes of one’s own roles or status', async () => {
    const self = await find('secadmin');
    const own = await write(secadmin, 'put', `/api/users/${self.id}/roles`, {
      version: self.version,
      roles: ['supervisor'],
    });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('SELF_MODIFICATION_FORBIDDEN');
    const me = await find('sysadmin');
    const disableSelf = await write(sysadmin, 'patch', `/api/users/${me.id}`, { version: me.version, disabled: true });
    expect(disableSelf.status).toBe(403);
    expect(disableSelf.body.code).toBe('SELF_MODIFICATION_FORBIDDEN');
    expect((await write(secadmin, 'post', `/api/users/${self.id}/reset-password`)).status).toBe(403);
  });

  async function resetPassword(id: string): Promise<{ temporaryPassword: string }> {
    const response = await write(secadmin, 'post', `/api/users/${id}/reset-password`);
    expect(response.status).toBe(200);
    return response.body;
  }

  it('resets a password: one-time temporary password, old password and sessions dead, change forced', async () => {
    const user = await find('unitlead2');
    const before = await signIn(t.http, 'unitlead2');
    const { temporaryPassword } = await resetPassword(user.id);
    expect(temporaryPassword).toHaveLength(16);
    await before.agent.get('/api/auth/me').expect(401);
    await request(t.http).post('/api/auth/login').send({ username: 'unitlead2', password: DEMO_PASSWORD }).expect(401);
    const after = await signIn(t.http, 'unitlead2', temporaryPassword);
    expect((await after.agent.get('/api/measures').expect(403)).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await after.agent
      .put('/api/auth/password')
      .set('X-CSRF-Token', after.csrfToken)
      .send({ currentPassword: temporaryPassword, newPassword: temporaryPassword })
      .expect(400);
    await after.agent
      .put('/api/auth/password')
      .set('X-CSRF-Token', after.csrfToken)
      .send({ currentPassword: temporaryPassword, newPassword: 'Jx4#econ-2024' })
      .expect(200);
    await after.agent.get('/api/measures').expect(200);
    const [event] = await t.dataSource.query(
      `SELECT * FROM audit_event WHERE action = 'PASSWORD_RESET' AND entity_id = $1`,
      [user.id],
    );
    expect(event).toMatchObject({ actor_username: 'secadmin', after: { mustChangePassword: true, locked: false } });
    expect(JSON.stringify(event)).not.toContain(temporaryPassword);
  });

  it('moves an account to another unit: its sessions end and the next sign-in sees the new unit only (SEC-15)', async () => {
    const user = await find('unitlead');
    const session = await signIn(t.http, 'unitlead');
    const oldUnit = user.unitId as string;
    const newUnit = await unitId('区经济和信息化局');
    const moved = await write(sysadmin, 'patch', `/api/users/${user.id}`, {
      version: user.version,
      unitId: newUnit,
      displayName: '经信局干部',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      unitId: newUnit,
      unitName: '区经济和信息化局',
      displayName: '经信局干部',
      version: user.version + 1,
    });
    await session.agent.get('/api/auth/me').expect(401);
    const again = await signIn(t.http, 'unitlead');
    const measures = await again.agent.get('/api/measures').query({ pageSize: 200 }).expect(200);
    expect(measures.body.items.length).toBeGreaterThan(0);
    for (const measure of measures.body.items) {
      const units = [measure.leadUnit?.id, ...measure.coUnits.map((unit: { id: string }) => unit.id)];
      expect(units).toContain(newUnit);
    }
    const [event] = await t.dataSource.query(
      `SELECT * FROM audit_event WHERE action = 'USER_UPDATED' AND entity_id = $1`,
      [user.id],
    );
    expect(event).toMatchObject({
      before: { unitId: oldUnit, displayName: '水湖局负责人' },
      after: { unitId: newUnit, displayName: '经信局干部' },
    });
  });

  it('disables an account: its session ends at once and sign-in is refused; enabling lets it back in', async () => {
    const user = await find('supervisor');
    const session = await signIn(t.http, 'supervisor');
    const disabled = await write(sysadmin, 'patch', `/api/users/${user.id}`, { version: user.version, disabled: true });
    expect(disabled.body).toMatchObject({ disabled: true, disabledReason: 'admin', disabledAt: expect.any(String) });
    expect((await session.agent.get('/api/problems').expect(401)).body.code).toBe('SESSION_EXPIRED');
    const refused = await request(t.http)
      .post('/api/auth/login')
      .send({ username: 'supervisor', password: DEMO_PASSWORD })
      .expect(401);
    expect(refused.body.code).toBe('INVALID_CREDENTIALS');
    const filtered = keep(await sysadmin.agent.get('/api/users').query({ disabled: 'true' }).expect(200));
    expect(filtered.body.items.map((item: Account) => item.username)).toEqual(['supervisor']);
    const enabled = await write(sysadmin, 'patch', `/api/users/${user.id}`, {
      version: disabled.body.version,
      disabled: false,
    });
    expect(enabled.body).toMatchObject({ disabled: false, disabledReason: null });
    await signIn(t.http, 'supervisor');
    const actions = (
      await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [user.id])
    ).map((row: { action: string }) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['ACCOUNT_DISABLED', 'ACCOUNT_ENABLED']));
  });

  it('lets the security admin reset a lost second factor', async () => {
    const user = await find('auditadmin');
    const none = await write(secadmin, 'post', `/api/users/${user.id}/mfa/reset`);
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('MFA_NOT_ENABLED');
    const setup = await write(auditadmin, 'post', '/api/auth/mfa/setup');
    expect(JSON.stringify(setup.body)).toContain('otpauth://');
    bodies.pop(); // the setup answer carries the secret by design
    await write(auditadmin, 'post', '/api/auth/mfa/enable', { code: totpCode(setup.body.secret, t.clock.now()) });
    expect((await find('auditadmin')).mfaEnabled).toBe(true);
    const reset = await write(secadmin, 'post', `/api/users/${user.id}/mfa/reset`);
    expect(reset.status).toBe(200);
    expect(reset.body.mfaEnabled).toBe(false);
    await auditadmin.agent.get('/api/auth/me').expect(401);
    auditadmin = await signIn(t.http, 'auditadmin');
    expect(auditadmin.csrfToken).toEqual(expect.any(String));
  });

  it('never answers with a password hash, a second-factor secret or a recovery-code hash', () => {
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) expect(JSON.stringify(body)).not.toMatch(SECRET_KEYS);
    expect(JSON.stringify(bodies)).not.toMatch(/"mfaSecret"|"secret"/);
  });

  it('disables a dormant account by the daily job (fake clock): audited, sessions revoked, sign-in refused', async () => {
    const created = await write(sysadmin, 'post', '/api/users', {
      username: 'idle.user',
      displayName: '长期未登录',
      roles: ['supervisor'],
    });
    const fresh = await write(sysadmin, 'post', '/api/users', {
      username: 'busy.user',
      displayName: '经常登录',
      roles: ['supervisor'],
    });
    const job = t.app.get(DormantAccountsJob);
    t.clock.advance(89 * DAY);
    await signIn(t.http, 'busy.user', fresh.body.initialPassword);
    await signIn(t.http, 'idle.user', created.body.initialPassword);
    // idle.user's only sign-in goes back to the day it was created
    await t.dataSource.query(`UPDATE user_account SET last_login_at = created_at WHERE username = 'idle.user'`);
    expect(await job.run()).toEqual([]);
    t.clock.advance(DAY + 1000);
    const disabled = await job.run();
    expect(disabled).toContain('idle.user');
    expect(disabled).not.toContain('busy.user');

    const sessions = await t.dataSource.query(`SELECT revoked_at FROM user_session WHERE user_id = $1`, [
      created.body.user.id,
    ]);
    expect(sessions.length).toBeGreaterThan(0);
    for (const session of sessions) expect(session.revoked_at).toBeInstanceOf(Date);
    await request(t.http)
      .post('/api/auth/login')
      .send({ username: 'idle.user', password: created.body.initialPassword })
      .expect(401);
    const [event] = await t.dataSource.query(
      `SELECT * FROM audit_event WHERE action = 'ACCOUNT_DISABLED' AND entity_id = $1`,
      [created.body.user.id],
    );
    expect(event).toMatchObject({
      actor_username: 'system',
      detail: expect.objectContaining({ reason: 'dormant', dormantDays: 90 }),
    });
    const admin = await signIn(t.http, 'sysadmin');
    const detail = keep(await admin.agent.get(`/api/users/${created.body.user.id}`).expect(200));
    expect(detail.body).toMatchObject({ disabled: true, disabledReason: 'dormant' });

    // enabled again by the admin, the account is not disabled by the next run
    await write(admin, 'patch', `/api/users/${created.body.user.id}`, {
      version: detail.body.version,
      disabled: false,
    });
    expect(await job.run()).toEqual([]);
    await signIn(t.http, 'idle.user', created.body.initialPassword);
  });

  it('disables a dormant account at its next sign-in too, but never the last system or security admin', async () => {
    // far past every account's last activity (the demo accounts were created when the test database was built)
    t.clock.set(new Date(Date.now() + 400 * DAY));
    const refused = await request(t.http)
      .post('/api/auth/login')
      .send({ username: 'officer', password: DEMO_PASSWORD })
      .expect(401);
    expect(refused.body.code).toBe('INVALID_CREDENTIALS');
    const disabled = await t.app.get(DormantAccountsJob).run();
    expect(disabled).not.toContain('sysadmin');
    expect(disabled).not.toContain('secadmin');
    expect(disabled).toEqual(expect.arrayContaining(['auditadmin', 'supervisor', 'unitlead']));
    const rows = await t.dataSource.query(
      `SELECT username FROM user_account WHERE disabled_at IS NULL ORDER BY username`,
    );
    expect(rows.map((row: { username: string }) => row.username)).toEqual(['secadmin', 'sysadmin']);
    const [officerEvent] = await t.dataSource.query(
      `SELECT detail FROM audit_event WHERE action = 'ACCOUNT_DISABLED' AND detail->>'username' = 'officer'`,
    );
    expect(officerEvent.detail).toMatchObject({ reason: 'dormant' });
  });
});
