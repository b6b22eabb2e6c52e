import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { insertEvidence } from '../support/fixtures.js';
import { binary } from '../support/http.js';

// The 整改台账 columns that come from other tables than measure (配合单位, 整改进展, 佐证材料, 建章立制, 问责情况,
// 销号情况): each filled from its own rows, in its own order, and only from rows that count (issue 28 step 5 reads
// them set-based per batch of measures; this pins what they must say).
describe('整改台账: the columns read from other tables', () => {
  let t: TestApp;
  let officer: SignedIn;
  let demoId: string;
  let problem: { id: string; label: string };
  let first: { id: string; seq: number };
  let second: { id: string; seq: number };
  let bare: { id: string; seq: number; label: string; problemId: string };

  const query = <T>(sql: string, params: unknown[] = []) => t.dataSource.query(sql, params) as Promise<T[]>;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t.http, 'officer');
    demoId = (await officer.agent.get('/api/inspections').expect(200)).body.items[0].id as string;
    // a problem with at least two measures, and a measure of another problem left as it is
    [problem] = await query<{ id: string; label: string }>(
      `SELECT p.id, p.label FROM problem p WHERE p.inspection_id = $1 AND p.deleted_at IS NULL
         AND (SELECT count(*) FROM measure m WHERE m.problem_id = p.id AND m.deleted_at IS NULL) >= 2
       ORDER BY p.seq LIMIT 1`,
      [demoId],
    );
    [first, second] = await query<{ id: string; seq: number }>(
      `SELECT id, seq FROM measure WHERE problem_id = $1 AND deleted_at IS NULL ORDER BY seq LIMIT 2`,
      [problem.id],
    );
    [bare] = await query<{ id: string; seq: number; label: string; problemId: string }>(
      `SELECT m.id, m.seq, p.label, p.id AS "problemId" FROM measure m JOIN problem p ON p.id = m.problem_id
       WHERE p.inspection_id = $1 AND p.id <> $2 AND m.deleted_at IS NULL AND p.deleted_at IS NULL
       ORDER BY p.seq DESC, m.seq LIMIT 1`,
      [demoId, problem.id],
    );
    const ids = [first.id, second.id, bare.id];
    for (const table of ['progress_update', 'attachment'])
      await query(`DELETE FROM ${table} WHERE measure_id = ANY($1)`, [ids]);
    await query(`DELETE FROM measure_event WHERE measure_id = ANY($1) AND action = 'approve'`, [ids]);
    await query(`DELETE FROM measure_unit WHERE measure_id = ANY($1) AND role = 'co'`, [ids]);
    for (const table of ['rule_document', 'accountability_action'])
      await query(`DELETE FROM ${table} WHERE problem_id = ANY($1)`, [[problem.id, bare.problemId]]);

    // 配合单位: two co-units, written in the units' order whatever the order they were linked in
    const units = await query<{ id: string; name: string }>(
      `SELECT id, name FROM unit WHERE deleted_at IS NULL
         AND id NOT IN (SELECT unit_id FROM measure_unit WHERE measure_id = $1)
       ORDER BY sort_order, name LIMIT 2`,
      [first.id],
    );
    for (const unit of [...units].reverse())
      await query(`INSERT INTO measure_unit (measure_id, unit_id, role) VALUES ($1, $2, 'co')`, [first.id, unit.id]);
    // 整改进展: the latest report by date, then by time of writing
    await query(
      `INSERT INTO progress_update (measure_id, reported_on, text, created_at) VALUES
         ($1, '2024-06-01', '六月上旬进展', '2024-06-01T09:00:00+08:00'),
         ($1, '2024-06-01', '六月进展（补充）', '2024-06-01T18:00:00+08:00'),
         ($1, '2024-05-01', '五月进展', '2024-07-01T09:00:00+08:00')`,
      [first.id],
    );
    // 佐证材料: the files not deleted, in upload order; above 20 names, the first 20 and 等
    const kept = await insertEvidence(t.dataSource, first.id, '河湖巡查台账.xlsx');
    const deleted = await insertEvidence(t.dataSource, first.id, '已删除的材料.pdf');
    const later = await insertEvidence(t.dataSource, first.id, '整改报告.pdf');
    await query(`UPDATE attachment SET deleted_at = now() WHERE id = $1`, [deleted]);
    for (const [index, id] of [kept, deleted, later].entries())
      await query(`UPDATE attachment SET created_at = $2 WHERE id = $1`, [id, `2024-05-0${index + 1}T10:00:00+08:00`]);
    for (let n = 1; n <= 22; n++) {
      const id = await insertEvidence(t.dataSource, second.id, `材料${n}.pdf`);
      await query(`UPDATE attachment SET created_at = $2 WHERE id = $1`, [id, new Date(Date.UTC(2024, 4, n))]);
    }
    // 销号情况: the latest sign-off, its day in China's time zone
    await query(
      `INSERT INTO measure_event (measure_id, action, from_status, to_status, actor_name, opinion, occurred_at) VALUES
         ($1, 'approve', 'pending_review', 'deemed_completed', '专班干部', '先行销号', '2024-03-01T10:00:00+08:00'),
         ($1, 'approve', 'pending_review', 'completed', '专班干部', '佐证充分', '2024-04-02T07:30:00+08:00')`,
      [first.id],
    );
    // 建章立制 (issued and revised only, 《》 added where missing) and 问责情况 belong to the problem
    await query(
      `INSERT INTO rule_document (inspection_id, problem_id, title, role, created_at) VALUES
         ($1, $2, '《河湖长制工作规则》', 'issued', '2024-05-01T10:00:00+08:00'),
         ($1, $2, '巡查管理办法', 'revised', '2024-05-02T10:00:00+08:00'),
         ($1, $2, '学习过的文件', 'studied', '2024-05-03T10:00:00+08:00')`,
      [demoId, problem.id],
    );
    await query(
      `INSERT INTO accountability_action (inspection_id, problem_id, form, count, count_unit, created_at) VALUES
         ($1, $2, '通报批评', NULL, NULL, '2024-05-02T10:00:00+08:00'),
         ($1, $2, '诫勉谈话', 2, '人', '2024-05-01T10:00:00+08:00')`,
      [demoId, problem.id],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes each measure its own co-units, latest progress, evidence and sign-off, and its problem its rules and accountability', async () => {
    const response = await officer.agent
      .get(`/api/inspections/${demoId}/exports/ledger.xlsx`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.body as unknown as ArrayBuffer);
    const ledger = book.getWorksheet('整改台账')!;
    const rows = new Map<string, ExcelJS.Row>();
    ledger.eachRow((row, number) => {
      if (number > 2) rows.set(`${String(row.getCell(2).value)}/${Number(row.getCell(3).value)}`, row);
    });
    const cells = (label: string, seq: number) => {
      const row = rows.get(`${label}/${seq}`);
      expect(row).toBeDefined();
      return {
        coUnits: row!.getCell(9).value ?? null,
        progress: row!.getCell(12).value ?? null,
        evidence: row!.getCell(14).value ?? null,
        rules: row!.getCell(15).value ?? null,
        accountability: row!.getCell(16).value ?? null,
        signOff: row!.getCell(17).value ?? null,
      };
    };
    const unitNames = (
      await query<{ name: string }>(
        `SELECT u.name FROM measure_unit mu JOIN unit u ON u.id = mu.unit_id
         WHERE mu.measure_id = $1 AND mu.role = 'co' ORDER BY u.sort_order, u.name`,
        [first.id],
      )
    ).map((unit) => unit.name);
    expect(unitNames).toHaveLength(2);

    expect(cells(problem.label, first.seq)).toEqual({
      coUnits: unitNames.join('、'),
      progress: '六月进展（补充）',
      evidence: '2份：河湖巡查台账.xlsx、整改报告.pdf',
      rules: '《河湖长制工作规则》、《巡查管理办法》',
      accountability: '诫勉谈话2人；通报批评',
      signOff: '2024年4月2日同意销号（已完成）：佐证充分',
    });
    expect(cells(problem.label, second.seq)).toEqual({
      coUnits: null,
      progress: null,
      evidence: `22份：${Array.from({ length: 20 }, (_, n) => `材料${n + 1}.pdf`).join('、')}等`,
      rules: '《河湖长制工作规则》、《巡查管理办法》',
      accountability: '诫勉谈话2人；通报批评',
      signOff: null,
    });
    expect(cells(bare.label, bare.seq)).toEqual({
      coUnits: null,
      progress: null,
      evidence: null,
      rules: null,
      accountability: null,
      signOff: null,
    });
  });
});
