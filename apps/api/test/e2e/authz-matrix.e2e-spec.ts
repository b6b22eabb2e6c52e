import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { buildOpenApiDocument } from '../../src/app.factory.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { soleUnitMeasures } from '../support/fixtures.js';
import { subjectNameOf } from '../support/route-subjects.js';

// docs/authz-matrix.json is the written policy: operation × role → expected answer. This test calls every operation
// of the OpenAPI document as every role, on objects of 区水务和湖泊局 (unitlead's unit), and compares.
interface Expectation {
  public?: boolean;
  allow: string[];
  hidden?: string[];
  scoped?: string[];
}
const matrix = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../docs/authz-matrix.json'), 'utf8')) as {
  operations: Record<string, Expectation>;
};
const ROLES = ['anon', 'officer', 'supervisor', 'unitlead', 'unitlead2', 'sysadmin', 'secadmin', 'auditadmin'];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function expected(spec: Expectation, role: string): 'allow' | 'hidden' | 'scoped' | 'deny' | 'anon' {
  if (role === 'anon') return spec.public ? 'allow' : 'anon';
  if (spec.allow.includes(role)) return 'allow';
  if (spec.hidden?.includes(role)) return 'hidden';
  if (spec.scoped?.includes(role)) return 'scoped';
  return 'deny';
}

function verdict(status: number, code: string | undefined): 'allow' | 'hidden' | 'deny' | 'anon' {
  if (status === 401) return 'anon';
  if (status === 403) return 'deny';
  if (status === 404 && code === 'NOT_FOUND') return 'hidden';
  return 'allow';
}

