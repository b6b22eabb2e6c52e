import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { QueryRunner } from 'typeorm';
import { AuditChainService } from '../../src/modules/audit/index.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';

// The deferred chain trigger chains a transaction's rows in one go (migration AuditChainBatch; docs/architecture.md,
// "Tamper-evident audit"): these check that a bulk, a savepoint, an early SET CONSTRAINTS … IMMEDIATE and concurrent
// bulks all give one gap-free chain in insertion order that the verifier (the JS recomputation) finds intact.
describe('audit chain of bulk transactions', () => {
  let t: TestApp;
  let auditor: SignedIn;
  const verify = () => t.app.get(AuditChainService).verify();
  // n audit rows in one statement, tagged so a test can find its own
  const insertRows = (runner: QueryRunner | { query: QueryRunner['query'] }, tag: string, n: number) =>
    runner.query(
      `INSERT INTO audit_event (actor_username, actor_roles, action, entity_type, entity_id, result, after, detail)
       SELECT 'bulk-test', '{task_force_officer}', 'MEASURE_CREATED', 'measure', $1 || '-' || g, 'success',
              jsonb_build_object('text', '第' || g || '条 "引号" \\ 与 ünïcode', 'n', g * 1.50), jsonb_build_object('tag', $1::text, 'g', g)
       FROM generate_series(1, $2::int) g`,
      [tag, n],
    );
  const rowsOf = async (tag: string) =>
    (await t.dataSource.query(
      `SELECT id::text AS id, seq::text AS seq, (detail->>'g')::int AS g FROM audit_event WHERE detail->>'tag' = $1 ORDER BY audit_event.id`,
      [tag],
    )) as Array<{ id: string; seq: string | null; g: number }>;
  const chainState = async () =>
    (
      (await t.dataSource.query(
        `SELECT count(*)::int AS rows, count(seq)::int AS chained, max(seq)::text AS last FROM audit_event`,
      )) as Array<{ rows: number; chained: number; last: string }>
    )[0];
  const expectIntact = async () => {
    const state = await chainState();
    expect(state.chained).toBe(state.rows);
    expect(state.last).toBe(String(state.rows));
    expect(await verify()).toMatchObject({ intact: true, rows: state.rows, lastSeq: state.last });
  };
  // seq follows id (insertion order) and has no gap within the given rows
  const expectContiguous = (rows: Array<{ seq: string | null }>) => {
    const seqs = rows.map((row) => Number(row.seq));
    expect(seqs.every((seq) => seq > 0)).toBe(true);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
  };

  beforeAll(async () => {
    t = await createTestApp();
    auditor = await signIn(t.http, 'auditadmin');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('chains 5,000 rows of one statement and the rows of a later statement, gap-free, in insertion order', async () => {
    await t.dataSource.transaction(async (manager) => {
      await insertRows(manager, 'bulk', 5000);
      await insertRows(manager, 'bulk-later', 300);
      // within the transaction nothing is chained yet: that happens at commit
      const [{ chained }] = (await manager.query(
        `SELECT count(seq)::int AS chained FROM audit_event WHERE detail->>'tag' LIKE 'bulk%'`,
      )) as Array<{ chained: number }>;
      expect(chained).toBe(0);
    });
    const rows = [...(await rowsOf('bulk')), ...(await rowsOf('bulk-later'))];
    expect(rows).toHaveLength(5300);
    expectContiguous(rows);
    await expectIntact();
    const response = await auditor.agent.get('/api/audit/chain').expect(200);
    expect(response.body).toMatchObject({ intact: true, firstSeq: '1' });
  });

  it('chains the rows written after an early SET CONSTRAINTS … IMMEDIATE at commit', async () => {
    await t.dataSource.transaction(async (manager) => {
      await insertRows(manager, 'early', 1000);
      await manager.query(`SET CONSTRAINTS audit_event_chain IMMEDIATE`);
      expect((await rowsOf('early')).every((row) => row.seq !== null)).toBe(true);
      await manager.query(`SET CONSTRAINTS audit_event_chain DEFERRED`);
      await insertRows(manager, 'early-after', 1000);
    });
    const rows = [...(await rowsOf('early')), ...(await rowsOf('early-after'))];
    expect(rows).toHaveLength(2000);
    expectContiguous(rows);
    await expectIntact();
  });

  it('chains correctly around a savepoint rolled back in the middle, chained inside it or not', async () => {
    for (const chainInside of [false, true]) {
      const tag = `sp-${chainInside}`;
      await t.dataSource.transaction(async (manager) => {
        await insertRows(manager, `${tag}-a`, 1500);
        await manager.query(`SAVEPOINT middle`);
        await insertRows(manager, `${tag}-b`, 1500);
        // chains a and b inside the savepoint; rolling it back un-chains a again (and its trigger calls run anew)
        if (chainInside) await manager.query(`SET CONSTRAINTS audit_event_chain IMMEDIATE`);
        await manager.query(`ROLLBACK TO SAVEPOINT middle`);
        if (chainInside) await manager.query(`SET CONSTRAINTS audit_event_chain DEFERRED`);
        await insertRows(manager, `${tag}-c`, 1500);
      });
      expect(await rowsOf(`${tag}-b`)).toHaveLength(0);
      const rows = [...(await rowsOf(`${tag}-a`)), ...(await rowsOf(`${tag}-c`))];
      expect(rows).toHaveLength(3000);
      expectContiguous(rows);
      await expectIntact();
    }
  });

  it('keeps one chain when two bulk transactions interleave their statements and commit at once', async () => {
    const runners = [t.dataSource.createQueryRunner(), t.dataSource.createQueryRunner()];
    try {
      await Promise.all(runners.map((runner) => runner.startTransaction()));
      for (let round = 0; round < 3; round += 1)
        await Promise.all(runners.map((runner, i) => insertRows(runner, `conc-${i}`, 2000)));
      await Promise.all(runners.map((runner) => runner.commitTransaction()));
    } finally {
      await Promise.all(runners.map((runner) => runner.release()));
    }
    // each transaction's 6,000 rows are one unbroken run of seq (commit order), in its insertion order
    for (const i of [0, 1]) {
      const rows = await rowsOf(`conc-${i}`);
      expect(rows).toHaveLength(6000);
      expectContiguous(rows);
    }
    await expectIntact();
  });

  it('never takes in a committed row that bypassed the trigger: the verifier still reports it unchained', async () => {
    // a row written with every trigger off, with an id above the next bulk's ids
    const [{ id }] = (await t.dataSource.query(`SELECT (max(id) + 100000)::text AS id FROM audit_event`)) as Array<{
      id: string;
    }>;
    await t.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(`INSERT INTO audit_event (id, action, detail) VALUES ($1, 'FORGED', '{"tag": "forged"}')`, [
        id,
      ]);
    });
    await t.dataSource.transaction((manager) => insertRows(manager, 'after-forged', 500));
    expect(await rowsOf('forged')).toEqual([{ id, seq: null, g: null }]);
    expect((await rowsOf('after-forged')).every((row) => row.seq !== null)).toBe(true);
    const report = await verify();
    expect(report).toMatchObject({ intact: false, firstBroken: { id, reason: 'unchained' } });
  });
});
