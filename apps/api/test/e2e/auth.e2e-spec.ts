import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { AuditEventEntity } from '../../src/modules/audit/audit-event.entity.js';
import { createTestApp, signIn, type TestApp } from '../support/app.js';

describe('sign-in (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs in with the demo password and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const response = await request(t.http)
      .post('/api/auth/login')
      .send({ username: 'officer', password: 'Demo@2024zg' })
      .expect(200);
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? [])[0];
    expect(cookie).toMatch(/^zg_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(response.body.user).toMatchObject({
      username: 'officer',
      roles: ['task_force_officer'],
      unitName: '区巡视整改工作专班',
    });
    expect(response.body.csrfToken).toEqual(expect.any(String));
    expect(response.body.user).not.toHaveProperty('passwordHash');
  });

  it('answers a wrong password and an unknown user identically, with 401 and a Chinese message', async () => {
    const wrong = await request(t.http).post('/api/auth/login').send({ username: 'officer', password: 'nope-nope' });
    const unknown = await request(t.http).post('/api/auth/login').send({ username: 'nobody', password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: '用户名或密码错误。连续输错 5 次，账号将被锁定 15 分钟',
    });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('refuses a malformed login with 400 and field errors', async () => {
    const response = await request(t.http).post('/api/auth/login').send({ username: '', extra: 1 }).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors).toMatchObject({
      username: ['不能为空'],
      password: expect.any(Array),
      extra: ['不允许提交此字段'],
    });
  });

  it('requires a session for business routes', async () => {
    const response = await request(t.http).get('/api/problems').expect(401);
    expect(response.body).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('describes the session at /api/auth/me', async () => {
    const { agent, csrfToken } = await signIn(t.http, 'unitlead');
    const me = await agent.get('/api/auth/me').expect(200);
    expect(me.body).toMatchObject({
      username: 'unitlead',
      roles: ['unit_leader'],
      unitName: '区水务和湖泊局',
      csrfToken,
    });
    expect(me.body.unitIds).toHaveLength(1);
  });

  it('ends the session on logout: replaying the old cookie answers 401', async () => {
    const { agent, csrfToken, cookie } = await signIn(t.http, 'supervisor');
    const loggedOut = await agent.post('/api/auth/logout').set('X-CSRF-Token', csrfToken).expect(204);
    expect(loggedOut.headers['clear-site-data']).toBe('"cache", "storage"');
    const replay = await request(t.http).get('/api/auth/me').set('Cookie', cookie.split(';')[0]).expect(401);
    expect(replay.body.code).toBe('SESSION_EXPIRED');
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const { agent } = await signIn(t.http, 'officer');
    const response = await agent.post('/api/auth/logout').expect(403);
    expect(response.body.code).toBe('CSRF_TOKEN_INVALID');
  });

  it('expires an idle session after the configured idle time (fake clock)', async () => {
    const { agent } = await signIn(t.http, 'officer');
    await agent.get('/api/auth/me').expect(200);
    t.clock.advance(31 * 60_000);
    await agent.get('/api/auth/me').expect(401);
  });

  it('audits successful and failed sign-ins', async () => {
    const events = await t.dataSource.getRepository(AuditEventEntity).find({ order: { id: 'ASC' } });
    const actions = events.map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGOUT']));
    const failed = events.find((event) => event.action === 'LOGIN_FAILED' && event.actorUsername === 'nobody');
    expect(failed).toMatchObject({ result: 'failure', actorId: null });
    expect(failed?.requestId).toEqual(expect.any(String));
  });
});
