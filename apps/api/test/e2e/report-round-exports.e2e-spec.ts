import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { DEMO_TODAY } from '../support/database.js';
import { binary } from '../support/http.js';

const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface FormItem {
  measureId: string;
  open: boolean;
  light: string;
  deadline: string | null;
  text: string;
}

interface Change {
  measureId: string;
  label: string;
  unitName: string;
  from?: string | null;
  to?: string | null;
}

// 汇总 of a reporting round: counts, each unit's standing report, what changed since the round before, two rounds
// side by side, and the round as a GB/T 9704 Word document and a workbook — each seen only by whoever sees the round.
describe('report round compilation and exports (报送汇总)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let unitlead: SignedIn;
  let unitlead2: SignedIn;
  let inspectionId: string;
  let unitId: string;
  let unitName: string;
  let otherUnitId: string;
  let otherUnitName: string;
  let first: { id: string };
  let second: { id: string };
  let completedId: string;
  let overdueId: string;
  let overdueDeadlineBefore: string | null;

  const post = (caller: SignedIn, path: string, body: object = {}) =>
    caller.agent.post(path).set('X-CSRF-Token', caller.csrfToken).send(body);
  const openRound = (body: object) =>
    post(officer, `/api/inspections/${inspectionId}/report-rounds`, {
      periodEnd: DEMO_TODAY,
      dueDate: plusDays(DEMO_TODAY, 5),
      unitIds: [unitId, otherUnitId],
      ...body,
    }).expect(201);
  const form = async (roundId: string, caller: SignedIn, unit: string) =>
    (await caller.agent.get(`/api/report-rounds/${roundId}/form?unitId=${unit}`).expect(200)).body.items as FormItem[];
  const report = async (roundId: string, caller: SignedIn, unit: string) =>
    post(caller, `/api/report-rounds/${roundId}/submissions`, {
      unitId: unit,
      items: (await form(roundId, caller, unit))
        .filter((item) => item.open)
        .map((item) => ({ measureId: item.measureId, progress: `本期进展：${item.text.slice(0, 8)}` })),
    }).expect(201);
  const download = (caller: SignedIn, url: string) => caller.agent.get(url).buffer(true).parse(binary);

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t.http, 'officer');
    unitlead = await signIn(t.http, 'unitlead');
    unitlead2 = await signIn(t.http, 'unitlead2');
    await t.dataSource.query(`DELETE FROM report_round`);
    [{ id: inspectionId }] = (await officer.agent.get('/api/inspections').expect(200)).body.items;
    [{ unit_id: unitId, name: unitName }] = await t.dataSource.query(
      `SELECT ua.unit_id, u.name FROM user_account ua JOIN unit u ON u.id = ua.unit_id WHERE ua.username = 'unitlead'`,
    );
    [{ unit_id: otherUnitId, name: otherUnitName }] = await t.dataSource.query(
      `SELECT ua.unit_id, u.name FROM user_account ua JOIN unit u ON u.id = ua.unit_id WHERE ua.username = 'unitlead2'`,
    );

    // 第1期: both units report on time
    first = (await openRound({ title: '第一期报送' })).body;
    await report(first.id, unitlead, unitId);
    await report(first.id, unitlead2, otherUnitId);

    // between the rounds one measure is completed and another's deadline moves into the past
    const [done, late] = (await form(first.id, unitlead, unitId)).filter((item) => item.open && item.light !== 'red');
    completedId = done.measureId;
    overdueId = late.measureId;
    overdueDeadlineBefore = late.deadline;
    await t.dataSource.query(`UPDATE measure SET status = 'completed' WHERE id = $1`, [completedId]);
    await t.dataSource.query(`UPDATE measure SET deadline = $2 WHERE id = $1`, [overdueId, plusDays(DEMO_TODAY, -10)]);

    // 第2期: due tomorrow; the unit reports two days late, the other unit not at all
    second = (await openRound({ title: '第二期报送', dueDate: plusDays(DEMO_TODAY, 1) })).body;
    t.clock.set(new Date(`${plusDays(DEMO_TODAY, 3)}T10:00:00+08:00`));
    officer = await signIn(t.http, 'officer');
    unitlead = await signIn(t.http, 'unitlead');
    unitlead2 = await signIn(t.http, 'unitlead2');
    await report(second.id, unitlead, unitId);
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts the round, lists each unit’s standing report and the changes since the round before', async () => {
    const summary = (await officer.agent.get(`/api/report-rounds/${second.id}/summary`).expect(200)).body;
    expect(summary.round).toMatchObject({ id: second.id, seq: 2, title: '第二期报送', status: 'open' });
    expect(summary.previous).toEqual({ id: first.id, seq: 1, title: '第一期报送' });
    expect(summary.counts).toEqual({ expected: 2, submitted: 1, late: 1, missing: 1, returned: 0, onTime: 0 });
    const units = Object.fromEntries(summary.units.map((unit: { unit: { id: string } }) => [unit.unit.id, unit]));
    expect(units[unitId]).toMatchObject({
      unit: { id: unitId, name: unitName },
      status: 'late',
      punctuality: 'late',
      late: true,
      submittedAt: expect.any(String),
      submittedByName: expect.any(String),
      items: expect.any(Number),
      completedSincePrevious: 1,
      deadlineChanges: 1,
    });
    expect(units[unitId].items).toBeGreaterThan(1);
    expect(units[unitId].newlyOverdue).toBeGreaterThanOrEqual(1);
    expect(units[otherUnitId]).toMatchObject({
      status: 'pending',
      punctuality: null,
      submittedAt: null,
      submittedByName: null,
      late: false,
      items: 0,
      completedSincePrevious: 0,
    });

    const { newlyCompleted, newlyOverdue, deadlineChanges } = summary.changes as Record<string, Change[]>;
    expect(newlyCompleted).toEqual([expect.objectContaining({ measureId: completedId, unitName })]);
    expect(newlyOverdue).toContainEqual(expect.objectContaining({ measureId: overdueId, unitName }));
    expect(newlyOverdue.map((change) => change.measureId)).not.toContain(completedId);
    expect(deadlineChanges).toEqual([
      expect.objectContaining({
        measureId: overdueId,
        unitName,
        from: overdueDeadlineBefore,
        to: plusDays(DEMO_TODAY, -10),
      }),
    ]);

    // the first round has nothing before it
    const firstSummary = (await officer.agent.get(`/api/report-rounds/${first.id}/summary`).expect(200)).body;
    expect(firstSummary.previous).toBeNull();
    expect(firstSummary.counts).toEqual({ expected: 2, submitted: 2, late: 0, missing: 0, returned: 0, onTime: 2 });
    expect(firstSummary.changes).toEqual({ newlyCompleted: [], newlyOverdue: [], deadlineChanges: [] });
  });

  it('shows a unit leader its own unit only, and a round without its units not at all', async () => {
    const mine = (await unitlead.agent.get(`/api/report-rounds/${second.id}/summary`).expect(200)).body;
    expect(mine.units.map((unit: { unit: { id: string } }) => unit.unit.id)).toEqual([unitId]);
    expect(mine.counts).toMatchObject({ expected: 1, submitted: 1, missing: 0 });

    // a round of another inspection in which only the unit leader's unit reports
    const other = await post(officer, '/api/inspections', { title: '另一轮巡察', kind: 'xuncha' }).expect(201);
    const alone = (
      await post(officer, `/api/inspections/${other.body.id}/report-rounds`, {
        periodEnd: plusDays(DEMO_TODAY, 3),
        dueDate: plusDays(DEMO_TODAY, 8),
        unitIds: [unitId],
      }).expect(201)
    ).body;
    for (const path of ['summary', 'exports/report.docx', 'exports/report.xlsx']) {
      const answer = await unitlead2.agent.get(`/api/report-rounds/${alone.id}/${path}`).expect(404);
      expect(answer.body.code).toBe('NOT_FOUND');
    }
    await unitlead.agent.get(`/api/report-rounds/${alone.id}/summary`).expect(200);

    // rounds of two inspections do not compare
    const mixed = await officer.agent.get(`/api/report-rounds/compare?a=${first.id}&b=${alone.id}`).expect(400);
    expect(mixed.body).toMatchObject({ code: 'ROUNDS_NOT_COMPARABLE', message: '只能对比同一巡视（巡察）的两期报送' });
  });

  it('compares two rounds unit by unit, and refuses bad input with a code', async () => {
    const compared = (await officer.agent.get(`/api/report-rounds/compare?a=${first.id}&b=${second.id}`).expect(200))
      .body;
    expect(compared.a).toMatchObject({ round: { id: first.id, seq: 1 }, counts: { submitted: 2, missing: 0 } });
    expect(compared.b).toMatchObject({
      round: { id: second.id, seq: 2 },
      counts: { submitted: 1, late: 1, missing: 1 },
    });
    const units = Object.fromEntries(compared.units.map((unit: { unit: { id: string } }) => [unit.unit.id, unit]));
    expect(Object.keys(units).sort()).toEqual([unitId, otherUnitId].sort());
    expect(units[unitId].a).toMatchObject({ status: 'submitted', punctuality: 'on_time' });
    expect(units[unitId].b).toMatchObject({ status: 'late', punctuality: 'late' });
    expect(units[unitId].b.completed).toBe(units[unitId].a.completed + 1);
    expect(units[unitId].b.overdue).toBeGreaterThan(units[unitId].a.overdue);
    expect(units[otherUnitId].b).toMatchObject({ status: 'pending', items: 0, completed: 0, overdue: 0 });

    const bad = await officer.agent.get(`/api/report-rounds/compare?a=${first.id}&b=not-an-id`).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.errors.b).toBeDefined();
    expect((await officer.agent.get(`/api/report-rounds/compare?a=${first.id}`).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    await officer.agent
      .get(`/api/report-rounds/compare?a=${first.id}&b=00000000-0000-4000-8000-000000000000`)
      .expect(404);
    const sysadmin = await signIn(t.http, 'sysadmin');
    await sysadmin.agent.get(`/api/report-rounds/compare?a=${first.id}&b=${second.id}`).expect(403);
  });

  it('prints 第N期整改进展情况 as a GB/T 9704 Word document with the counts, the reports and the missing units', async () => {
    const response = await download(officer, `/api/report-rounds/${second.id}/exports/report.docx`).expect(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(response.headers['content-disposition'])).toContain('第2期整改进展情况.docx');
    const zip = await JSZip.loadAsync(response.body as Buffer);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('第2期整改进展情况');
    for (const heading of ['应报送', '已报送', '逾期报送', '未报送']) expect(text).toContain(heading);
    expect(text).toContain('本期应报送单位2个，已报送1个（其中逾期报送1个），未报送1个。');
    expect(text).toContain(unitName);
    expect(text).toContain('与第1期相比');
    const missingPart = text.slice(text.indexOf('四、未报送单位'));
    expect(missingPart).toContain(otherUnitName);
    expect(missingPart).not.toContain(unitName);

    const [audit] = await t.dataSource.query(
      `SELECT entity_type AS "entityType", entity_id AS "entityId", detail FROM audit_event
       WHERE action = 'REPORT_ROUND_EXPORTED' ORDER BY occurred_at DESC, id DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({ entityType: 'report_round', entityId: second.id, detail: { format: 'docx' } });
  });

  it('exports the workbook: one row per unit in scope, then every reported measure', async () => {
    const response = await download(officer, `/api/report-rounds/${second.id}/exports/report.xlsx`).expect(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(response.headers['content-disposition'])).toContain('第2期整改进展情况.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.body as unknown as ArrayBuffer);
    const [units, items] = book.worksheets;
    expect(units.name).toBe('报送情况');
    expect(units.getRow(2).values).toEqual([
      undefined,
      '序号',
      '单位',
      '状态',
      '报送时间',
      '报送人',
      '是否逾期',
      '按时情况',
      '措施数',
      '本期新完成',
      '新增逾期',
    ]);
    const rows = Array.from({ length: units.rowCount - 2 }, (_, index) => units.getRow(index + 3));
    expect(rows.map((row) => row.getCell(2).value).sort()).toEqual([unitName, otherUnitName].sort());
    const water = rows.find((row) => row.getCell(2).value === unitName)!;
    expect(water.getCell(3).value).toBe('逾期报送');
    expect(water.getCell(6).value).toBe('是');
    expect(water.getCell(9).value).toBe(1);

    const summary = (await officer.agent.get(`/api/report-rounds/${second.id}/summary`).expect(200)).body;
    const reported = summary.units.reduce((sum: number, unit: { items: number }) => sum + unit.items, 0);
    expect(items.name).toBe('措施进展');
    expect(items.rowCount - 2).toBe(reported);

    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_event WHERE action = 'REPORT_ROUND_EXPORTED' AND detail->>'format' = 'xlsx'`,
    );
    expect(count).toBe(1);
  });

  it('counts a returned report as missing until it is made again', async () => {
    await post(officer, `/api/report-rounds/${first.id}/submissions/${otherUnitId}/return`, {
      reason: '请补充数据',
    }).expect(200);
    const summary = (await officer.agent.get(`/api/report-rounds/${first.id}/summary`).expect(200)).body;
    expect(summary.counts).toEqual({ expected: 2, submitted: 1, late: 0, missing: 1, returned: 1, onTime: 1 });
    expect(summary.units.find((unit: { unit: { id: string } }) => unit.unit.id === otherUnitId)).toMatchObject({
      status: 'returned',
      items: 0,
      submittedByName: null,
    });
  });
});
