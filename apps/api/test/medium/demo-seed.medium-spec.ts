import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { deriveProblemStatus, type MeasureStatus } from '@zhenggai/domain';
import { createDataSource } from '../../src/database/data-source.js';
import { UserAccountEntity } from '../../src/modules/auth/user-account.entity.js';
import { verifyPassword } from '../../src/modules/auth/passwords.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isDatabaseEmpty } from '../../src/modules/seed/demo-seed.js';
import { createTestDatabase, DEMO_TODAY, type TestDatabase } from '../support/database.js';

describe('demo dataset (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase({ demo: true });
    dataSource = createDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('holds the 41 problems and 114 measures of the notice in official order', async () => {
    const problems: Array<{ seq: number; label: string; title: string }> = await dataSource.query(
      'SELECT seq, label, title FROM problem ORDER BY seq',
    );
    expect(problems).toHaveLength(41);
    expect(problems[6]).toEqual({ seq: 7, label: '7.', title: '‘清四乱’、退垸还湖攻坚不力' });
    const perProblem: Array<{ seq: number; count: number }> = await dataSource.query(
      'SELECT p.seq, count(m.id)::int AS count FROM problem p JOIN measure m ON m.problem_id = p.id GROUP BY p.seq ORDER BY p.seq',
    );
    expect(perProblem.reduce((sum, row) => sum + row.count, 0)).toBe(114);
    for (const seq of [21, 30, 41]) expect(perProblem.find((row) => row.seq === seq)?.count).toBe(1);
  });

  it('stores each problem status as derived from its measures, with all three classes present', async () => {
    const rows: Array<{ status: string; statuses: MeasureStatus[] }> = await dataSource.query(
      'SELECT p.status, array_agg(m.status) AS statuses FROM problem p JOIN measure m ON m.problem_id = p.id GROUP BY p.id',
    );
    for (const row of rows) expect(row.status).toBe(deriveProblemStatus(row.statuses));
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(['completed', 'deemed_completed', 'in_progress']));
  });

  it('assigns every measure exactly one lead unit, mirrored on the measure', async () => {
    const rows: Array<{ leads: number; mirrored: boolean }> = await dataSource.query(
      `SELECT count(*) FILTER (WHERE mu.role = 'lead')::int AS leads,
              bool_and(mu.role <> 'lead' OR mu.unit_id = m.lead_unit_id) AS mirrored
       FROM measure m JOIN measure_unit mu ON mu.measure_id = m.id GROUP BY m.id`,
    );
    expect(rows).toHaveLength(114);
    for (const row of rows) expect(row).toEqual({ leads: 1, mirrored: true });
  });

  it('has overdue, due-soon and awaiting-sign-off measures, and some for each demo unit leader', async () => {
    const [counts]: Array<{ overdue: number; soon: number; pending: number }> = await dataSource.query(
      `SELECT count(*) FILTER (WHERE status NOT IN ('completed','deemed_completed') AND deadline < $1::date)::int AS overdue,
              count(*) FILTER (WHERE status NOT IN ('completed','deemed_completed') AND deadline BETWEEN $1::date AND $1::date + 7)::int AS soon,
              count(*) FILTER (WHERE status = 'pending_review')::int AS pending
       FROM measure`,
      [DEMO_TODAY],
    );
    expect(counts.overdue).toBeGreaterThan(0);
    expect(counts.soon).toBeGreaterThan(0);
    expect(counts.pending).toBeGreaterThan(0);
    for (const username of ['unitlead', 'unitlead2']) {
      const [row]: Array<{ open: number }> = await dataSource.query(
        `SELECT count(*)::int AS open FROM measure m JOIN measure_unit mu ON mu.measure_id = m.id
         JOIN user_account u ON u.unit_id = mu.unit_id WHERE u.username = $1 AND m.status IN ('in_progress', 'not_started')`,
        [username],
      );
      expect(row.open).toBeGreaterThan(0);
    }
  });

  it('records the accountability counts of the notice with their units (人 vs 人次)', async () => {
    const rows: Array<{ seq: number; count_unit: string; total: number }> = await dataSource.query(
      `SELECT p.seq, a.count_unit, sum(a.count)::int AS total FROM accountability_action a JOIN problem p ON p.id = a.problem_id
       WHERE a.count IS NOT NULL GROUP BY p.seq, a.count_unit ORDER BY p.seq, a.count_unit`,
    );
    expect(rows).toEqual(expect.arrayContaining([{ seq: 29, count_unit: '人次', total: 11 }]));
    expect(rows.filter((row) => row.count_unit === '人次').length).toBeGreaterThan(0);
  });

  it('creates the demo accounts with argon2id hashes of the demo password', async () => {
    const users = await dataSource.getRepository(UserAccountEntity).find();
    expect(users.map((user) => user.username).sort()).toEqual(DEMO_ACCOUNTS.map((account) => account.username).sort());
    for (const user of users) expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(users[0].passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await isDatabaseEmpty(dataSource)).toBe(false);
  });

  it('holds one answered and one open 督办单 to the unit leader’s unit, numbered 1 and 2 of the year', async () => {
    const orders: Array<{ seq: number; replied: boolean; unit: string; measures: number; history: number }> =
      await dataSource.query(
        `SELECT o.seq, o.replied_at IS NOT NULL AS replied, u.name AS unit,
                (SELECT count(*)::int FROM supervision_order_measure om WHERE om.order_id = o.id) AS measures,
                (SELECT count(*)::int FROM measure_event e WHERE e.detail->>'orderId' = o.id::text) AS history
         FROM supervision_order o JOIN unit u ON u.id = o.unit_id ORDER BY o.seq`,
      );
    expect(orders).toEqual([
      { seq: 1, replied: true, unit: '区水务和湖泊局', measures: 1, history: 2 },
      { seq: 2, replied: false, unit: '区水务和湖泊局', measures: 2, history: 2 },
    ]);
    const [counter] = await dataSource.query(`SELECT last FROM supervision_order_counter`);
    expect(counter.last).toBe(2);
  });
});
