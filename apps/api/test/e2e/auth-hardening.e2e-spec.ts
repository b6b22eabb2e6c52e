import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { SecretBox } from '../../src/common/crypto/secret-box.js';
import { totpCode } from '../../src/modules/auth/totp.js';
import { DEMO_PASSWORD } from '../../src/modules/seed/demo-seed.js';
import { createTestApp, signIn, TEST_SECRET_KEY, type SignedIn, type TestApp } from '../support/app.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
// most tests sign in often from one address: the per-IP throttle has its own test below
const RELAXED = { LOGIN_RATE_PER_MINUTE: '10000' };

function login(t: TestApp, username: string, password: string) {
  return request(t.http).post('/api/auth/login').send({ username, password });
}

function cookieOf(response: request.Response): string | undefined {
  return ([] as string[]).concat(response.headers['set-cookie'] ?? [])[0]?.split(';')[0];
}

function changePassword(session: SignedIn, currentPassword: string, newPassword: string) {
  return session.agent
    .put('/api/auth/password')
    .set('X-CSRF-Token', session.csrfToken)
    .send({ currentPassword, newPassword });
}

async function auditRows(t: TestApp, action: string): Promise<Array<Record<string, unknown>>> {
  return t.dataSource.query(`SELECT * FROM audit_event WHERE action = $1 ORDER BY id`, [action]);
}

describe('password policy and password change (SEC-02, SEC-03, SEC-06)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: RELAXED });
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['too short', 'Tr7#kq', /不能少于 8 个字符/],
    ['all digits', '20240315778899', /至少 3 类/],
    ['a common password', 'Admin@123', /过于常见/],
    ['a common pinyin password', 'Woaini1314', /过于常见/],
    ['the username inside', 'xOfficer#2024', /不能包含用户名/],
  ])('refuses %s with 400 and the policy in Chinese', async (_case, newPassword, message) => {
    const officer = await signIn(t.http, 'officer');
    const response = await changePassword(officer, DEMO_PASSWORD, newPassword).expect(400);
    expect(response.body).toMatchObject({ code: 'PASSWORD_POLICY_VIOLATION', message: '新密码不符合密码策略' });
    expect(response.body.errors.newPassword).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
    // nothing changed: the demo password still works
    await login(t, 'officer', DEMO_PASSWORD).expect(200);
  });

  it('refuses a wrong current password and a change without the CSRF token', async () => {
    const officer = await signIn(t.http, 'officer');
    const wrong = await changePassword(officer, 'Not-the-password-1', 'Kx9#mQ2vL!pz').expect(400);
    expect(wrong.body).toMatchObject({
      code: 'CURRENT_PASSWORD_INVALID',
      errors: { currentPassword: ['当前密码不正确'] },
    });
    await officer.agent
      .put('/api/auth/password')
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'Kx9#mQ2vL!pz' })
      .expect(403);
    // the wrong current password counted as a failure; a success clears it
    await login(t, 'officer', DEMO_PASSWORD).expect(200);
  });

  it('accepts a 64-character password; sign-in then works with exactly that string only', async () => {
    const long = `Zg-整${'q7'.repeat(29)}kX`;
    expect(Array.from(long)).toHaveLength(64);
    const unitlead = await signIn(t.http, 'unitlead');
    const response = await changePassword(unitlead, DEMO_PASSWORD, long).expect(200);
    expect(response.body).toMatchObject({
      username: 'unitlead',
      mustChangePassword: false,
      passwordExpired: false,
      csrfToken: unitlead.csrfToken,
    });
    await login(t, 'unitlead', long).expect(200);
    await login(t, 'unitlead', long.slice(0, -1)).expect(401);
    await login(t, 'unitlead', `${long} `).expect(401);
    await login(t, 'unitlead', DEMO_PASSWORD).expect(401);
  });

  it('accepts Chinese characters and spaces; sign-in needs the exact string', async () => {
    const chinese = '整改 落实 2024 到位';
    const unitlead2 = await signIn(t.http, 'unitlead2');
    await changePassword(unitlead2, DEMO_PASSWORD, chinese).expect(200);
    await login(t, 'unitlead2', chinese).expect(200);
    await login(t, 'unitlead2', '整改落实2024到位').expect(401);
    await login(t, 'unitlead2', '整改 落实 2024 到位 ').expect(401);
  });

  it('ends the other sessions on a password change and keeps the one that made it', async () => {
    const first = await signIn(t.http, 'supervisor');
    const second = await signIn(t.http, 'supervisor');
    await changePassword(first, DEMO_PASSWORD, 'Jd8$wq2-Lm4t').expect(200);
    await first.agent.get('/api/problems').expect(200);
    const stale = await second.agent.get('/api/auth/me').expect(401);
    expect(stale.body.code).toBe('SESSION_EXPIRED');
    const [event] = (await auditRows(t, 'PASSWORD_CHANGED')).slice(-1);
    expect(event).toMatchObject({ actor_username: 'supervisor', detail: { forced: false, revokedSessions: 1 } });
    expect(JSON.stringify(await auditRows(t, 'PASSWORD_CHANGED'))).not.toMatch(/Jd8\$wq2|argon2/);
  });

  it('refuses the current password and the latest five, and allows the sixth oldest again', async () => {
    const history = ['Jd8$wq2-Lm4t', 'Ha3#Lk9-zx01', 'Ha3#Lk9-zx02', 'Ha3#Lk9-zx03', 'Ha3#Lk9-zx04', 'Ha3#Lk9-zx05'];
    const session = await signIn(t.http, 'supervisor', history[0]);
    for (let i = 1; i < history.length; i++) await changePassword(session, history[i - 1], history[i]).expect(200);
    const current = history[history.length - 1];
    for (const reused of history.slice(1)) {
      const response = await changePassword(session, current, reused).expect(400);
      expect(response.body).toMatchObject({ code: 'PASSWORD_REUSED', message: '不能使用最近 5 次用过的密码' });
    }
    // the first of the six is no longer among the latest five
    await changePassword(session, current, history[0]).expect(200);
  });
});

