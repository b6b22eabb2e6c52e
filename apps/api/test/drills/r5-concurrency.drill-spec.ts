import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { DEMO_TODAY } from '../support/database.js';
import { insertEvidence, soleUnitMeasures } from '../support/fixtures.js';
import { recordFigures } from './figures.js';

// Drill R5 (docs/security.md REL-01): rounds of 20 concurrent writes with one version — exactly one winner per round,
// 19 × 409, no lost update, no orphan row (history and audit exactly once); the same for sign-off; 督办 numbers
// consecutive and distinct under 20 concurrent orders.

const CONCURRENCY = 20;
const ROUNDS = 5;

const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('drill R5: concurrent writes', () => {
  let t: TestApp;
  let officer: SignedIn;
  let unitlead: SignedIn;
  const totals = { rounds: 0, winners: 0, conflicts: 0, other: 0, lostUpdates: 0, orphans: 0 };

  const send = (caller: SignedIn, method: 'post' | 'patch', path: string, body: object) =>
    caller.agent[method](path).set('X-CSRF-Token', caller.csrfToken).send(body);
  const count = async (sql: string, params: unknown[]) =>
    ((await t.dataSource.query(sql, params)) as Array<{ n: number }>)[0].n;

  // one round: CONCURRENCY requests with one version; checks the winner's write is the one stored
  async function round(
    label: string,
    fire: (index: number) => Promise<{ status: number; body: Record<string, unknown> }>,
    check: (winner: number) => Promise<{ lost: boolean; orphans: number }>,
  ) {
    const answers = await Promise.all(Array.from({ length: CONCURRENCY }, (_, index) => fire(index)));
    const winners = answers.flatMap((answer, index) => (answer.status === 200 ? [index] : []));
    const conflicts = answers.filter((answer) => answer.status === 409).length;
    totals.rounds += 1;
    totals.winners += winners.length;
    totals.conflicts += conflicts;
    totals.other += CONCURRENCY - winners.length - conflicts;
    expect({ label, winners: winners.length, conflicts }).toEqual({ label, winners: 1, conflicts: CONCURRENCY - 1 });
    const { lost, orphans } = await check(winners[0]);
    if (lost) totals.lostUpdates += 1;
    totals.orphans += orphans;
    expect({ label, lost, orphans }).toEqual({ label, lost: false, orphans: 0 });
  }

  beforeAll(async () => {
    t = await createTestApp();
    [officer, unitlead] = await Promise.all(['officer', 'unitlead'].map((name) => signIn(t.http, name)));
  });
  afterAll(async () => {
    await t.close();
    recordFigures('R5', 'concurrency', {
      'rounds × requests': `${totals.rounds} × ${CONCURRENCY}`,
      'winners per round': totals.rounds ? (totals.winners / totals.rounds).toFixed(2) : '-',
      '409s': totals.conflicts,
      'other answers': totals.other,
      'lost updates': totals.lostUpdates,
      'orphan rows': totals.orphans,
    });
  });

  it('measure edits: one winner per round, its text stored, one history and one audit row', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead2', 'in_progress', 1);
    let version = measure.version;
    for (let r = 0; r < ROUNDS; r += 1) {
      const before = await count(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [measure.id]);
      const eventsBefore = await count(`SELECT count(*)::int AS n FROM measure_event WHERE measure_id = $1`, [
        measure.id,
      ]);
      await round(
        `measure round ${r + 1}`,
        (index) => send(officer, 'patch', `/api/measures/${measure.id}`, { version, remarks: `R5 ${r}-${index}` }),
        async (winner) => {
          const [row] = await t.dataSource.query(`SELECT version, remarks FROM measure WHERE id = $1`, [measure.id]);
          const audits =
            (await count(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [measure.id])) - before;
          const events =
            (await count(`SELECT count(*)::int AS n FROM measure_event WHERE measure_id = $1`, [measure.id])) -
            eventsBefore;
          const lost = row.version !== version + 1 || row.remarks !== `R5 ${r}-${winner}`;
          version += 1;
          return { lost, orphans: Math.abs(audits - 1) + Math.abs(events - 1) };
        },
      );
    }
  });

  it('problem edits: one winner per round', async () => {
    const list = await officer.agent.get('/api/problems?pageSize=1').expect(200);
    const problem = list.body.items[0] as { id: string; version: number };
    let version = problem.version;
    for (let r = 0; r < ROUNDS; r += 1) {
      const before = await count(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [problem.id]);
      await round(
        `problem round ${r + 1}`,
        (index) => send(officer, 'patch', `/api/problems/${problem.id}`, { version, remarks: `R5 ${r}-${index}` }),
        async (winner) => {
          const [row] = await t.dataSource.query(`SELECT version, remarks FROM problem WHERE id = $1`, [problem.id]);
          const audits =
            (await count(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [problem.id])) - before;
          const lost = row.version !== version + 1 || row.remarks !== `R5 ${r}-${winner}`;
          version += 1;
          return { lost, orphans: Math.abs(audits - 1) };
        },
      );
    }
  });

  it('sign-off: of 20 concurrent approvals of one submitted measure, one signs it off', async () => {
    const measures = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', ROUNDS);
    for (const [r, measure] of measures.entries()) {
      const evidence = await insertEvidence(t.dataSource, measure.id);
      const submitted = await send(unitlead, 'post', `/api/measures/${measure.id}/submit`, {
        version: measure.version,
        note: '已按要求完成整改',
        attachmentIds: [evidence],
      }).expect(200);
      await round(
        `sign-off round ${r + 1}`,
        (index) =>
          send(officer, 'post', `/api/measures/${measure.id}/approve`, {
            version: submitted.body.version,
            outcome: 'completed',
            opinion: `同意销号 ${index}`,
          }),
        async () => {
          const [row] = await t.dataSource.query(`SELECT status, version FROM measure WHERE id = $1`, [measure.id]);
          const approvals = await count(
            `SELECT count(*)::int AS n FROM measure_event WHERE measure_id = $1 AND action = 'approve'`,
            [measure.id],
          );
          return { lost: row.status !== 'completed', orphans: Math.abs(approvals - 1) };
        },
      );
    }
  });

  it('督办 numbering: 20 concurrent orders get 20 distinct consecutive numbers', async () => {
    const [{ unit_id: unitId }] = await t.dataSource.query(
      `SELECT unit_id FROM user_account WHERE username = 'unitlead'`,
    );
    const measureIds = (await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1)).map((m) => m.id);
    const [{ max }] = await t.dataSource.query(`SELECT coalesce(max(seq), 0)::int AS max FROM supervision_order`);
    const answers = await Promise.all(
      Array.from({ length: CONCURRENCY }, () =>
        send(officer, 'post', '/api/supervision-orders', {
          unitId,
          measureIds,
          replyBy: plusDays(DEMO_TODAY, 7),
          body: '请于期限内报送整改情况。',
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(CONCURRENCY).fill(201));
    const seqs = answers.map((answer) => answer.body.seq as number).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: CONCURRENCY }, (_, i) => max + i + 1));
  });
});
