import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DEMO_PASSWORD } from '../../src/modules/seed/demo-seed.js';
import { createTestApp, signIn, type TestApp } from '../support/app.js';

const MINUTE = 60_000;
const RATE = 8;

// Two API instances on ONE database: two Nest applications, each with its own DataSource (pool), container, guards,
// throttle and clock, sharing nothing but PostgreSQL — what two processes behind a balancer share. (Two real
// processes would run on the wall clock, which the demo data, pinned to DEMO_TODAY, and the fixed rate windows
// cannot be tested against deterministically.)
describe('two API instances on one database behave as one', () => {
  let one: TestApp;
  let two: TestApp;
  const env = { LOGIN_RATE_PER_MINUTE: String(RATE) };
  const login = (t: TestApp, username: string, password: string) =>
    request(t.http).post('/api/auth/login').send({ username, password });
  // both instances see the same time; a fresh rate window per test
  const advance = (ms: number) => {
    one.clock.advance(ms);
    two.clock.advance(ms);
  };

  beforeAll(async () => {
    one = await createTestApp({ env });
    two = await createTestApp({ env, database: one.database });
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  it('keeps a lockout reached through one instance on the other', async () => {
    for (let i = 0; i < 5; i++) await login(one, 'unitlead2', `Wrong-pass-${i}`).expect(401);
    const right = await login(two, 'unitlead2', DEMO_PASSWORD).expect(401);
    expect(right.body.code).toBe('INVALID_CREDENTIALS');
    const [refused] = await two.dataSource.query(
      `SELECT detail FROM audit_event WHERE action = 'LOGIN_FAILED' AND actor_username = 'unitlead2' ORDER BY id DESC LIMIT 1`,
    );
    expect(refused.detail).toEqual({ reason: 'locked' });
    // and a lock that has run out on one has run out on both
    advance(16 * MINUTE);
    await login(two, 'unitlead2', DEMO_PASSWORD).expect(200);
  });

  it('shares the per-IP sign-in limit: attempts split across both count once', async () => {
    advance(MINUTE);
    for (let i = 0; i < RATE; i++) await login(i % 2 === 0 ? one : two, `nobody${i}`, 'Wrong-pass-123').expect(401);
    for (const t of [one, two]) {
      const limited = await login(t, 'officer', DEMO_PASSWORD).expect(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    advance(MINUTE);
    await login(two, 'officer', DEMO_PASSWORD).expect(200);
  });

  it('accepts a session created on one instance on the other, and a logout on one ends it on both', async () => {
    advance(MINUTE);
    const session = await signIn(one.http, 'supervisor');
    const cookie = session.cookie.split(';')[0];
    const me = await request(two.http).get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body.username).toBe('supervisor');
    await request(two.http)
      .post('/api/auth/logout')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', session.csrfToken)
      .expect(204);
    for (const t of [one, two]) {
      const replay = await request(t.http).get('/api/auth/me').set('Cookie', cookie).expect(401);
      expect(replay.body.code).toBe('SESSION_EXPIRED');
    }
  });

  it('creates once under one Idempotency-Key whichever instance the retries land on', async () => {
    advance(MINUTE);
    const session = await signIn(one.http, 'officer');
    const cookie = session.cookie.split(';')[0];
    const body = { title: '多实例幂等巡察', kind: 'xuncha' };
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        request((i % 2 === 0 ? one : two).http)
          .post('/api/inspections')
          .set('Cookie', cookie)
          .set('X-CSRF-Token', session.csrfToken)
          .set('Idempotency-Key', 'replicas-inspection-0001')
          .send(body),
      ),
    );
    expect(new Set(responses.map((response) => response.status))).toEqual(new Set([201]));
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    const [{ n }] = await one.dataSource.query(`SELECT count(*)::int AS n FROM inspection WHERE title = $1`, [
      body.title,
    ]);
    expect(n).toBe(1);
  });
});
