import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseNotice } from '@zhenggai/notice-parser';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { DEMO_NOTICE } from '../support/database.js';
import { insertEvidence } from '../support/fixtures.js';
import { binary } from '../support/http.js';

interface Preview {
  inspection: Record<string, unknown>;
  categories: unknown[];
  problems: Array<{
    seq: number;
    label: string;
    title: string;
    overview: string | null;
    measures: Array<{ seq: number; lead: string | null; text: string }>;
    statusHint: string | null;
  }>;
  warnings: Array<{ code: string; message: string; excerpt?: string }>;
  stats: { problems: number; measures: number };
  sourceText?: string;
}

interface ImportPlan {
  dryRun: boolean;
  creates: Array<{ row: number; problemLabel: string; measureSeq: number; fields: string[] }>;
  updates: Array<{ row: number; problemLabel: string; measureSeq: number; measureId: string; fields: string[] }>;
  unchanged: number;
  errors: Array<{ row: number; column: string; message: string }>;
  committed: boolean;
  headerRow: number;
  columns: Record<string, string>;
}

const TABLES = [
  'inspection',
  'category',
  'problem',
  'measure',
  'measure_unit',
  'measure_event',
  'accountability_action',
  'rule_document',
  'fund_recovery',
];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function documentXml(buffer: Buffer): Promise<{ document: string; footers: string[]; files: string[] }> {
  const zip = await JSZip.loadAsync(buffer);
  const files = Object.keys(zip.files);
  const document = await zip.file('word/document.xml')!.async('string');
  const footers = await Promise.all(
    files.filter((name) => /^word\/footer\d*\.xml$/.test(name)).map((name) => zip.file(name)!.async('string')),
  );
  return { document, footers, files };
}

/** The visible text of a WordprocessingML part: runs joined, paragraphs on lines. */
const visibleText = (xml: string) =>
  xml
    .split('</w:p>')
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');

