import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '@zhenggai/devdb';
import pg from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { toErrorBody } from '../../src/common/errors/all-exceptions.filter.js';
import { PgQuery } from '../../src/database/pg-query.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';

const timedOut = { code: 'DATABASE_TIMEOUT', message: '查询超时，请缩小范围后重试' };
const unavailable = { code: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试' };

// The hot statements (session check, the one-statement edit, the detail read, the statistics cache hit) run on
// TypeORM's pg pool directly (`PgQuery`, issue 28 step 2): the same connection settings, the same errors, the same
// rows as `DataSource.query`.
describe('statements on the pool directly (PgQuery)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let locker: pg.Client | undefined;
  const pool = () => (t.dataSource.driver as PostgresDriver).master as pg.Pool;

  beforeAll(async () => {
    t = await createTestApp({ env: { DB_STATEMENT_TIMEOUT_MS: '500' } });
    officer = await signIn(t.http, 'officer');
  });
  afterEach(async () => {
    await locker?.end().catch(() => undefined);
    locker = undefined;
  });
  afterAll(async () => {
    await t.close();
  });

  const lock = async (sql: string) => {
    locker = new pg.Client({ connectionString: t.database.url });
    locker.on('error', () => undefined);
    await locker.connect();
    await locker.query(`SET lock_timeout = '10s'`);
    await locker.query('BEGIN');
    await locker.query(sql);
    return locker;
  };

  it('returns the rows DataSource.query returns (dates, arrays, json, DATE as text), prepared or not', async () => {
    const text = `SELECT now()::timestamptz AS at, ARRAY['a','b']::text[] AS list, '{"x":[1]}'::json AS doc,
                         '2026-12-07'::date AS day, $1::int + 1 AS n, NULL::uuid AS none`;
    const q = new PgQuery(t.dataSource);
    const typeorm = (await t.dataSource.query(text, [41])) as Array<Record<string, unknown>>;
    const plain = await q.query<Record<string, unknown>>(text, [41]);
    const prepared = await q.query<Record<string, unknown>>(text, [41], { prepare: true });
    for (const rows of [plain, prepared]) {
      expect(rows).toHaveLength(1);
      expect({ ...rows[0], at: null }).toEqual({ ...typeorm[0], at: null });
      expect(rows[0].at).toBeInstanceOf(Date);
    }
    expect(prepared[0]).toMatchObject({ list: ['a', 'b'], doc: { x: [1] }, day: '2026-12-07', n: 42, none: null });
    // a prepared statement runs again on every pooled connection, and every connection goes back to the pool
    await Promise.all(Array.from({ length: 12 }, () => q.query(text, [1], { prepare: true })));
    expect(pool().idleCount).toBe(pool().totalCount);
  });

  it('keeps the statement timeout and maps its errors as TypeORM does (timeout, duplicate), releasing the connection', async () => {
    const q = new PgQuery(t.dataSource);
    const slow = await q.query(`SELECT pg_sleep(3)`).catch((error: unknown) => error);
    expect(slow).toBeInstanceOf(QueryFailedError);
    expect(toErrorBody(slow)).toMatchObject({ status: 503, body: timedOut, retryAfterSeconds: 5 });

    const duplicate = await q
      .query(`INSERT INTO unit (id, name) SELECT id, name FROM unit LIMIT 1`, [], { prepare: true })
      .catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(QueryFailedError);
    expect((duplicate as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('23505');
    expect(toErrorBody(duplicate)).toMatchObject({ status: 409, body: { code: 'DUPLICATE' } });
    expect(pool().idleCount).toBe(pool().totalCount);
    expect(await q.query(`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });

  it('maps a connection that cannot be made to 503 DATABASE_UNAVAILABLE', async () => {
    const dead = new pg.Pool({
      connectionString: `postgres://nobody@127.0.0.1:${await freePort()}/none`,
      connectionTimeoutMillis: 2_000,
    });
    dead.on('error', () => undefined);
    try {
      const q = new PgQuery({ driver: { master: dead } } as unknown as DataSource);
      const error = await q.query(`SELECT 1`, [], { prepare: true }).catch((caught: unknown) => caught);
      expect(toErrorBody(error)).toMatchObject({ status: 503, body: unavailable, retryAfterSeconds: 5 });
    } finally {
      await dead.end();
    }
    // a DataSource that is not connected (destroyed) refuses as TypeORM does
    const closed = new PgQuery({ driver: { master: undefined } } as unknown as DataSource);
    await expect(closed.query(`SELECT 1`)).rejects.toThrow('Driver not Connected');
  });

  it('answers 503 DATABASE_TIMEOUT when the detail read, the edit or the session check is cut by statement_timeout', async () => {
    const [measure] = (await t.dataSource.query(
      `SELECT id, version FROM measure WHERE deleted_at IS NULL ORDER BY id LIMIT 1`,
    )) as Array<{ id: string; version: number }>;
    await lock('LOCK TABLE measure IN ACCESS EXCLUSIVE MODE');
    const read = await officer.agent.get(`/api/measures/${measure.id}`).timeout(20_000).expect(503);
    expect(read.body).toEqual(timedOut);
    expect(read.headers['retry-after']).toBe('5');
    const edit = await officer.agent
      .patch(`/api/measures/${measure.id}`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ version: measure.version, remarks: '超时测试' })
      .timeout(20_000)
      .expect(503);
    expect(edit.body).toEqual(timedOut);
    await locker!.query('ROLLBACK');

    await lock('LOCK TABLE user_session IN ACCESS EXCLUSIVE MODE');
    const checked = await officer.agent.get('/api/auth/me').timeout(20_000).expect(503);
    expect(checked.body).toEqual(timedOut);
    await locker!.query('ROLLBACK');

    // nothing was written by the refused edit, and the pool is whole and usable
    const edited = await officer.agent
      .patch(`/api/measures/${measure.id}`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ version: measure.version, remarks: '超时之后' })
      .expect(200);
    expect(edited.body.version).toBe(measure.version + 1);
    expect(pool().idleCount).toBe(pool().totalCount);
  });
});
