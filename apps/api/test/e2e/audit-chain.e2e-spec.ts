import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { AuditChainService } from '../../src/modules/audit/index.js';
import { auditChainHash, type AuditChainFields } from '../../src/modules/audit/audit-chain.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';

// The audit trail's hash chain (docs/architecture.md, "Tamper-evident audit"): chained by the database at commit,
// verified by AuditChainService (npm run audit:verify and GET /api/audit/chain).
describe('tamper-evident audit chain', () => {
  let t: TestApp;
  let officer: SignedIn;
  let auditor: SignedIn;
  const verify = () => t.app.get(AuditChainService).verify();
  const createInspection = (title: string) =>
    officer.agent.post('/api/inspections').set('X-CSRF-Token', officer.csrfToken).send({ title, kind: 'xuncha' });
  // as the database superuser, with every trigger (the guard and the chain) off for one transaction
  const tamper = (sql: string, params: unknown[] = []) =>
    t.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(sql, params);
    });
  const chainState = async () =>
    (await t.dataSource.query(
      `SELECT count(*)::int AS rows, count(seq)::int AS chained, min(seq)::text AS first, max(seq)::text AS last FROM audit_event`,
    )) as Array<{ rows: number; chained: number; first: string; last: string }>;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t.http, 'officer');
    auditor = await signIn(t.http, 'auditadmin');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('chains the demo data and every business write, gap-free, and verifies intact', async () => {
    await createInspection('审计链测试巡察一').expect(201);
    await createInspection('审计链测试巡察二').expect(201);
    const [state] = await chainState();
    expect(state.rows).toBeGreaterThan(2);
    expect(state.chained).toBe(state.rows);
    expect(state.first).toBe('1');
    expect(state.last).toBe(String(state.rows));
    const report = await verify();
    expect(report).toMatchObject({ intact: true, rows: state.rows, lastSeq: state.last, firstSeq: '1' });
    expect(report.firstBroken).toBeUndefined();
    const [last] = (await t.dataSource.query(`SELECT hash FROM audit_event WHERE seq = $1`, [state.last])) as Array<{
      hash: string;
    }>;
    expect(report.lastHash).toBe(last.hash);
  });

  it('hashes what the database serialises: jsonb key order does not matter, microseconds do', async () => {
    const [row] = (await t.dataSource.query(
      `SELECT '{"b": 1, "a": [1, {"d": 2, "c": 3}]}'::jsonb::text AS x, '{"a":[1,{"c":3,"d":2}],"b":1}'::jsonb::text AS y`,
    )) as Array<{ x: string; y: string }>;
    expect(row.x).toBe(row.y);
    const [canonical] = (await t.dataSource.query(
      `SELECT audit_event_canonical(e) AS text, hash FROM audit_event e ORDER BY seq DESC LIMIT 1`,
    )) as Array<{ text: string; hash: string }>;
    const fields = JSON.parse(canonical.text) as Array<string | null>;
    expect(fields).toHaveLength(17);
    expect(fields[2]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  it('gives the audit admin the chain state, audited, and nobody else', async () => {
    const response = await auditor.agent.get('/api/audit/chain').expect(200);
    expect(response.body).toMatchObject({ intact: true, firstSeq: '1' });
    expect(response.body.rows).toBeGreaterThan(2);
    expect(typeof response.body.checkedAt).toBe('string');
    await officer.agent.get('/api/audit/chain').expect(403);
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'AUDIT_CHAIN_VERIFIED'`,
    )) as Array<{ n: number }>;
    expect(n).toBe(1);
  });

  it('keeps one gap-free chain under 20 concurrent writes and 10 concurrent logins in two API processes', async () => {
    const second = await createTestApp({ database: t.database });
    try {
      const responses = await Promise.all([
        ...Array.from({ length: 20 }, (_, i) => createInspection(`并发审计巡察${i}`)),
        ...Array.from({ length: 10 }, () =>
          request(second.http).post('/api/auth/login').send({ username: 'supervisor', password: 'wrong-password' }),
        ),
      ]);
      expect(responses.slice(0, 20).map((response) => response.status)).toEqual(Array(20).fill(201));
      expect(responses.slice(20).map((response) => response.status)).toEqual(Array(10).fill(401));
    } finally {
      await second.close();
    }
    const [state] = await chainState();
    expect(state.chained).toBe(state.rows);
    expect(state.last).toBe(String(state.rows));
    expect(await verify()).toMatchObject({ intact: true, rows: state.rows });
  });

  it('names a row whose content was altered as the first broken link', async () => {
    const [target] = (await t.dataSource.query(
      `SELECT seq::text AS seq, id::text AS id FROM audit_event WHERE action = 'INSPECTION_CREATED' ORDER BY seq LIMIT 1 OFFSET 3`,
    )) as Array<{ seq: string; id: string }>;
    expect(target).toBeDefined();
    await expect(
      t.dataSource.query(`UPDATE audit_event SET result = 'failure' WHERE id = $1`, [target.id]),
    ).rejects.toThrow(/append-only/);
    await tamper(`UPDATE audit_event SET detail = '{"forged": true}' WHERE id = $1`, [target.id]);
    const report = await verify();
    expect(report.intact).toBe(false);
    expect(report.firstBroken).toMatchObject({ seq: target.seq, id: target.id, reason: 'content_altered' });
    expect(report.rows).toBe(Number(target.seq) - 1);
    const response = await auditor.agent.get('/api/audit/chain').expect(200);
    expect(response.body).toMatchObject({ intact: false, firstBroken: { seq: target.seq, reason: 'content_altered' } });
  });

  it('names the next row when an altered row was also given a fresh hash', async () => {
    const [target] = (await t.dataSource.query(
      `SELECT seq::text AS seq FROM audit_event WHERE detail = '{"forged": true}'`,
    )) as Array<{ seq: string }>;
    // recompute the forged row's own hash as a forger would: the next row's prev_hash gives it away
    const [fields] = (await t.dataSource.query(
      `SELECT seq::text AS seq, id::text AS id,
         to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAt",
         actor_id::text AS "actorId", actor_username AS "actorUsername", to_jsonb(actor_roles)::text AS "actorRoles",
         actor_unit_id::text AS "actorUnitId", ip, request_id AS "requestId", action, entity_type AS "entityType",
         entity_id AS "entityId", result, before::text AS before, after::text AS after, detail::text AS detail,
         prev_hash AS "prevHash"
       FROM audit_event WHERE seq = $1`,
      [target.seq],
    )) as AuditChainFields[];
    await tamper(`UPDATE audit_event SET hash = $2 WHERE seq = $1`, [target.seq, auditChainHash(fields)]);
    expect((await verify()).firstBroken).toMatchObject({
      seq: String(Number(target.seq) + 1),
      reason: 'prev_hash_mismatch',
    });
  });

  it('reports a deleted row as a gap in seq', async () => {
    const [broken] = (await t.dataSource.query(
      `SELECT seq::text AS seq FROM audit_event WHERE detail = '{"forged": true}'`,
    )) as Array<{ seq: string }>;
    // an earlier row deleted: the gap comes before the forged row, so it is now the first broken link
    const deleted = String(Number(broken.seq) - 2);
    await tamper(`DELETE FROM audit_event WHERE seq = $1`, [deleted]);
    const report = await verify();
    expect(report.firstBroken).toMatchObject({ seq: String(Number(deleted) + 1), reason: 'seq_gap' });
    expect(report.lastSeq).toBe(String(Number(deleted) - 1));
  });
});