describe('documents in and out (HTTP)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let supervisor: SignedIn;
  let unitlead: SignedIn;
  let unitlead2: SignedIn;
  let demoId: string;
  let preview: Preview;

  const counts = async (): Promise<Record<string, number>> => {
    const entries = await Promise.all(
      TABLES.map(
        async (table) =>
          [
            table,
            ((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as Array<{ n: number }>)[0].n,
          ] as const,
      ),
    );
    return Object.fromEntries(entries);
  };
  const post = (who: SignedIn, url: string) => who.agent.post(url).set('X-CSRF-Token', who.csrfToken);
  const download = (who: SignedIn, url: string) => who.agent.get(url).buffer(true).parse(binary);
  const workbook = async (buffer: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    return book;
  };
  const importLedger = (buffer: Buffer, dryRun: boolean, inspectionId = demoId, mapping?: string) => {
    const request = post(officer, `/api/inspections/${inspectionId}/imports/ledger.xlsx?dryRun=${dryRun}`).attach(
      'file',
      buffer,
      '整改台账.xlsx',
    );
    return mapping ? request.field('mapping', mapping) : request;
  };

  beforeAll(async () => {
    t = await createTestApp();
    [officer, supervisor, unitlead, unitlead2] = await Promise.all(
      ['officer', 'supervisor', 'unitlead', 'unitlead2'].map((name) => signIn(t.http, name)),
    );
    demoId = (await officer.agent.get('/api/inspections').expect(200)).body.items[0].id as string;
    preview = (await post(officer, '/api/imports/notice').send({ text: DEMO_NOTICE }).expect(200)).body as Preview;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('notice import', () => {
    it('previews the fixture: 41 problems, 114 measures and the metadata, writing nothing', async () => {
      const before = await counts();
      const again = (await post(officer, '/api/imports/notice').send({ text: DEMO_NOTICE }).expect(200))
        .body as Preview;
      expect(again).toEqual(preview);
      expect(preview.stats).toEqual({ problems: 41, measures: 114 });
      expect(preview.problems).toHaveLength(41);
      expect(preview.problems.reduce((sum, problem) => sum + problem.measures.length, 0)).toBe(114);
      expect(preview.inspection).toMatchObject({
        title: '中共武汉经开区党工委关于十二届省委第四轮巡视整改进展情况的通报',
        issuer: '中共武汉经开区党工委',
        kind: 'xunshi',
        term: '十二届',
        round: 4,
        group: '省委第六巡视组',
        inspectionType: '常规巡视',
        target: '武汉经开区',
        onSiteFrom: '2023-07-18',
        onSiteTo: '2023-09-15',
        feedbackDate: '2023-11-01',
        publishedAt: '2024-07-18T11:16:00+08:00',
        publicityFrom: '2024-07-18',
        publicityTo: '2024-08-08',
        contactPhone: '027-84851224',
        contactHours: '工作日8:30—17:30',
        contactEmail: 'whjkqxsgzzb@163.com',
      });
      expect(preview.problems[6]).toMatchObject({ seq: 7, label: '7.', title: '‘清四乱’、退垸还湖攻坚不力' });
      expect(Array.isArray(preview.categories)).toBe(true);
      expect(Array.isArray(preview.warnings)).toBe(true);
      expect(await counts()).toEqual(before);
    });

    it('reads the same notice from a GB18030 .txt, a .docx and a .html upload', async () => {
      const titles = preview.problems.map((problem) => problem.title);
      const txt = (
        await post(officer, '/api/imports/notice')
          .attach('file', iconv.encode(DEMO_NOTICE, 'gb18030'), '通报.txt')
          .expect(200)
      ).body as Preview;
      expect(txt.problems.map((problem) => problem.title)).toEqual(titles);
      expect(txt.stats).toEqual({ problems: 41, measures: 114 });

      const paragraphs = DEMO_NOTICE.split('\n').map((line) => new Paragraph(line));
      const docx = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
      const fromDocx = (await post(officer, '/api/imports/notice').attach('file', docx, '通报.docx').expect(200))
        .body as Preview;
      expect(fromDocx.problems.map((problem) => problem.title)).toEqual(titles);
      expect(fromDocx.stats.measures).toBe(114);
      expect(fromDocx.inspection.group).toBe('省委第六巡视组');

      const escape = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const html = `<!doctype html><html><head><meta charset="utf-8"><title>通报</title><script>var x = "<p>1.关于“假”的问题</p>";</script></head>
        <body><div class="nav">首页 &gt; 通知公告</div>${DEMO_NOTICE.split('\n')
          .map((line) => `<p>${escape(line)}</p>`)
          .join('\n')}</body></html>`;
      const fromHtml = (
        await post(officer, '/api/imports/notice').attach('file', Buffer.from(html), '通报.html').expect(200)
      ).body as Preview;
      expect(fromHtml.problems.map((problem) => problem.title)).toEqual(titles);
      expect(fromHtml.stats.measures).toBe(114);
    });

    it('refuses an empty request, text and file together, a disguised file and other roles', async () => {
      expect((await post(officer, '/api/imports/notice').send({}).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await post(officer, '/api/imports/notice').send({ text: '   ' }).expect(400)).body.errors).toHaveProperty(
        'text',
      );
      await post(officer, '/api/imports/notice')
        .field('text', 'x')
        .attach('file', Buffer.from(DEMO_NOTICE), 'a.txt')
        .expect(400);
      const zip = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('x')] }] }));
      expect((await post(officer, '/api/imports/notice').attach('file', zip, '通报.txt').expect(415)).body.code).toBe(
        'FILE_TYPE_NOT_ALLOWED',
      );
      expect(
        (await post(officer, '/api/imports/notice').attach('file', Buffer.from('%PDF-1.4'), '通报.pdf').expect(415))
          .body.code,
      ).toBe('FILE_TYPE_NOT_ALLOWED');
      expect(
        (await post(officer, '/api/imports/notice').attach('file', Buffer.from('not a zip'), '通报.docx').expect(415))
          .body.code,
      ).toBe('FILE_TYPE_NOT_ALLOWED');
      await post(unitlead, '/api/imports/notice').send({ text: DEMO_NOTICE }).expect(403);
      await post(supervisor, '/api/imports/notice/commit').send(preview).expect(403);
    });

    it('creates nothing from a broken commit body', async () => {
      const before = await counts();
      const broken = structuredClone(preview);
      broken.problems[3].measures[0].text = '';
      const invalid = await post(officer, '/api/imports/notice/commit').send(broken).expect(400);
      expect(invalid.body.errors).toHaveProperty(['problems.3.measures.0.text']);
      // a notice of the longest source text (~1.2 MB of JSON) is read, not refused as too large
      const long = structuredClone(preview);
      long.sourceText = '整'.repeat(399_000);
      long.problems[3].measures[0].text = '';
      const big = await post(officer, '/api/imports/notice/commit').send(long).expect(400);
      expect(big.body.errors).toHaveProperty(['problems.3.measures.0.text']);
      const unknownField = { ...structuredClone(preview), extra: 1 };
      await post(officer, '/api/imports/notice/commit').send(unknownField).expect(400);
      const duplicate = structuredClone(preview);
      duplicate.problems[5].measures[1].seq = 1;
      expect(
        (await post(officer, '/api/imports/notice/commit').send(duplicate).expect(400)).body.errors,
      ).toHaveProperty(['problems.5.measures.1.seq']);
      const tooMany = structuredClone(preview);
      tooMany.problems[0].measures = Array.from({ length: 101 }, (_, i) => ({
        seq: i + 1,
        lead: null,
        text: `措施${i + 1}`,
      }));
      await post(officer, '/api/imports/notice/commit').send(tooMany).expect(400);
      await post(officer, '/api/imports/notice/commit')
        .send({ ...structuredClone(preview), defaultLeadUnitId: '00000000-0000-4000-8000-000000000000' })
        .expect(400);
      expect(await counts()).toEqual(before);
    });

    it('commits the reviewed preview in one transaction: statuses never read from the text, measures unassigned', async () => {
      const before = await counts();
      const body = structuredClone(preview);
      body.inspection.onSiteFrom = '2023-07'; // a month-only reading stores no date
      const response = await post(officer, '/api/imports/notice/commit')
        .set('Idempotency-Key', 'notice-commit-0001')
        .send(body)
        .expect(201);
      expect(response.body).toEqual({ inspectionId: expect.any(String), problems: 41, measures: 114 });
      const { inspectionId } = response.body as { inspectionId: string };
      const replay = await post(officer, '/api/imports/notice/commit')
        .set('Idempotency-Key', 'notice-commit-0001')
        .send(body)
        .expect(201);
      expect(replay.body).toEqual(response.body);

      const after = await counts();
      expect(after.inspection - before.inspection).toBe(1);
      expect(after.problem - before.problem).toBe(41);
      expect(after.measure - before.measure).toBe(114);
      expect(after.measure_unit).toBe(before.measure_unit);
      const [inspection] = await t.dataSource.query(
        `SELECT title, issuer, kind, inspection_group AS "group", on_site_from AS "onSiteFrom", on_site_to AS "onSiteTo", feedback_date AS "feedbackDate",
           source_text AS "sourceText" FROM inspection WHERE id = $1`,
        [inspectionId],
      );
      expect(inspection).toMatchObject({
        issuer: '中共武汉经开区党工委',
        kind: 'xunshi',
        group: '省委第六巡视组',
        onSiteFrom: null,
        onSiteTo: '2023-09-15',
        feedbackDate: '2023-11-01',
      });
      expect(inspection.sourceText).toBe(DEMO_NOTICE);
      const statuses = await t.dataSource.query(
        `SELECT (SELECT array_agg(DISTINCT status) FROM problem WHERE inspection_id = $1) AS problems,
           (SELECT array_agg(DISTINCT status) FROM measure WHERE inspection_id = $1) AS measures,
           (SELECT count(*)::int FROM measure WHERE inspection_id = $1 AND lead_unit_id IS NOT NULL) AS assigned,
           (SELECT count(*)::int FROM accountability_action WHERE inspection_id = $1) AS accountability,
           (SELECT count(*)::int FROM rule_document WHERE inspection_id = $1) AS rules`,
        [inspectionId],
      );
      expect(statuses[0]).toMatchObject({ problems: ['in_progress'], measures: ['not_started'], assigned: 0 });
      expect(statuses[0].accountability).toBeGreaterThan(0);
      expect(statuses[0].rules).toBeGreaterThan(0);
      const [audit] = await t.dataSource.query(
        `SELECT detail FROM audit_event WHERE action = 'NOTICE_IMPORTED' AND entity_id = $1`,
        [inspectionId],
      );
      expect(audit.detail).toMatchObject({ problems: 41, measures: 114 });
      await t.dataSource.query(`UPDATE inspection SET on_site_from = '2023-07-18' WHERE id = $1`, [inspectionId]);

      // the round trip: the notice exported as text reads back as the same problems and measures
      const text = (
        await officer.agent
          .get(`/api/inspections/${inspectionId}/exports/notice.txt`)
          .expect(200)
          .expect('Content-Type', /text\/plain/)
      ).text;
      const parsed = parseNotice(text);
      expect(parsed.problems.map((problem) => problem.title)).toEqual(preview.problems.map((problem) => problem.title));
      expect(parsed.problems.map((problem) => problem.measures.map((measure) => measure.text))).toEqual(
        preview.problems.map((problem) => problem.measures.map((measure) => measure.text)),
      );
      expect(parsed.inspection).toMatchObject({
        issuer: '中共武汉经开区党工委',
        group: '省委第六巡视组',
        onSiteFrom: '2023-07-18',
        onSiteTo: '2023-09-15',
        feedbackDate: '2023-11-01',
        publicityFrom: '2024-07-18',
        publicityTo: '2024-08-08',
        contactPhone: '027-84851224',
      });
      expect(text).toContain('一、巡视整改组织领导情况');
      expect(text).toContain('一是强化组织领导。');
      expect(text).toContain('三、下步工作安排');
      expect(text).toMatch(/“未完成，继续整改”的41个问题/);
    });

    it('gives the imported measures a lead unit when one is named', async () => {
      const [unit] = await t.dataSource.query(`SELECT id FROM unit WHERE name = '区水务和湖泊局'`);
      const body = { ...structuredClone(preview), defaultLeadUnitId: unit.id };
      body.problems = body.problems.slice(0, 3);
      const { inspectionId } = (await post(officer, '/api/imports/notice/commit').send(body).expect(201)).body as {
        inspectionId: string;
      };
      const [row] = await t.dataSource.query(
        `SELECT count(*)::int AS measures, count(*) FILTER (WHERE m.lead_unit_id = $2)::int AS led,
           (SELECT count(*)::int FROM measure_unit mu JOIN measure x ON x.id = mu.measure_id WHERE x.inspection_id = $1 AND mu.unit_id = $2 AND mu.role = 'lead') AS shares
         FROM measure m WHERE m.inspection_id = $1`,
        [inspectionId, unit.id],
      );
      expect(row.measures).toBe(body.problems.reduce((sum, problem) => sum + problem.measures.length, 0));
      expect(row).toEqual({ measures: row.measures, led: row.measures, shares: row.measures });
    });
  });

  describe('整改台账 workbook', () => {
    let exported: Buffer;

    beforeAll(async () => {
      const response = await download(officer, `/api/inspections/${demoId}/exports/ledger.xlsx`).expect(200);
      exported = response.body as Buffer;
      expect(response.headers['content-type']).toContain(XLSX);
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; .*filename\*=UTF-8''.*%E6%95%B4%E6%94%B9%E5%8F%B0%E8%B4%A6\.xlsx$/,
      );
    });

    it('has one row per measure and the three lists, with a frozen bold header', async () => {
      const book = await workbook(exported);
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['整改台账', '问题清单', '任务清单', '责任清单']);
      const ledger = book.getWorksheet('整改台账')!;
      expect(ledger.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      const header = (ledger.getRow(2).values as unknown[]).slice(1);
      expect(header).toEqual([
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
      expect(ledger.getRow(2).getCell(1).font?.bold).toBe(true);
      expect(ledger.getColumn(6).width).toBeGreaterThan(30);
      expect(ledger.actualRowCount - 2).toBe(114);
      expect(['已完成', '视同完成', '推进中', '待审核', '未启动']).toContain(ledger.getRow(3).getCell(13).value);
      expect(book.getWorksheet('问题清单')!.actualRowCount - 2).toBe(41);
      expect(book.getWorksheet('任务清单')!.actualRowCount - 2).toBe(114);
      expect(book.getWorksheet('责任清单')!.actualRowCount - 2).toBe(114);
      const [audit] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'LEDGER_EXPORTED' AND entity_id = $1`,
        [demoId],
      );
      expect(audit.n).toBeGreaterThan(0);
    });

    it('writes formula-like text as text (SEC-27)', async () => {
      const [problem] = await t.dataSource.query(
        `SELECT id, title FROM problem WHERE inspection_id = $1 AND seq = 41`,
        [demoId],
      );
      const measures = await t.dataSource.query(`SELECT id, text FROM measure WHERE problem_id = $1 ORDER BY seq`, [
        problem.id,
      ]);
      await t.dataSource.query(`UPDATE problem SET title = '=1+1' WHERE id = $1`, [problem.id]);
      await t.dataSource.query(`UPDATE measure SET remarks = '@SUM(A1)' WHERE id = $1`, [measures[0].id]);
      try {
        const book = await workbook(
          (await download(officer, `/api/inspections/${demoId}/exports/ledger.xlsx`).expect(200)).body as Buffer,
        );
        const ledger = book.getWorksheet('整改台账')!;
        let formulas = 0;
        book.eachSheet((sheet) =>
          sheet.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas++))),
        );
        expect(formulas).toBe(0);
        const row = ledger.getRow(ledger.actualRowCount);
        expect(row.getCell(5).value).toBe("'=1+1");
        expect(row.getCell(5).type).toBe(ExcelJS.ValueType.String);
        expect(row.getCell(18).value).toBe("'@SUM(A1)");
        expect(book.getWorksheet('问题清单')!.getRow(43).getCell(4).value).toBe("'=1+1");
      } finally {
        await t.dataSource.query(`UPDATE problem SET title = $2 WHERE id = $1`, [problem.id, problem.title]);
        await t.dataSource.query(`UPDATE measure SET remarks = NULL WHERE id = $1`, [measures[0].id]);
      }
    });

    it("gives a unit account only its unit's measures, and applies the list's filters", async () => {
      const [{ n: own }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM measure m JOIN user_account u ON u.username = 'unitlead'
         WHERE m.inspection_id = $1 AND m.deleted_at IS NULL
           AND (m.lead_unit_id = u.unit_id OR EXISTS (SELECT 1 FROM measure_unit mu WHERE mu.measure_id = m.id AND mu.unit_id = u.unit_id))`,
        [demoId],
      );
      expect(own).toBeGreaterThan(0);
      expect(own).toBeLessThan(114);
      const scoped = await workbook(
        (await download(unitlead, `/api/inspections/${demoId}/exports/ledger.xlsx`).expect(200)).body as Buffer,
      );
      expect(scoped.getWorksheet('整改台账')!.actualRowCount - 2).toBe(own);
      expect(scoped.getWorksheet('任务清单')!.actualRowCount - 2).toBe(own);
      const [{ name: unitName }] = await t.dataSource.query(
        `SELECT u.name FROM unit u JOIN user_account a ON a.unit_id = u.id WHERE a.username = 'unitlead'`,
      );
      scoped.getWorksheet('整改台账')!.eachRow((row, number) => {
        if (number > 2) expect(`${row.getCell(8).value ?? ''}、${row.getCell(9).value ?? ''}`).toContain(unitName);
      });

      const [{ n: done }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM measure WHERE inspection_id = $1 AND status = 'completed'`,
        [demoId],
      );
      const filtered = await workbook(
        (await download(supervisor, `/api/inspections/${demoId}/exports/ledger.xlsx?status=completed`).expect(200))
          .body as Buffer,
      );
      expect(filtered.getWorksheet('整改台账')!.actualRowCount - 2).toBe(done);
      await download(supervisor, `/api/inspections/${demoId}/exports/ledger.xlsx?status=bogus`).expect(400);
      await download(unitlead, '/api/inspections/00000000-0000-4000-8000-000000000000/exports/ledger.xlsx').expect(404);
    });

    it('reads its own export back as no change', async () => {
      const before = await counts();
      const plan = (await importLedger(exported, true).expect(200)).body as ImportPlan;
      expect(plan).toMatchObject({
        dryRun: true,
        committed: false,
        headerRow: 2,
        errors: [],
        creates: [],
        updates: [],
        unchanged: 114,
      });
      expect(plan.columns).toMatchObject({ 问题编号: 'B', 措施序号: 'C', 整改措施: 'F', 牵头单位: 'H' });
      const committed = (await importLedger(exported, false).expect(200)).body as ImportPlan;
      expect(committed).toMatchObject({ committed: true, creates: [], updates: [], unchanged: 114 });
      expect(await counts()).toEqual(before);
    });

    it('plans and applies one edited cell as one update, audited', async () => {
      const book = await workbook(exported);
      const ledger = book.getWorksheet('整改台账')!;
      const row = ledger.getRow(5);
      const label = String(row.getCell(2).value);
      const seq = Number(row.getCell(3).value);
      row.getCell(6).value = `${String(row.getCell(6).value)}（台账修订）`;
      row.getCell(11).value = new Date(Date.UTC(2024, 11, 31));
      const edited = Buffer.from(await book.xlsx.writeBuffer());

      const plan = (await importLedger(edited, true).expect(200)).body as ImportPlan;
      expect(plan.creates).toEqual([]);
      expect(plan.updates).toHaveLength(1);
      expect(plan.updates[0]).toMatchObject({ row: 5, problemLabel: label, measureSeq: seq });
      expect(plan.updates[0].fields.sort()).toEqual(['完成时限', '整改措施'].sort());
      expect(plan.unchanged).toBe(113);

      const committed = (await importLedger(edited, false).expect(200)).body as ImportPlan;
      expect(committed).toMatchObject({ committed: true, unchanged: 113 });
      const [measure] = await t.dataSource.query(`SELECT text, deadline, version FROM measure WHERE id = $1`, [
        plan.updates[0].measureId,
      ]);
      expect(measure.text).toMatch(/（台账修订）$/);
      expect(measure.deadline).toBe('2024-12-31');
      const audits = await t.dataSource.query(
        `SELECT action FROM audit_event WHERE entity_id IN ($1, $2) AND action IN ('MEASURE_UPDATED', 'LEDGER_IMPORTED')`,
        [plan.updates[0].measureId, demoId],
      );
      expect(audits.map((audit: { action: string }) => audit.action).sort()).toEqual([
        'LEDGER_IMPORTED',
        'LEDGER_IMPORTED',
        'MEASURE_UPDATED',
      ]);
      expect((await importLedger(edited, true).expect(200)).body).toMatchObject({ updates: [], unchanged: 114 });
    });

    it('answers unknown units and problems as row errors and writes nothing', async () => {
      const book = await workbook(exported);
      const ledger = book.getWorksheet('整改台账')!;
      ledger.getRow(3).getCell(8).value = '不存在的单位';
      ledger.getRow(4).getCell(9).value = '区水务和湖泊局、虚构办公室';
      ledger.getRow(6).getCell(2).value = '99.';
      ledger.getRow(7).getCell(11).value = '明年';
      const extra = ledger.addRow([
        999,
        ledger.getRow(3).getCell(2).value,
        9,
        null,
        null,
        '新增的一项整改措施',
        null,
        '区水务和湖泊局',
      ]);
      extra.commit();
      const broken = Buffer.from(await book.xlsx.writeBuffer());
      const before = await counts();
      const plan = (await importLedger(broken, true).expect(200)).body as ImportPlan;
      expect(plan.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ row: 3, column: '牵头单位', message: expect.stringContaining('不存在的单位') }),
          expect.objectContaining({ row: 4, column: '配合单位', message: expect.stringContaining('虚构办公室') }),
          expect.objectContaining({ row: 6, column: '问题编号' }),
          expect.objectContaining({ row: 7, column: '完成时限' }),
        ]),
      );
      expect(plan.creates).toEqual([expect.objectContaining({ measureSeq: 9 })]);
      const refused = await importLedger(broken, false).expect(422);
      expect(refused.body.code).toBe('IMPORT_ROWS_INVALID');
      expect(Object.keys(refused.body.errors)).toEqual(expect.arrayContaining(['第3行·牵头单位', '第7行·完成时限']));
      expect(await counts()).toEqual(before);
    });

    it('creates a measure from a new row, reads columns named by a mapping, and admits only the task force', async () => {
      const sheet = new ExcelJS.Workbook();
      const ws = sheet.addWorksheet('台账');
      ws.addRow(['编号', '任务内容', '主办单位', '时限']);
      ws.addRow(['1.', '新增：建立理论宣讲月度调度机制', '区水务和湖泊局', '2024年9月30日']);
      const buffer = Buffer.from(await sheet.xlsx.writeBuffer());
      const detected = await importLedger(buffer, true).expect(400);
      expect(detected.body.code).toBe('VALIDATION_FAILED');
      // without 措施序号 a row is the next measure of its problem: here the first one of problem 1.
      const mapping = JSON.stringify({ 整改措施: '任务内容', 牵头单位: 'C', 完成时限: 4, headerRow: 1 });
      const plan = (await importLedger(buffer, true, demoId, mapping).expect(200)).body as ImportPlan;
      expect(plan).toMatchObject({
        creates: [],
        errors: [],
        columns: { 问题编号: 'A', 整改措施: 'B', 牵头单位: 'C', 完成时限: 'D' },
      });
      expect(plan.updates).toEqual([expect.objectContaining({ row: 2, problemLabel: '1.', measureSeq: 1 })]);
      expect(plan.updates[0].fields).toEqual(expect.arrayContaining(['整改措施', '完成时限']));

      const numbered = new ExcelJS.Workbook();
      const ws2 = numbered.addWorksheet('台账');
      ws2.addRow(['编号', '措施序号', '任务内容', '主办单位', '时限']);
      ws2.addRow(['1.', 9, '新增：建立理论宣讲月度调度机制', '区水务和湖泊局', '2024年9月30日']);
      const numberedBuffer = Buffer.from(await numbered.xlsx.writeBuffer());
      const numberedMapping = JSON.stringify({ 整改措施: '任务内容', 牵头单位: 'D', 完成时限: 5 });
      const created = (await importLedger(numberedBuffer, false, demoId, numberedMapping).expect(200))
        .body as ImportPlan;
      expect(created).toMatchObject({
        committed: true,
        creates: [expect.objectContaining({ measureSeq: 9 })],
        updates: [],
        errors: [],
      });
      const [measure] = await t.dataSource.query(
        `SELECT m.status, m.deadline, u.name FROM measure m JOIN problem p ON p.id = m.problem_id JOIN unit u ON u.id = m.lead_unit_id
         WHERE p.inspection_id = $1 AND p.seq = 1 AND m.seq = 9`,
        [demoId],
      );
      expect(measure).toEqual({ status: 'not_started', deadline: '2024-09-30', name: '区水务和湖泊局' });
      await post(unitlead, `/api/inspections/${demoId}/imports/ledger.xlsx`)
        .attach('file', buffer, 'a.xlsx')
        .expect(403);
      await importLedger(Buffer.from('not a workbook'), true).expect(415);
      await importLedger(buffer, true, demoId, '{"整改措施":').expect(400);
    });
  });

  describe('Word documents (GB/T 9704)', () => {
    const titles = () => preview.problems.map((problem) => problem.title);

    it('exports the progress report: A4, margins, fonts, headings, rates and the 41 problems', async () => {
      const response = await download(officer, `/api/inspections/${demoId}/exports/report.docx`).expect(200);
      expect(response.headers['content-type']).toBe(DOCX);
      expect(response.headers['content-disposition']).toMatch(/^attachment; .*filename\*=UTF-8''.*\.docx$/);
      const { document, footers, files } = await documentXml(response.body as Buffer);
      expect(files).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
      expect(document).toContain('w:pgSz w:w="11906" w:h="16838"');
      expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
      for (const font of ['仿宋_GB2312', '方正小标宋简体', '黑体']) expect(document).toContain(`w:eastAsia="${font}"`);
      expect(document).toContain('w:line="578" w:lineRule="exact"');
      expect(document).toContain('w:firstLineChars="200"');
      const text = visibleText(document);
      expect(text).toContain('中共武汉经开区党工委关于十二届省委第四轮巡视整改进展情况的报告');
      for (const heading of ['一、整改总体情况', '二、整改成效', '三、问题整改情况', '四、下步工作安排'])
        expect(text).toContain(heading);
      expect(text).toMatch(/巡视反馈问题共41个，已完成\d+个、视同完成\d+个、未完成\d+个，问题整改完成率[\d.]+%/);
      expect(text).toMatch(/制定整改措施11[45]项/);
      expect(text).toMatch(/共问责\d+人、\d+人次；建章立制\d+项/);
      for (const title of titles())
        expect(text.replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',')).toContain(title);
      expect(
        footers.some(
          (footer) => footer.includes('PAGE') && footer.includes('w:eastAsia="宋体"') && footer.includes('— '),
        ),
      ).toBe(true);
      expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    });

    it('exports the public notice with the three status classes, the publicity period and the contact', async () => {
      const response = await download(
        supervisor,
        `/api/inspections/${demoId}/exports/notice.docx?date=2024-07-08`,
      ).expect(200);
      expect(response.headers['content-type']).toBe(DOCX);
      const { document } = await documentXml(response.body as Buffer);
      expect(document).toContain('w:pgSz w:w="11906" w:h="16838"');
      expect(document).toContain('w:eastAsia="楷体_GB2312"');
      const text = visibleText(document);
      expect(text.split('\n')[0]).toBe('中共武汉经开区党工委关于十二届省委第四轮巡视整改进展情况的通报');
      expect(text).toContain(
        '根据省委巡视工作统一部署，2023年7月18日至9月15日，省委第六巡视组对武汉经开区开展了常规巡视，并于2023年11月1日反馈了巡视意见。',
      );
      for (const heading of ['一、巡视整改组织领导情况', '二、巡视整改任务落实情况', '三、下步工作安排'])
        expect(text).toContain(heading);
      expect(text).toContain('1.关于“理论宣讲安排部署结合实际不紧密”的问题');
      expect(text).toMatch(/整改情况：锚定“中国车谷”中心目标/);
      for (const label of ['未完成，继续整改', '视同完成，持续整改', '已完成，同意销号'])
        expect(text).toContain(`“${label}”`);
      expect(text).toContain('公开期限：2024年7月18日至8月8日。');
      expect(text).toContain('联系方式：电话027-84851224（工作日8:30—17:30）；电子邮箱whjkqxsgzzb@163.com。');
      expect(text.trimEnd().split('\n').slice(-2)).toEqual(['中共武汉经开区党工委', '2024年7月8日']);
      for (const title of titles())
        expect(text.replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',')).toContain(title);

      const custom = await download(
        officer,
        `/api/inspections/${demoId}/exports/notice.docx?organisation=${encodeURIComponent('党工委专题研究部署整改工作。\n一是压实责任。')}`,
      ).expect(200);
      const customText = visibleText((await documentXml(custom.body as Buffer)).document);
      expect(customText).toContain('党工委专题研究部署整改工作。\n一是压实责任。');
      const audits = await t.dataSource.query(
        `SELECT action FROM audit_event WHERE entity_id = $1 AND action IN ('NOTICE_EXPORTED', 'REPORT_EXPORTED')`,
        [demoId],
      );
      expect(audits.length).toBeGreaterThanOrEqual(3);
    });

    it('lets supervisors export them and keeps them from unit accounts', async () => {
      const report = await download(supervisor, `/api/inspections/${demoId}/exports/report.docx`).expect(200);
      expect(report.headers['content-type']).toBe(DOCX);
      await download(unitlead, `/api/inspections/${demoId}/exports/report.docx`).expect(403);
      await download(unitlead, `/api/inspections/${demoId}/exports/notice.docx`).expect(403);
      await download(unitlead2, `/api/inspections/${demoId}/exports/notice.txt`).expect(403);
      await download(officer, '/api/inspections/00000000-0000-4000-8000-000000000000/exports/report.docx').expect(404);
    });

    it('exports the sign-off sheet of a problem with its evidence and reviews; a unit only for its own problems', async () => {
      const [own] = await t.dataSource.query(
        `SELECT p.id, p.title, p.label FROM problem p JOIN user_account u ON u.username = 'unitlead'
         WHERE p.inspection_id = $1 AND p.lead_unit_id = u.unit_id ORDER BY p.seq LIMIT 1`,
        [demoId],
      );
      const [other] = await t.dataSource.query(
        `SELECT p.id FROM problem p JOIN user_account u ON u.username = 'unitlead'
         WHERE p.inspection_id = $1 AND p.lead_unit_id <> u.unit_id
           AND NOT EXISTS (SELECT 1 FROM measure m JOIN measure_unit mu ON mu.measure_id = m.id WHERE m.problem_id = p.id AND mu.unit_id = u.unit_id)
         ORDER BY p.seq LIMIT 1`,
        [demoId],
      );
      const [measure] = await t.dataSource.query(`SELECT id FROM measure WHERE problem_id = $1 ORDER BY seq LIMIT 1`, [
        own.id,
      ]);
      await insertEvidence(t.dataSource, measure.id, '河湖巡查台账.xlsx');
      await t.dataSource.query(
        `INSERT INTO measure_event (measure_id, action, from_status, to_status, actor_name, opinion, occurred_at)
         VALUES ($1, 'approve', 'pending_review', 'completed', '专班干部', '佐证充分，同意销号', '2024-03-01T10:00:00+08:00')`,
        [measure.id],
      );
      const response = await download(unitlead, `/api/problems/${own.id}/exports/signoff.docx`).expect(200);
      expect(response.headers['content-type']).toBe(DOCX);
      const { document } = await documentXml(response.body as Buffer);
      expect(document).toContain('w:pgSz w:w="11906" w:h="16838"');
      expect(document).toContain('<w:tbl>');
      const text = visibleText(document);
      expect(text).toContain('巡视反馈问题对账销号单');
      expect(text).toContain('河湖巡查台账.xlsx');
      expect(text).toContain('2024年3月1日 专班干部审核通过（已完成）：佐证充分，同意销号');
      expect(text).toContain('整改专班审核意见（签字）：');
      await download(unitlead, `/api/problems/${other.id}/exports/signoff.docx`).expect(404);
      await download(supervisor, `/api/problems/${other.id}/exports/signoff.docx`).expect(200);
      const [audit] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'SIGNOFF_EXPORTED' AND entity_id = $1`,
        [own.id],
      );
      expect(audit.n).toBe(1);
    });
  });
});