describe('lockout, per-IP throttle and no account oracle (SEC-04)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: RELAXED });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers an unknown user and a wrong password identically', async () => {
    const wrong = await login(t, 'officer', 'Wrong-pass-123');
    const unknown = await login(t, 'no-such-user', 'Wrong-pass-123');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: '用户名或密码错误。连续输错 5 次，账号将被锁定 15 分钟',
    });
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(wrong.headers).sort());
    await login(t, 'officer', DEMO_PASSWORD).expect(200);
  });

  it('has no default or shared accounts (SEC-01)', async () => {
    const pairs = [
      ['admin', 'admin'],
      ['admin', '123456'],
      ['admin', 'Admin@123'],
      ['root', 'root'],
      ['administrator', 'password'],
      ['test', 'test'],
      ['guest', 'guest'],
    ];
    for (const [username, password] of pairs) {
      const response = await login(t, username, password);
      expect({ username, status: response.status, code: response.body.code }).toEqual({
        username,
        status: 401,
        code: 'INVALID_CREDENTIALS',
      });
    }
  });

  it('locks an account after 5 consecutive failures: the right password is then refused with the same answer', async () => {
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await login(t, 'unitlead2', `Wrong-pass-${i}`)).body);
    const right = await login(t, 'unitlead2', DEMO_PASSWORD).expect(401);
    expect(right.body).toEqual(answers[0]);
    expect(new Set(answers.map((body) => JSON.stringify(body))).size).toBe(1);
    const [locked] = await auditRows(t, 'ACCOUNT_LOCKED');
    expect(locked).toMatchObject({
      actor_username: 'unitlead2',
      result: 'failure',
      detail: expect.objectContaining({ failures: 5 }),
    });
    const refused = await t.dataSource.query(
      `SELECT detail FROM audit_event WHERE action = 'LOGIN_FAILED' AND actor_username = 'unitlead2' ORDER BY id DESC LIMIT 1`,
    );
    expect(refused[0].detail).toEqual({ reason: 'locked' });
  });

  it('unlocks by itself after LOGIN_LOCK_MINUTES (fake clock)', async () => {
    t.clock.advance(14 * MINUTE);
    await login(t, 'unitlead2', DEMO_PASSWORD).expect(401);
    t.clock.advance(MINUTE + 1000);
    const response = await login(t, 'unitlead2', DEMO_PASSWORD).expect(200);
    expect(response.body.user.username).toBe('unitlead2');
  });

  it('counts consecutive failures only: a success in between starts again', async () => {
    for (let i = 0; i < 4; i++) await login(t, 'unitlead', 'Wrong-pass-x').expect(401);
    await login(t, 'unitlead', DEMO_PASSWORD).expect(200);
    for (let i = 0; i < 4; i++) await login(t, 'unitlead', 'Wrong-pass-x').expect(401);
    await login(t, 'unitlead', DEMO_PASSWORD).expect(200);
  });

  it('lets the security admin unlock a locked account at once', async () => {
    for (let i = 0; i < 5; i++) await login(t, 'supervisor', 'Wrong-pass-y').expect(401);
    await login(t, 'supervisor', DEMO_PASSWORD).expect(401);
    const secadmin = await signIn(t.http, 'secadmin');
    const list = await secadmin.agent.get('/api/users').query({ q: 'supervisor' }).expect(200);
    const user = list.body.items.find((item: { username: string }) => item.username === 'supervisor');
    expect(user).toMatchObject({ locked: true, lockedUntil: expect.any(String) });
    const unlocked = await secadmin.agent
      .post(`/api/users/${user.id}/unlock`)
      .set('X-CSRF-Token', secadmin.csrfToken)
      .expect(200);
    expect(unlocked.body).toMatchObject({ locked: false, lockedUntil: null, failedLoginCount: 0 });
    await login(t, 'supervisor', DEMO_PASSWORD).expect(200);
    const [event] = await auditRows(t, 'ACCOUNT_UNLOCKED');
    expect(event).toMatchObject({
      actor_username: 'secadmin',
      entity_id: user.id,
      before: expect.objectContaining({ locked: true }),
    });
  });
});

