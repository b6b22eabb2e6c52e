import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';

interface ImportAnswer {
  committed: boolean;
  errors: Array<{ row: number; column: string; message: string }>;
  creates: Array<{ row: number; measureId: string | null }>;
  updates: Array<{ row: number; measureId: string; fields: string[] }>;
  unchanged: number;
}

jest.setTimeout(300_000);

// The set-based import (issue 28 step 5): a file over the old 20,000-row cap, applied in batches of statements in one
// transaction — all or nothing, each measure audited and in its history as the row-at-a-time path did.
describe('a ledger import of 25,000 rows (HTTP)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let inspectionId: string;
  const PROBLEMS = 500;
  const PER_PROBLEM = 50;
  const ROWS = PROBLEMS * PER_PROBLEM;
  const LEAD = '区水务和湖泊局';
  const OTHER = '区城市管理执法局';

  const post = (who: SignedIn, url: string) => who.agent.post(url).set('X-CSRF-Token', who.csrfToken);
  const importLedger = (buffer: Buffer, dryRun = false) =>
    post(officer, `/api/inspections/${inspectionId}/imports/ledger.xlsx?dryRun=${dryRun}`).attach(
      'file',
      buffer,
      '整改台账.xlsx',
    );
  const count = async (sql: string, params: unknown[] = [inspectionId]) =>
    ((await t.dataSource.query(sql, params)) as Array<{ n: number }>)[0].n;
  const measures = () => count(`SELECT count(*)::int AS n FROM measure WHERE inspection_id = $1`);
  const audits = (action: string) =>
    count(
      `SELECT count(*)::int AS n FROM audit_event a JOIN measure m ON a.entity_id = m.id::text
       WHERE a.action = $2 AND m.inspection_id = $1`,
      [inspectionId, action],
    );
  const allAudits = (action: string) => count(`SELECT count(*)::int AS n FROM audit_event WHERE action = $1`, [action]);
  const workbook = async (cell: (problem: number, seq: number) => { text: string; lead: string }) => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('整改台账');
    sheet.addRow(['问题编号', '措施序号', '整改措施', '牵头单位', '完成时限', '备注']);
    for (let p = 1; p <= PROBLEMS; p++) {
      for (let s = 1; s <= PER_PROBLEM; s++) {
        const { text, lead } = cell(p, s);
        sheet.addRow([`${p}.`, s, text, lead, '2027-06-30', `第${p}-${s}项`]);
      }
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t.http, 'officer');
    const inspection = await post(officer, '/api/inspections')
      .send({
        title: '大批量台账导入测试',
        kind: 'xuncha',
        group: '区委第九巡察组',
        inspectionType: '常规巡察',
        target: '区水务和湖泊局',
        onSiteFrom: '2024-03-01',
        onSiteTo: '2024-04-15',
        feedbackDate: '2024-05-10',
      })
      .expect(201);
    inspectionId = inspection.body.id as string;
    // 500 problems; the first ten stored as 已完成 (no measures yet), so that the import must re-derive them
    await t.dataSource.query(
      `INSERT INTO problem (inspection_id, seq, label, title, status)
       SELECT $1, g, g || '.', '第' || g || '个问题', CASE WHEN g <= 10 THEN 'completed' ELSE 'in_progress' END
       FROM generate_series(1, $2::int) g`,
      [inspectionId, PROBLEMS],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses the whole file for one bad row in the middle (422, nothing written), then creates all 25,000', async () => {
    const beforeCreated = await allAudits('MEASURE_CREATED');
    const beforeDerived = await allAudits('PROBLEM_STATUS_DERIVED');
    const bad = await workbook((p, s) => ({
      text: `第${p}个问题的第${s}项措施：健全制度，压实责任。`,
      lead: p === 250 && s === 25 ? '不存在的单位' : LEAD,
    }));
    const refused = await importLedger(bad).expect(422);
    expect(refused.body.code).toBe('IMPORT_ROWS_INVALID');
    const row = 1 + 249 * PER_PROBLEM + 25;
    expect(refused.body.errors[`第${row}行·牵头单位`]).toEqual([
      '单位“不存在的单位”不存在，请先在单位管理中新建或修改为系统中的单位名称',
    ]);
    expect(await measures()).toBe(0);
    expect(await allAudits('MEASURE_CREATED')).toBe(beforeCreated);
    expect(await allAudits('PROBLEM_STATUS_DERIVED')).toBe(beforeDerived);

    const good = await workbook((p, s) => ({ text: `第${p}个问题的第${s}项措施：健全制度，压实责任。`, lead: LEAD }));
    // a dry run plans all of it and writes nothing
    const planned = (await importLedger(good, true).expect(200)).body as ImportAnswer;
    expect(planned).toMatchObject({ committed: false, errors: [], updates: [], unchanged: 0 });
    expect(planned.creates).toHaveLength(ROWS);
    expect(await measures()).toBe(0);

    const done = (await importLedger(good).expect(200)).body as ImportAnswer;
    expect(done).toMatchObject({ committed: true, errors: [], updates: [], unchanged: 0 });
    expect(done.creates).toHaveLength(ROWS);
    expect(done.creates[ROWS - 1]).toMatchObject({ row: ROWS + 1, measureId: null });

    expect(await measures()).toBe(ROWS);
    expect(await audits('MEASURE_CREATED')).toBe(ROWS);
    expect(await allAudits('MEASURE_CREATED')).toBe(beforeCreated + ROWS);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM measure_event e JOIN measure m ON m.id = e.measure_id
         WHERE m.inspection_id = $1 AND e.action = 'create' AND e.to_status = 'not_started'
           AND e.detail->>'source' = 'ledger'`,
      ),
    ).toBe(ROWS);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM measure_unit mu JOIN measure m ON m.id = mu.measure_id
         WHERE m.inspection_id = $1 AND mu.role = 'lead' AND mu.unit_id = m.lead_unit_id AND mu.status = 'not_started'`,
      ),
    ).toBe(ROWS);

    // one audit row as the row-at-a-time path wrote it: the measure's values after, the sheet's row
    const [sample] = (await t.dataSource.query(
      `SELECT a.after, a.detail, a.before, a.actor_username AS "actorUsername", m.id, m.problem_id AS "problemId",
              m.lead_unit_id AS "leadUnitId"
       FROM measure m JOIN problem p ON p.id = m.problem_id JOIN audit_event a ON a.entity_id = m.id::text
       WHERE m.inspection_id = $1 AND p.seq = 3 AND m.seq = 7 AND a.action = 'MEASURE_CREATED'`,
      [inspectionId],
    )) as Array<Record<string, unknown>>;
    expect(sample).toMatchObject({
      before: null,
      actorUsername: 'officer',
      detail: { source: 'ledger', row: 1 + 2 * PER_PROBLEM + 7 },
      after: {
        problemId: sample.problemId,
        seq: 7,
        text: '第3个问题的第7项措施：健全制度，压实责任。',
        leadUnitId: sample.leadUnitId,
        coUnitIds: [],
        leaderId: null,
        personId: null,
        deadline: '2027-06-30',
        term: 'concentrated',
        remarks: '第3-7项',
      },
    });

    // the ten problems stored as 已完成 now have unfinished measures: 未完成, each audited once
    expect(
      await count(
        `SELECT count(*)::int AS n FROM problem WHERE inspection_id = $1 AND seq <= 10 AND status = 'in_progress'`,
      ),
    ).toBe(10);
    expect(await allAudits('PROBLEM_STATUS_DERIVED')).toBe(beforeDerived + 10);
    // the audit chain covers every row written at commit
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE hash IS NULL`, [])).toBe(0);
  });

  it('updates a batch: versions bumped, units replaced, history and audit with before and after', async () => {
    // rows of problems 1–100 get a new text; problems 1–20 also move to another lead unit
    const changed = await workbook((p, s) => ({
      text: p <= 100 ? `第${p}个问题的第${s}项措施（修订）` : `第${p}个问题的第${s}项措施：健全制度，压实责任。`,
      lead: p <= 20 ? OTHER : LEAD,
    }));
    const beforeUpdated = await allAudits('MEASURE_UPDATED');
    const answer = (await importLedger(changed).expect(200)).body as ImportAnswer;
    expect(answer).toMatchObject({ committed: true, errors: [], creates: [] });
    expect(answer.updates).toHaveLength(100 * PER_PROBLEM);
    expect(answer.unchanged).toBe(ROWS - 100 * PER_PROBLEM);
    expect(answer.updates[0].fields).toEqual(['整改措施', '牵头单位']);
    expect(answer.updates[20 * PER_PROBLEM].fields).toEqual(['整改措施']);

    expect(await allAudits('MEASURE_UPDATED')).toBe(beforeUpdated + 100 * PER_PROBLEM);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM measure m JOIN problem p ON p.id = m.problem_id
         WHERE m.inspection_id = $1 AND p.seq <= 100 AND m.version = 2 AND m.text LIKE '%（修订）'`,
      ),
    ).toBe(100 * PER_PROBLEM);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM measure m JOIN problem p ON p.id = m.problem_id
         WHERE m.inspection_id = $1 AND p.seq > 100 AND m.version = 1`,
      ),
    ).toBe(ROWS - 100 * PER_PROBLEM);
    // the moved measures: exactly one unit, the new lead, still 未启动
    expect(
      await count(
        `SELECT count(*)::int AS n FROM measure m JOIN problem p ON p.id = m.problem_id
         JOIN unit u ON u.id = m.lead_unit_id
         WHERE m.inspection_id = $1 AND p.seq <= 20 AND u.name = $2 AND m.status = 'not_started'
           AND (SELECT array_agg(mu.unit_id::text || mu.role) FROM measure_unit mu WHERE mu.measure_id = m.id)
               = ARRAY[m.lead_unit_id::text || 'lead']`,
        [inspectionId, OTHER],
      ),
    ).toBe(20 * PER_PROBLEM);

    const [row] = (await t.dataSource.query(
      `SELECT a.before AS "auditBefore", a.after AS "auditAfter", a.detail AS "auditDetail", e.detail AS event,
              e.from_status AS "fromStatus", e.to_status AS "toStatus"
       FROM measure m JOIN problem p ON p.id = m.problem_id
       JOIN audit_event a ON a.entity_id = m.id::text AND a.action = 'MEASURE_UPDATED'
       JOIN measure_event e ON e.measure_id = m.id AND e.action = 'update'
       WHERE m.inspection_id = $1 AND p.seq = 5 AND m.seq = 2`,
      [inspectionId],
    )) as Array<Record<string, Record<string, unknown> | null>>;
    const units = (await officer.agent.get('/api/units').expect(200)).body as Array<{ id: string; name: string }>;
    const lead = units.find((unit) => unit.name === LEAD)!.id;
    const other = units.find((unit) => unit.name === OTHER)!.id;
    expect(row.auditBefore).toMatchObject({ text: '第5个问题的第2项措施：健全制度，压实责任。', leadUnitId: lead });
    expect(row.auditAfter).toMatchObject({ text: '第5个问题的第2项措施（修订）', leadUnitId: other, coUnitIds: [] });
    expect(row.auditDetail).toEqual({ source: 'ledger', row: 1 + 4 * PER_PROBLEM + 2 });
    expect(row.event).toMatchObject({
      source: 'ledger',
      fields: ['整改措施', '牵头单位'],
      before: row.auditBefore,
      after: row.auditAfter,
    });
    expect(row.fromStatus).toBeNull();
    expect(row.toStatus).toBeNull();
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE hash IS NULL`, [])).toBe(0);
  });
});