describe('authorization matrix over every operation (HTTP)', () => {
  let t: TestApp;
  const sessions = new Map<string, SignedIn>();
  let subjects: Record<string, string>;

  const session = async (role: string): Promise<SignedIn> => {
    if (!sessions.has(role)) sessions.set(role, await signIn(t.http, role));
    return sessions.get(role)!;
  };

  // a fresh object for operations that would otherwise use up the shared one (deletes, restores)
  async function freshSubject(operationId: string, pathTemplate: string): Promise<string> {
    const q = (sql: string, params: unknown[]) => t.dataSource.query(sql, params);
    const id = randomUUID();
    if (/^(delete|update)(Unit)$/.test(operationId))
      await q(`INSERT INTO unit (id, name) VALUES ($1, $2)`, [id, `测试单位${id.slice(0, 8)}`]);
    else if (/^(delete|update)Person$/.test(operationId))
      await q(`INSERT INTO person (id, name) VALUES ($1, '测试人员')`, [id]);
    else if (/AccountabilityAction$/.test(operationId))
      await q(
        `INSERT INTO accountability_action (id, inspection_id, problem_id, form, count, count_unit) VALUES ($1, $2, $3, '诫勉', 1, '人')`,
        [id, subjects.inspection, subjects.problem],
      );
    else if (/RuleDocument$/.test(operationId))
      await q(`INSERT INTO rule_document (id, inspection_id, problem_id, title) VALUES ($1, $2, $3, '测试制度')`, [
        id,
        subjects.inspection,
        subjects.problem,
      ]);
    else if (/FundRecovery$/.test(operationId))
      await q(
        `INSERT INTO fund_recovery (id, inspection_id, problem_id, kind, amount) VALUES ($1, $2, $3, '追缴', 1)`,
        [id, subjects.inspection, subjects.problem],
      );
    else if (operationId === 'deleteCategory' || operationId === 'updateCategory')
      await q(
        `INSERT INTO category (id, inspection_id, seq, title) VALUES ($1, $2, (SELECT coalesce(max(seq), 0) + 1 FROM category WHERE inspection_id = $2), '测试方面')`,
        [id, subjects.inspection],
      );
    else if (operationId === 'deleteAttachment')
      await q(
        `INSERT INTO attachment (id, measure_id, unit_id, name, mime_type, size, sha256, storage_key, uploaded_by_id)
         SELECT $1, $2, u.unit_id, '佐证.pdf', 'application/pdf', 10, repeat('0', 64), $3, u.id FROM user_account u WHERE u.username = 'unitlead'`,
        [id, subjects.measure, `test/${id}.bin`],
      );
    else if (operationId === 'restoreInspection')
      await q(`INSERT INTO inspection (id, title, kind, deleted_at) VALUES ($1, '已删除的巡察', 'xuncha', now())`, [
        id,
      ]);
    else if (operationId === 'restoreProblem')
      await q(
        `INSERT INTO problem (id, inspection_id, seq, label, title, deleted_at) VALUES ($1, $2, (SELECT max(seq) + 1 FROM problem WHERE inspection_id = $2), 'x', '已删除的问题', now())`,
        [id, subjects.inspection],
      );
    else if (pathTemplate.startsWith('/api/publications/{id}'))
      await q(
        `INSERT INTO publication (id, inspection_id, title, text, publicity_from, publicity_to) VALUES ($1, $2, '测试通报', '测试正文', '2024-03-01', '2024-03-31')`,
        [id, subjects.inspection],
      );
    else if (pathTemplate.startsWith('/api/feedback/{id}'))
      await q(`INSERT INTO publication_feedback (id, publication_id, content) VALUES ($1, $2, '测试意见建议')`, [
        id,
        subjects.publication,
      ]);
    else if (operationId === 'deleteWebhook')
      await q(
        `INSERT INTO webhook (id, url, secret, events, format) VALUES ($1, 'https://example.com/hook', 'matrix-secret-0123456789', '{measure.urged}', 'json')`,
        [id],
      );
    else if (pathTemplate.startsWith('/api/export-jobs/{id}'))
      // a running export of unitlead's: only its requester reads it, and its file is not ready (409)
      await q(
        `INSERT INTO export_job (id, actor_id, inspection_id, filter, scope, status, file_name, created_at, updated_at)
         SELECT $1, u.id, $2, '{}', '{"all": true}', 'running', '台账.xlsx', now(), now() FROM user_account u WHERE u.username = 'unitlead'`,
        [id, subjects.inspection],
      );
    else if (operationId === 'restoreMeasure')
      await q(
        `INSERT INTO measure (id, problem_id, inspection_id, seq, text, deleted_at) VALUES ($1, $2, $3, (SELECT max(seq) + 1 FROM measure WHERE problem_id = $2), '已删除的措施', now())`,
        [id, subjects.problem, subjects.inspection],
      );
    else return subjectFor(pathTemplate);
    return id;
  }

  function subjectFor(pathTemplate: string): string {
    const name = subjectNameOf(pathTemplate);
    const subject = name ? subjects[name] : undefined;
    if (!subject) throw new Error(`no test subject for ${pathTemplate}`);
    return subject;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    const unitlead = await session('unitlead');
    const officer = await session('officer');
    const upload = await unitlead.agent
      .post(`/api/measures/${measure.id}/attachments`)
      .set('X-CSRF-Token', unitlead.csrfToken)
      .attach('file', PDF, '佐证.pdf')
      .expect(201);
    const extension = await unitlead.agent
      .post(`/api/measures/${measure.id}/extensions`)
      .set('X-CSRF-Token', unitlead.csrfToken)
      .send({ requestedDeadline: '2025-06-30', reason: '测试延期' })
      .expect(201);
    const [inspection] = await t.dataSource.query(`SELECT id FROM inspection LIMIT 1`);
    const category = await officer.agent
      .post(`/api/inspections/${inspection.id}/categories`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ title: '测试方面' })
      .expect(201);
    const [unit] = await t.dataSource.query(`SELECT id FROM unit WHERE name = '区水务和湖泊局'`);
    const [person] = await t.dataSource.query(`SELECT id FROM person LIMIT 1`);
    const userId = randomUUID();
    await t.dataSource.query(
      `INSERT INTO user_account (id, username, display_name, password_hash, roles) VALUES ($1, 'matrix_user', '矩阵测试', 'x', '{supervisor}')`,
      [userId],
    );
    const ids = (table: string) =>
      t.dataSource.query(`SELECT id FROM ${table} WHERE problem_id = $1 LIMIT 1`, [measure.problemId]);
    subjects = {
      measure: measure.id,
      problem: measure.problemId,
      inspection: inspection.id,
      attachment: upload.body.id,
      extension: extension.body.id,
      category: category.body.id,
      unit: unit.id,
      person: person.id,
      user: userId,
    };
    const fresh = await Promise.all(['accountabilityX', 'ruleX', 'fundX'].map(() => randomUUID()));
    subjects.accountability = (await ids('accountability_action'))[0]?.id ?? fresh[0];
    subjects.rule = (await ids('rule_document'))[0]?.id ?? fresh[1];
    subjects.fund = (await ids('fund_recovery'))[0]?.id ?? fresh[2];
    // a run of a background job that does not exist: the system admin's retry answers JOB_RUN_NOT_FOUND
    subjects.jobRun = randomUUID();
    // a notification of the officer: everybody else's bell does not hold it
    [{ id: subjects.notification }] = await t.dataSource.query(
      `INSERT INTO notification (user_id, kind, title, body) SELECT id, 'test', '测试通知', '测试' FROM user_account WHERE username = 'officer' RETURNING id`,
    );
    // a webhook of the system admin's: its deliveries are readable
    subjects.webhook = randomUUID();
    await t.dataSource.query(
      `INSERT INTO webhook (id, url, secret, events, format) VALUES ($1, 'https://example.com/hook', 'matrix-secret-0123456789', '{measure.urged}', 'json')`,
      [subjects.webhook],
    );
    // a 督办单 to the unit leader's unit about the test measure: another unit's leader does not see it
    subjects.supervisionOrder = randomUUID();
    await t.dataSource.query(
      `INSERT INTO supervision_order (id, year, seq, unit_id, body, reply_by) VALUES ($1, 2024, 9999, $2, '测试督办', '2099-12-31')`,
      [subjects.supervisionOrder, unit.id],
    );
    await t.dataSource.query(`INSERT INTO supervision_order_measure (order_id, measure_id) VALUES ($1, $2)`, [
      subjects.supervisionOrder,
      measure.id,
    ]);
    // a reporting round of the unit leader's unit alone, which it has reported: another unit's leader does not see it
    const round = await officer.agent
      .post(`/api/inspections/${inspection.id}/report-rounds`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ periodEnd: '2024-03-15', dueDate: '2024-03-20', unitIds: [unit.id] })
      .expect(201);
    subjects.reportRound = round.body.id;
    const form = await unitlead.agent.get(`/api/report-rounds/${round.body.id}/form?unitId=${unit.id}`).expect(200);
    await unitlead.agent
      .post(`/api/report-rounds/${round.body.id}/submissions`)
      .set('X-CSRF-Token', unitlead.csrfToken)
      .send({
        unitId: unit.id,
        items: form.body.items
          .filter((item: { open: boolean }) => item.open)
          .map((item: { measureId: string }) => ({ measureId: item.measureId, progress: '测试进展' })),
      })
      .expect(201);
    // a look-back holding the test measure (of the unit leader's unit): another unit's leader does not see it
    [{ id: subjects.lookback }] = await t.dataSource.query(
      `INSERT INTO lookback (inspection_id, seq, title, sample_rate_pct, seed, population, fingerprint)
       VALUES ($1, 99, '测试回头看', 10, 'matrix', 1, '00000000') RETURNING id`,
      [inspection.id],
    );
    [{ id: subjects.lookbackItem }] = await t.dataSource.query(
      `INSERT INTO lookback_item (lookback_id, measure_id, unit_id, position, status_at_draw)
       VALUES ($1, $2, $3, 0, 'completed') RETURNING id`,
      [subjects.lookback, measure.id, unit.id],
    );
    // a checkpoint of the test measure: its review is the officers' alone
    [{ id: subjects.checkpoint }] = await t.dataSource.query(
      `INSERT INTO measure_checkpoint (measure_id, due_on, title) VALUES ($1, '2024-03-10', '测试检查节点') RETURNING id`,
      [measure.id],
    );
    // a published notice: the public routes name it by its slug, not by an id
    subjects.publication = randomUUID();
    subjects.slug = 'matrixPublishedSlug0Aa';
    await t.dataSource.query(
      `INSERT INTO publication (id, inspection_id, status, title, text, publicity_from, publicity_to, slug, published_at)
       VALUES ($1, $2, 'published', '测试通报', '测试正文', '2024-03-01', '2024-03-31', $3, now())`,
      [subjects.publication, inspection.id, subjects.slug],
    );
    // the test problem must be invisible to unitlead2
    await (await session('unitlead2')).agent.get(`/api/problems/${measure.problemId}`).expect(404);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every operation of the OpenAPI document in docs/authz-matrix.json, and nothing else', () => {
    const document = buildOpenApiDocument(t.app);
    const operations = Object.values(document.paths).flatMap((item) =>
      Object.values(item as Record<string, { operationId: string }>).map((op) => op.operationId),
    );
    expect(operations.filter((operation) => !matrix.operations[operation])).toEqual([]);
    expect(Object.keys(matrix.operations).filter((operation) => !operations.includes(operation))).toEqual([]);
  });

  it('answers every operation for every role as the matrix says', async () => {
    const document = buildOpenApiDocument(t.app);
    const mismatches: string[] = [];
    let calls = 0;
    for (const [pathTemplate, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, { operationId: string }>)) {
        const spec = matrix.operations[operation.operationId];
        for (const role of ROLES) {
          const want = expected(spec, role);
          const id = pathTemplate.includes('{id}') ? await freshSubject(operation.operationId, pathTemplate) : '';
          const url = pathTemplate
            .replace('{id}', id)
            .replace('{unitId}', subjects.unit)
            .replace('{itemId}', subjects.lookbackItem)
            .replace('{checkpointId}', subjects.checkpoint)
            .replace('{slug}', subjects.slug);
          const caller = role === 'anon' ? null : await session(role);
          const agent = caller ? caller.agent : request(t.http);
          let call = agent[method as 'get'](url);
          if (caller && method !== 'get') call = call.set('X-CSRF-Token', caller.csrfToken);
          const response = method === 'get' ? await call : await call.send({});
          calls++;
          const got = verdict(response.status, response.body?.code);
          const ok =
            want === 'scoped'
              ? response.status >= 400 && response.status !== 401 && response.status !== 403
              : got === want && response.status < 500;
          if (!ok)
            mismatches.push(
              `${operation.operationId} as ${role}: expected ${want}, got ${response.status} ${response.body?.code ?? ''}`,
            );
          if (operation.operationId === 'logout' && caller) sessions.delete(role);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBeGreaterThan(89 * ROLES.length - 1);
  });
});

