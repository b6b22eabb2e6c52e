import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';

const timedOut = { code: 'DATABASE_TIMEOUT', message: '查询超时，请缩小范围后重试' };

// SEC-28: a statement cut by statement_timeout (DB_STATEMENT_TIMEOUT_MS) or lock_timeout (DB_LOCK_TIMEOUT_MS)
// answers 503 DATABASE_TIMEOUT with Retry-After, never 500, and its connection goes back to the pool usable. The
// measure list is made slow for certain by another session holding an ACCESS EXCLUSIVE lock on `measure` (the
// session checks and sign-in do not touch that table, so only that read waits; the statistics would be served from
// their cache without reading it).
describe.each([
  ['statement_timeout', { DB_STATEMENT_TIMEOUT_MS: '500' }],
  ['lock_timeout', { DB_LOCK_TIMEOUT_MS: '200' }],
])('a measure list read cut by %s', (_, env) => {
  let t: TestApp;
  let officer: SignedIn;
  let path: string;
  let locker: pg.Client | undefined;

  beforeAll(async () => {
    t = await createTestApp({ env });
    officer = await signIn(t.http, 'officer');
    path = '/api/measures?pageSize=50';
  });
  afterEach(async () => {
    await locker?.end().catch(() => undefined);
    locker = undefined;
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 503 DATABASE_TIMEOUT with Retry-After, and every pooled connection stays healthy', async () => {
    await officer.agent.get(path).expect(200);
    locker = new pg.Client({ connectionString: t.database.url });
    locker.on('error', () => undefined);
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE measure IN ACCESS EXCLUSIVE MODE');

    // more requests than the pool has connections: every connection has had a statement cut
    for (let i = 0; i < 7; i++) {
      const response = await officer.agent.get(path).expect(503);
      expect(response.body).toEqual(timedOut);
      expect(response.headers['retry-after']).toBe('5');
    }

    await locker.query('ROLLBACK');
    // the same pool answers again, on every connection; none is left inside a transaction
    await Promise.all(Array.from({ length: 5 }, () => officer.agent.get(path).expect(200)));
    const pool = (t.dataSource.driver as PostgresDriver).master as { totalCount: number; idleCount: number };
    expect(pool.idleCount).toBe(pool.totalCount);
    const [{ stuck }] = (await t.dataSource.query(
      `SELECT count(*)::int AS stuck FROM pg_stat_activity
        WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()`,
    )) as Array<{ stuck: number }>;
    expect(stuck).toBe(0);
  });
});
