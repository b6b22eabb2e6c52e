import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import { LedgerExportService } from '../../src/modules/documents/ledger/ledger-export.service.js';
import { LedgerRepository } from '../../src/modules/documents/ledger/ledger.repository.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { binary } from '../support/http.js';

interface ImportPlan {
  committed: boolean;
  errors: Array<{ row: number; column: string; message: string }>;
  creates: unknown[];
  updates: Array<{ row: number; fields: string[] }>;
  unchanged: number;
}

// Our export writes inline strings; exceljs' streaming reader once decoded every chunk of a sheet on its own, so a
// Chinese character split across two chunks came back as U+FFFD (seen in row 222 of a 600-row export).
describe('the ledger export reads back cell for cell (HTTP)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let demoId: string;
  const ROWS = 700;

  const post = (who: SignedIn, url: string) => who.agent.post(url).set('X-CSRF-Token', who.csrfToken);
  const importLedger = (buffer: Buffer, dryRun: boolean) =>
    post(officer, `/api/inspections/${demoId}/imports/ledger.xlsx?dryRun=${dryRun}`).attach(
      'file',
      buffer,
      '整改台账.xlsx',
    );

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t.http, 'officer');
    demoId = (await officer.agent.get('/api/inspections').expect(200)).body.items[0].id as string;
  });
  afterAll(async () => {
    await t.close();
  });

  it(`exports ${ROWS} Chinese rows and imports them back as no change, every cell equal`, async () => {
    // 700 new measures with long Chinese text, written with shared strings (as Excel does)
    const source = new ExcelJS.Workbook();
    const sheet = source.addWorksheet('整改台账');
    sheet.addRow(['问题编号', '措施序号', '整改措施', '牵头单位', '备注']);
    const texts: string[] = [];
    for (let i = 0; i < ROWS; i++) {
      const text = `第${i + 1}项：中共武汉经开区党工委落实巡视整改，健全理论学习中心组学习制度，压实全面从严治党主体责任。${'整改'.repeat(i % 7)}`;
      texts.push(text);
      sheet.addRow(['1.', 100 + i, text, '区水务和湖泊局', `备注：按期完成第${i + 1}项`]);
    }
    const created = (await importLedger(Buffer.from(await source.xlsx.writeBuffer()), false).expect(200))
      .body as ImportPlan;
    expect(created).toMatchObject({ committed: true, errors: [], updates: [] });
    expect(created.creates).toHaveLength(ROWS);

    const exported = (
      await officer.agent.get(`/api/inspections/${demoId}/exports/ledger.xlsx`).buffer(true).parse(binary).expect(200)
    ).body as Buffer;
    const total = (
      (await t.dataSource.query(
        `SELECT count(*)::int AS n FROM measure m JOIN problem p ON p.id = m.problem_id WHERE p.inspection_id = $1`,
        [demoId],
      )) as Array<{ n: number }>
    )[0].n;

    // the file itself is right (read whole, not streamed)
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported as unknown as ArrayBuffer);
    const ledger = book.getWorksheet('整改台账')!;
    const written = new Set<string>();
    ledger.eachRow((row, number) => {
      if (number > 2) written.add(String(row.getCell(6).value));
    });
    expect(texts.filter((text) => !written.has(text))).toEqual([]);

    // and the streaming import reads every cell of it as what the database holds
    const plan = (await importLedger(exported, true).expect(200)).body as ImportPlan;
    expect(plan.errors).toEqual([]);
    expect(plan.updates).toEqual([]);
    expect(plan.creates).toEqual([]);
    expect(plan.unchanged).toBe(total);
  });

  it('writes a workbook exceljs opens whole: four sheets, merged title, frozen header, dates, and text kept as text', async () => {
    const [measure] = (await t.dataSource.query(
      `SELECT m.id, m.problem_id AS "problemId", p.label, m.seq FROM measure m JOIN problem p ON p.id = m.problem_id
       WHERE p.inspection_id = $1 AND m.deleted_at IS NULL AND p.deleted_at IS NULL AND m.deadline IS NOT NULL
       ORDER BY p.seq, m.seq LIMIT 1`,
      [demoId],
    )) as Array<{ id: string; problemId: string; label: string; seq: number }>;
    const formula = `=HYPERLINK("http://evil.example","点我")`;
    const special = `<b>&amp; "引号" 'apostrophe'</b>\u0001\u0008尾`;
    // 整改措施 is text (40,000 characters), 具体问题 a varchar(500), 备注 text
    await t.dataSource.query(`UPDATE measure SET text = $2, remarks = $3 WHERE id = $1`, [
      measure.id,
      '长'.repeat(40_000),
      formula,
    ]);
    await t.dataSource.query(`UPDATE problem SET title = $2 WHERE id = $1`, [measure.problemId, special]);

    const exported = (
      await officer.agent.get(`/api/inspections/${demoId}/exports/ledger.xlsx`).buffer(true).parse(binary).expect(200)
    ).body as Buffer;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['整改台账', '问题清单', '任务清单', '责任清单']);
    for (const sheet of book.worksheets) {
      expect(String(sheet.getCell('A1').value)).toMatch(/整改台账.*导出）$/);
      expect(sheet.getCell('B1').isMerged).toBe(true);
      expect(sheet.getCell('A2').value).toBe('序号');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    }
    const ledger = book.getWorksheet('整改台账')!;
    expect((ledger.getRow(2).values as unknown[]).slice(1)).toEqual([
      '序号',
      '问题编号',
      '措施序号',
      '问题类别',
      '具体问题',
      '整改措施',
      '责任领导',
      '牵头单位',
      '配合单位',
      '责任人',
      '完成时限',
      '整改进展',
      '完成情况',
      '佐证材料',
      '建章立制',
      '问责情况',
      '销号情况',
      '备注',
    ]);
    let found = 0;
    ledger.eachRow((row, number) => {
      if (number < 3 || row.getCell(2).value !== measure.label || row.getCell(3).value !== measure.seq) return;
      found++;
      expect(row.getCell(18).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(18).value).toBe(`'${formula}`); // neutralised, and not a formula cell
      expect(row.getCell(5).value).toBe(`<b>&amp; "引号" 'apostrophe'</b>尾`); // control characters dropped
      expect(row.getCell(6).value).toBe('长'.repeat(32_000));
      expect(row.getCell(11).value).toBeInstanceOf(Date);
      expect(row.getCell(11).numFmt).toBe('yyyy-mm-dd');
    });
    expect(found).toBe(1);
    const tasks = book.getWorksheet('任务清单')!;
    expect(tasks.rowCount).toBe(ledger.rowCount);
    expect(book.getWorksheet('责任清单')!.rowCount).toBe(ledger.rowCount);
  });

  it('reports its progress after every batch, ending at three rows per measure exported', async () => {
    const exporter = t.app.get(LedgerExportService);
    const repository = t.app.get(LedgerRepository);
    const scope = { all: true } as const;
    const inspection = (await repository.findInspection(demoId, scope))!;
    const measures = (
      (await t.dataSource.query(
        `SELECT count(*)::int AS n FROM measure m JOIN problem p ON p.id = m.problem_id
         WHERE p.inspection_id = $1 AND m.deleted_at IS NULL AND p.deleted_at IS NULL`,
        [demoId],
      )) as Array<{ n: number }>
    )[0].n;
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        callback();
      },
    });
    const calls: Array<[number, number]> = [];
    await exporter.write(inspection, {}, scope, sink, { onProgress: (done, total) => void calls.push([done, total]) });
    expect(bytes).toBeGreaterThan(0);
    expect(measures).toBeGreaterThan(700);
    expect(calls.length).toBeGreaterThanOrEqual(4); // a batch of each measure sheet, then the end
    expect(calls.every(([, total]) => total === 3 * measures)).toBe(true);
    expect(calls.every(([done], i) => i === 0 || done >= calls[i - 1][0])).toBe(true);
    expect(calls[calls.length - 1]).toEqual([3 * measures, 3 * measures]);
  });
});