describe('unit scope in lists, statistics and exports (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('never hands a unit leader a row of another unit', async () => {
    for (const username of ['unitlead', 'unitlead2']) {
      const caller = await signIn(t.http, username);
      const [{ unit_id: unitId }] = await t.dataSource.query(`SELECT unit_id FROM user_account WHERE username = $1`, [
        username,
      ]);
      const visible = new Set(
        (
          (await t.dataSource.query(`SELECT measure_id FROM measure_unit WHERE unit_id = $1`, [unitId])) as Array<{
            measure_id: string;
          }>
        ).map((row) => row.measure_id),
      );
      const measures = await caller.agent.get('/api/measures?pageSize=200').expect(200);
      expect(measures.body.total).toBe(visible.size);
      for (const measure of measures.body.items) expect(visible.has(measure.id)).toBe(true);

      const problems = await caller.agent.get('/api/problems?pageSize=200').expect(200);
      for (const problem of problems.body.items) {
        const detail = await caller.agent.get(`/api/problems/${problem.id}`).expect(200);
        for (const measure of detail.body.measures) expect(visible.has(measure.id)).toBe(true);
        expect(problem.measureCount).toBe(detail.body.measures.length);
      }

      const [inspection] = (await caller.agent.get('/api/inspections')).body.items;
      const statistics = await caller.agent.get(`/api/inspections/${inspection.id}/statistics`).expect(200);
      expect(statistics.body.measures.total).toBe(visible.size);
      for (const list of [statistics.body.overdueList, statistics.body.dueSoonList]) {
        for (const row of list) expect(visible.has(row.id)).toBe(true);
      }
      const extensions = await caller.agent.get('/api/extensions?pageSize=200').expect(200);
      for (const extension of extensions.body.items) expect(visible.has(extension.measureId)).toBe(true);
    }
  });
});