describe('lockout by address: nobody locks another person out (SEC-04)', () => {
  let t: TestApp;
  // behind one trusted proxy, so that X-Forwarded-For names the client
  const from = (ip: string, username: string, password: string) =>
    request(t.http).post('/api/auth/login').set('X-Forwarded-For', ip).send({ username, password });
  beforeAll(async () => {
    t = await createTestApp({ env: { ...RELAXED, TRUST_PROXY_HOPS: '1', LOGIN_ACCOUNT_MAX_FAILURES: '12' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('locks the account for the address that failed five times, not for its owner elsewhere', async () => {
    for (let i = 0; i < 5; i++) await from('203.0.113.7', 'unitlead', `Wrong-pass-${i}`).expect(401);
    await from('203.0.113.7', 'unitlead', DEMO_PASSWORD).expect(401);
    const owner = await from('198.51.100.20', 'unitlead', DEMO_PASSWORD).expect(200);
    expect(owner.body.user.username).toBe('unitlead');
    // the owner's success does not lift the lock of the other address
    await from('203.0.113.7', 'unitlead', DEMO_PASSWORD).expect(401);
    const [locked] = await auditRows(t, 'ACCOUNT_LOCKED');
    expect(locked).toMatchObject({
      actor_username: 'unitlead',
      detail: expect.objectContaining({ scope: 'address', ip: '203.0.113.7', failures: 5 }),
    });
    // the address's lock ends after LOGIN_LOCK_MINUTES
    t.clock.advance(15 * MINUTE + 1000);
    await from('203.0.113.7', 'unitlead', DEMO_PASSWORD).expect(200);
  });

  it('locks it for everyone when the failures come from many addresses (LOGIN_ACCOUNT_MAX_FAILURES)', async () => {
    for (let i = 0; i < 12; i++) await from(`192.0.2.${i + 1}`, 'unitlead2', 'Wrong-pass-z').expect(401);
    await from('198.51.100.99', 'unitlead2', DEMO_PASSWORD).expect(401);
    const [locked] = (await auditRows(t, 'ACCOUNT_LOCKED')).filter(
      (row) => (row as { actor_username: string }).actor_username === 'unitlead2',
    );
    expect(locked).toMatchObject({ detail: expect.objectContaining({ scope: 'account', failures: 12 }) });
    // the security admin's 解锁 lifts both kinds of lock
    const secadmin = await signIn(t.http, 'secadmin');
    const list = await secadmin.agent.get('/api/users').query({ q: 'unitlead2' }).expect(200);
    const user = list.body.items.find((item: { username: string }) => item.username === 'unitlead2');
    expect(user.locked).toBe(true);
    await secadmin.agent.post(`/api/users/${user.id}/unlock`).set('X-CSRF-Token', secadmin.csrfToken).expect(200);
    await from('198.51.100.99', 'unitlead2', DEMO_PASSWORD).expect(200);
    await from('192.0.2.1', 'unitlead2', DEMO_PASSWORD).expect(200);
  });
});

describe('per-IP sign-in throttle (SEC-04)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '5' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 beyond LOGIN_RATE_PER_MINUTE attempts from one address, and lets it in again a minute later', async () => {
    for (let i = 0; i < 5; i++) await login(t, `someone${i}`, 'Wrong-pass-123').expect(401);
    const limited = await login(t, 'officer', DEMO_PASSWORD).expect(429);
    expect(limited.body).toEqual({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    // the seconds left in the fixed minute the attempts were counted in
    const now = t.clock.now().getTime();
    expect(limited.headers['retry-after']).toBe(String(Math.max(1, Math.ceil((MINUTE - (now % MINUTE)) / 1000))));
    const mfaStep = await request(t.http)
      .post('/api/auth/login/mfa')
      .send({ mfaToken: 'x', code: '123456' })
      .expect(429);
    expect(mfaStep.body.code).toBe('RATE_LIMITED');
    t.clock.advance(MINUTE + 1);
    await login(t, 'officer', DEMO_PASSWORD).expect(200);
  });
});

describe('forced password change and maximum password age (SEC-01, SEC-03)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // 90 idle days would also make the account dormant: this block is about the password only
    t = await createTestApp({ env: { ...RELAXED, ACCOUNT_DORMANT_DAYS: '365' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('does not force the demo accounts', async () => {
    const officer = await signIn(t.http, 'officer');
    expect((await officer.agent.get('/api/auth/me').expect(200)).body).toMatchObject({
      mustChangePassword: false,
      passwordExpired: false,
    });
    await officer.agent.get('/api/problems').expect(200);
  });

  it('lets a new account reach only me, password change and logout until it has changed its initial password', async () => {
    const sysadmin = await signIn(t.http, 'sysadmin');
    const created = await sysadmin.agent
      .post('/api/users')
      .set('X-CSRF-Token', sysadmin.csrfToken)
      .send({ username: 'wangfang', displayName: '王芳', roles: ['supervisor'] })
      .expect(201);
    const initial = created.body.initialPassword as string;
    const first = await signIn(t.http, 'wangfang', initial);
    const me = await first.agent.get('/api/auth/me').expect(200);
    expect(me.body).toMatchObject({ username: 'wangfang', mustChangePassword: true });
    const blocked = await first.agent.get('/api/problems').expect(403);
    expect(blocked.body).toEqual({ code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码' });
    await first.agent.get('/api/auth/mfa').expect(200);
    const setup = await first.agent.post('/api/auth/mfa/setup').set('X-CSRF-Token', first.csrfToken).expect(403);
    expect(setup.body.code).toBe('PASSWORD_CHANGE_REQUIRED');

    await changePassword(first, initial, 'Wf7#river-2024').expect(200);
    await first.agent.get('/api/problems').expect(200);
    await first.agent.post('/api/auth/logout').set('X-CSRF-Token', first.csrfToken).expect(204);
  });

  it('lets logout through while the change is pending', async () => {
    const sysadmin = await signIn(t.http, 'sysadmin');
    const created = await sysadmin.agent
      .post('/api/users')
      .set('X-CSRF-Token', sysadmin.csrfToken)
      .send({ username: 'lina', displayName: '李娜', roles: ['supervisor'], password: 'Ln5#first-pass' })
      .expect(201);
    expect(created.body.initialPassword).toBeNull();
    const session = await signIn(t.http, 'lina', 'Ln5#first-pass');
    await session.agent.post('/api/auth/logout').set('X-CSRF-Token', session.csrfToken).expect(204);
  });

  it('expires a password after PASSWORD_MAX_AGE_DAYS (fake clock): only the change is allowed', async () => {
    t.clock.advance(90 * DAY);
    const response = await login(t, 'wangfang', 'Wf7#river-2024').expect(200);
    expect(response.body.user).toMatchObject({ passwordExpired: true, mustChangePassword: false });
    const session = await signIn(t.http, 'wangfang', 'Wf7#river-2024');
    const blocked = await session.agent.get('/api/problems').expect(403);
    expect(blocked.body).toEqual({ code: 'PASSWORD_EXPIRED', message: '密码已过期，请先修改密码' });
    await changePassword(session, 'Wf7#river-2024', 'Wf7#river-2025').expect(200);
    await session.agent.get('/api/problems').expect(200);
    expect((await session.agent.get('/api/auth/me').expect(200)).body.passwordExpired).toBe(false);
  });
});

describe('second factor (TOTP) (SEC-07)', () => {
  let t: TestApp;
  let secret: string;
  let recoveryCodes: string[];
  beforeAll(async () => {
    t = await createTestApp({ env: RELAXED });
  });
  afterAll(async () => {
    await t.close();
  });

  const code = () => totpCode(secret, t.clock.now());

  it('sets up a secret (issuer 整改工作台, label = username) and enables it with a first code', async () => {
    const officer = await signIn(t.http, 'officer');
    const setup = await officer.agent.post('/api/auth/mfa/setup').set('X-CSRF-Token', officer.csrfToken).expect(200);
    secret = setup.body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(decodeURIComponent(setup.body.otpauthUrl)).toMatch(
      /^otpauth:\/\/totp\/整改工作台:officer\?secret=[A-Z2-7]{32}.*issuer=整改工作台/,
    );

    // at rest the secret is sealed (v1:…), bound to its column and row: the database alone never reveals it
    const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
    const [pending] = await t.dataSource.query(
      `SELECT id, mfa_secret, mfa_pending_secret FROM user_account WHERE username = 'officer'`,
    );
    expect(pending.mfa_secret).toBeNull();
    expect(pending.mfa_pending_secret).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(pending.mfa_pending_secret).not.toContain(secret);
    expect(box.open(pending.mfa_pending_secret, `user_account.mfa_pending_secret:${pending.id}`)).toBe(secret);

    const wrong = await officer.agent
      .post('/api/auth/mfa/enable')
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ code: '000000' })
      .expect(400);
    expect(wrong.body.code).toBe('MFA_CODE_REJECTED');
    const enabled = await officer.agent
      .post('/api/auth/mfa/enable')
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ code: code() })
      .expect(200);
    recoveryCodes = enabled.body.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const status = await officer.agent.get('/api/auth/mfa').expect(200);
    expect(status.body).toMatchObject({ enabled: true, pending: false, recoveryCodesLeft: 10 });
    expect((await officer.agent.get('/api/auth/me').expect(200)).body.mfaEnabled).toBe(true);

    const [enrolled] = await t.dataSource.query(
      `SELECT mfa_secret, mfa_pending_secret FROM user_account WHERE username = 'officer'`,
    );
    expect(enrolled.mfa_pending_secret).toBeNull();
    expect(enrolled.mfa_secret).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(enrolled.mfa_secret).not.toContain(secret);
    // sealed again for its own column: the pending ciphertext is not reused
    expect(enrolled.mfa_secret).not.toBe(pending.mfa_pending_secret);
    expect(box.open(enrolled.mfa_secret, `user_account.mfa_secret:${pending.id}`)).toBe(secret);

    const again = await officer.agent.post('/api/auth/mfa/setup').set('X-CSRF-Token', officer.csrfToken).expect(409);
    expect(again.body.code).toBe('MFA_ALREADY_ENABLED');
    // only hashes of the recovery codes are stored; the secret never appears outside setup
    const rows = await t.dataSource.query(`SELECT code_hash FROM mfa_recovery_code`);
    expect(rows.map((row: { code_hash: string }) => row.code_hash)).not.toContain(recoveryCodes[0]);
    expect(JSON.stringify(status.body)).not.toContain(secret);
  });

  it('answers the right password with a challenge and no session; the code then opens the session', async () => {
    const first = await login(t, 'officer', DEMO_PASSWORD).expect(200);
    expect(first.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
    expect(first.headers['set-cookie']).toBeUndefined();
    // the code of the step used for enabling is spent already
    const replayed = await request(t.http)
      .post('/api/auth/login/mfa')
      .send({ mfaToken: first.body.mfaToken, code: code() })
      .expect(401);
    expect(replayed.body).toEqual({ code: 'MFA_CODE_INVALID', message: '动态验证码错误或已使用' });

    t.clock.advance(30_000);
    const fresh = code();
    const done = await request(t.http)
      .post('/api/auth/login/mfa')
      .send({ mfaToken: first.body.mfaToken, code: fresh })
      .expect(200);
    expect(done.body).toMatchObject({ user: { username: 'officer', mfaEnabled: true }, csrfToken: expect.any(String) });
    const cookie = cookieOf(done);
    expect(cookie).toMatch(/^zg_session=/);
    await request(t.http).get('/api/problems').set('Cookie', cookie!).expect(200);

    // the challenge is single-use, and so is the code
    await request(t.http).post('/api/auth/login/mfa').send({ mfaToken: first.body.mfaToken, code: fresh }).expect(401);
    const second = await login(t, 'officer', DEMO_PASSWORD).expect(200);
    const replay = await request(t.http)
      .post('/api/auth/login/mfa')
      .send({ mfaToken: second.body.mfaToken, code: fresh })
      .expect(401);
    expect(replay.body.code).toBe('MFA_CODE_INVALID');
  });

  it('accepts a recovery code once', async () => {
    const first = await login(t, 'officer', DEMO_PASSWORD).expect(200);
    await request(t.http)
      .post('/api/auth/login/mfa')
      .send({ mfaToken: first.body.mfaToken, recoveryCode: recoveryCodes[3].toLowerCase() })
      .expect(200);
    const second = await login(t, 'officer', DEMO_PASSWORD).expect(200);
    const again = await request(t.http)
      .post('/api/auth/login/mfa')
      .send({ mfaToken: second.body.mfaToken, recoveryCode: recoveryCodes[3] })
      .expect(401);
    expect(again.body.code).toBe('MFA_CODE_INVALID');
    const both = await request(t.http)
      .post('/api/auth/login/mfa')
      .send({ mfaToken: second.body.mfaToken, code: '123456', recoveryCode: recoveryCodes[4] })
      .expect(400);
    expect(both.body.code).toBe('VALIDATION_FAILED');
  });

  it('expires a challenge after 5 minutes', async () => {
    t.clock.advance(60_000);
    const first = await login(t, 'officer', DEMO_PASSWORD).expect(200);
    t.clock.advance(5 * MINUTE + 1000);
    const late = await request(t.http)
      .post('/api/auth/login/mfa')
      .send({ mfaToken: first.body.mfaToken, code: code() })
      .expect(401);
    expect(late.body).toEqual({ code: 'MFA_CHALLENGE_EXPIRED', message: '验证已过期，请重新登录' });
  });

  it('counts wrong codes towards the lockout', async () => {
    t.clock.advance(60_000);
    const first = await login(t, 'officer', DEMO_PASSWORD).expect(200);
    for (let i = 0; i < 5; i++) {
      const wrong = await request(t.http)
        .post('/api/auth/login/mfa')
        .send({ mfaToken: first.body.mfaToken, code: '000000' });
      expect(wrong.status).toBe(401);
    }
    const locked = await login(t, 'officer', DEMO_PASSWORD).expect(401);
    expect(locked.body.code).toBe('INVALID_CREDENTIALS');
    t.clock.advance(16 * MINUTE);
    await login(t, 'officer', DEMO_PASSWORD).expect(200);
  });

  it('disables the second factor with the password and a code', async () => {
    t.clock.advance(60_000);
    const challenge = await login(t, 'officer', DEMO_PASSWORD).expect(200);
    const signedIn = await request(t.http)
      .post('/api/auth/login/mfa')
      .send({ mfaToken: challenge.body.mfaToken, code: code() })
      .expect(200);
    const cookie = cookieOf(signedIn)!;
    const csrf = signedIn.body.csrfToken as string;
    t.clock.advance(30_000);
    const wrongPassword = await request(t.http)
      .post('/api/auth/mfa/disable')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .send({ password: 'Wrong-pass-123', code: code() })
      .expect(400);
    expect(wrongPassword.body.code).toBe('CURRENT_PASSWORD_INVALID');
    const disabled = await request(t.http)
      .post('/api/auth/mfa/disable')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .send({ password: DEMO_PASSWORD, code: code() })
      .expect(200);
    expect(disabled.body).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    const direct = await login(t, 'officer', DEMO_PASSWORD).expect(200);
    expect(direct.body.user.username).toBe('officer');
    expect((await auditRows(t, 'MFA_DISABLED')).length).toBe(1);
    expect((await auditRows(t, 'MFA_ENABLED')).length).toBe(1);
  });
});

describe('MFA_REQUIRED=true (SEC-07)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { ...RELAXED, MFA_REQUIRED: 'true' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps an officer without a second factor out of business routes until enrolled', async () => {
    const officer = await signIn(t.http, 'officer');
    const me = await officer.agent.get('/api/auth/me').expect(200);
    expect(me.body).toMatchObject({ mfaEnabled: false, mfaEnrollmentRequired: true });
    const blocked = await officer.agent.get('/api/problems').expect(403);
    expect(blocked.body).toEqual({ code: 'MFA_ENROLLMENT_REQUIRED', message: '请先绑定动态验证码（双因素认证）' });

    const setup = await officer.agent.post('/api/auth/mfa/setup').set('X-CSRF-Token', officer.csrfToken).expect(200);
    await officer.agent
      .post('/api/auth/mfa/enable')
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ code: totpCode(setup.body.secret, t.clock.now()) })
      .expect(200);
    await officer.agent.get('/api/problems').expect(200);
  });

  it('applies to the admin roles, not to unit leaders or supervisors', async () => {
    const secadmin = await signIn(t.http, 'secadmin');
    expect((await secadmin.agent.get('/api/users').expect(403)).body.code).toBe('MFA_ENROLLMENT_REQUIRED');
    const unitlead = await signIn(t.http, 'unitlead');
    await unitlead.agent.get('/api/problems').expect(200);
    const supervisor = await signIn(t.http, 'supervisor');
    await supervisor.agent.get('/api/problems').expect(200);
  });
});
