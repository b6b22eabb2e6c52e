import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';

const timedOut = { code: 'DATABASE_TIMEOUT', message: '查询超时，请缩小范围后重试' };

// SEC-28: a statement cut by statement_timeout (DB_STATEMENT_TIMEOUT_MS) or lock_timeout (DB_LOCK_TIMEOUT_MS)
// answers 503 DATABASE_TIMEOUT with Retry-After, never 500, and its connection goes back to the pool usable.
// statement_timeout: the measure list waits on another session's ACCESS EXCLUSIVE lock on `measure` (the session
// check and sign-in do not touch that table) until the statement is cut. lock_timeout: an edit waits on another
// session's lock of the measure's row (SELECT … FOR UPDATE) until the lock wait is cut.
describe.each([
  ['statement_timeout', { DB_STATEMENT_TIMEOUT_MS: '500' }],
  ['lock_timeout', { DB_LOCK_TIMEOUT_MS: '200' }],
] as const)('a request cut by %s', (kind, env) => {
  let t: TestApp;
  let officer: SignedIn;
  let locker: pg.Client | undefined;

  beforeAll(async () => {
    t = await createTestApp({ env });
    officer = await signIn(t.http, 'officer');
  });
  afterEach(async () => {
    await locker?.end().catch(() => undefined);
    locker = undefined;
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 503 DATABASE_TIMEOUT with Retry-After, and every pooled connection stays healthy', async () => {
    const list = await officer.agent.get('/api/measures?pageSize=1').expect(200);
    const measure = list.body.items[0] as { id: string; version: number };
    const request = () =>
      kind === 'statement_timeout'
        ? officer.agent.get('/api/measures?pageSize=50').timeout(20_000)
        : officer.agent
            .patch(`/api/measures/${measure.id}`)
            .set('X-CSRF-Token', officer.csrfToken)
            .send({ version: measure.version, remarks: '超时测试' })
            .timeout(20_000);
    locker = new pg.Client({ connectionString: t.database.url });
    locker.on('error', () => undefined);
    await locker.connect();
    // the locker itself never waits long: a test that cannot take its lock fails instead of hanging
    await locker.query(`SET lock_timeout = '10s'`);
    await locker.query('BEGIN');
    if (kind === 'statement_timeout') await locker.query('LOCK TABLE measure IN ACCESS EXCLUSIVE MODE');
    else await locker.query('SELECT id FROM measure WHERE id = $1 FOR UPDATE', [measure.id]);

    // more requests than the pool has connections: every connection has had a statement cut
    for (let i = 0; i < 7; i++) {
      const response = await request().expect(503);
      expect(response.body).toEqual(timedOut);
      expect(response.headers['retry-after']).toBe('5');
    }

    await locker.query('ROLLBACK');
    // the same pool answers again, on every connection; none is left inside a transaction
    await Promise.all(Array.from({ length: 5 }, () => officer.agent.get('/api/measures?pageSize=5').expect(200)));
    if (kind === 'lock_timeout') {
      // nothing of the refused edits was written: the version is the one read before
      const edited = await request().expect(200);
      expect(edited.body.version).toBe(measure.version + 1);
    }
    const pool = (t.dataSource.driver as PostgresDriver).master as { totalCount: number; idleCount: number };
    expect(pool.idleCount).toBe(pool.totalCount);
    const [{ stuck }] = (await t.dataSource.query(
      `SELECT count(*)::int AS stuck FROM pg_stat_activity
        WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()`,
    )) as Array<{ stuck: number }>;
    expect(stuck).toBe(0);
  });
});
