import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Actor } from '../../src/common/http/request-context.js';
import { LedgerImportService } from '../../src/modules/documents/ledger/ledger-import.service.js';
import { createTestApp, signIn, type TestApp } from '../support/app.js';
import { actorOf, asActor, writeCounts } from '../support/medium.js';
import { binary } from '../support/http.js';

describe('LedgerImportService commit of the 整改台账 (stored rows)', () => {
  let t: TestApp;
  let ledger: LedgerImportService;
  let officer: Actor;
  let inspectionId: string;
  let exported: Buffer;
  const query = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const commit = (buffer: Buffer, dryRun = false) =>
    asActor(officer, () => ledger.import(inspectionId, { originalname: '整改台账.xlsx', buffer }, { dryRun }, officer));
  const edit = async (change: (sheet: ExcelJS.Worksheet) => void) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported as unknown as ArrayBuffer);
    change(book.getWorksheet('整改台账')!);
    return Buffer.from(await book.xlsx.writeBuffer());
  };

  beforeAll(async () => {
    t = await createTestApp();
    ledger = t.app.get(LedgerImportService);
    officer = await actorOf(t.dataSource, 'officer');
    [{ id: inspectionId }] = await query(`SELECT id FROM inspection WHERE deleted_at IS NULL LIMIT 1`);
    // the sheet as exported today is the input (the export itself is pinned by documents.e2e-spec)
    const http = await signIn(t.http, 'officer');
    exported = (
      await http.agent
        .get(`/api/inspections/${inspectionId}/exports/ledger.xlsx`)
        .buffer(true)
        .parse(binary)
        .expect(200)
    ).body as Buffer;
  });
  afterAll(async () => t?.close());

  it('commits an unchanged sheet as no change at all but one LEDGER_IMPORTED audit row', async () => {
    const before = await writeCounts(t.dataSource);
    const versions = await query(`SELECT id, version FROM measure ORDER BY id`);
    const result = await commit(exported);
    expect(result).toMatchObject({ committed: true, creates: [], updates: [], unchanged: 114 });
    expect(await writeCounts(t.dataSource)).toEqual({ ...before, audit_event: before.audit_event + 1 });
    expect(await query(`SELECT id, version FROM measure ORDER BY id`)).toEqual(versions);
    const [audit] = await query(
      `SELECT actor_username, entity_type, entity_id, detail FROM audit_event WHERE action = 'LEDGER_IMPORTED'`,
    );
    expect(audit).toEqual({
      actor_username: 'officer',
      entity_type: 'inspection',
      entity_id: inspectionId,
      detail: { sheet: '整改台账', rows: 114, creates: 0, updates: 0, unchanged: 114 },
    });
  });

  it('updates an edited row and creates a new one: measure rows, units, events and audit rows', async () => {
    let label = '';
    let seq = 0;
    let newLabel = '';
    const edited = await edit((sheet) => {
      const row = sheet.getRow(5);
      label = String(row.getCell(2).value);
      seq = Number(row.getCell(3).value);
      row.getCell(6).value = `${String(row.getCell(6).value)}（台账修订）`;
      row.getCell(11).value = new Date(Date.UTC(2024, 11, 31));
      newLabel = String(sheet.getRow(3).getCell(2).value);
      sheet.addRow([999, newLabel, 9, null, null, '新增的一项整改措施', null, '区水务和湖泊局']).commit();
    });
    const [target] = await query(
      `SELECT m.id, m.text, m.version, m.status FROM measure m JOIN problem p ON p.id = m.problem_id
       WHERE p.inspection_id = $1 AND p.label = $2 AND m.seq = $3`,
      [inspectionId, label, seq],
    );
    const unitsBefore = await query(`SELECT unit_id, role FROM measure_unit WHERE measure_id = $1 ORDER BY unit_id`, [
      target.id,
    ]);
    const result = await commit(edited);
    expect(result).toMatchObject({ committed: true, unchanged: 113 });

    expect(
      await query(`SELECT text, deadline::text AS deadline, version, status FROM measure WHERE id = $1`, [target.id]),
    ).toEqual([
      {
        text: `${target.text.trim()}（台账修订）`,
        deadline: '2024-12-31',
        version: target.version + 1,
        status: target.status,
      },
    ]);
    expect(
      await query(`SELECT unit_id, role FROM measure_unit WHERE measure_id = $1 ORDER BY unit_id`, [target.id]),
    ).toEqual(unitsBefore);
    const [event] = await query(
      `SELECT action, from_status, to_status, actor_id, detail FROM measure_event WHERE measure_id = $1 AND action NOT IN ('order', 'order_reply', 'rebound') AND detail->>'source' = 'ledger'`,
      [target.id],
    );
    expect(event).toMatchObject({ action: 'update', from_status: null, to_status: null, actor_id: officer.id });
    expect(event.detail).toMatchObject({ source: 'ledger', row: 5, after: { deadline: '2024-12-31' } });
    expect([...event.detail.fields].sort()).toEqual(['完成时限', '整改措施'].sort());
    expect(
      await query(`SELECT detail FROM audit_event WHERE action = 'MEASURE_UPDATED' AND entity_id = $1`, [target.id]),
    ).toEqual([{ detail: { source: 'ledger', row: 5 } }]);

    const [created] = await query(
      `SELECT m.id, m.text, m.status, m.version, m.lead_unit_id, u.name AS lead FROM measure m JOIN problem p ON p.id = m.problem_id
       JOIN unit u ON u.id = m.lead_unit_id WHERE p.inspection_id = $1 AND p.label = $2 AND m.seq = 9`,
      [inspectionId, newLabel],
    );
    expect(created).toMatchObject({
      text: '新增的一项整改措施',
      status: 'not_started',
      version: 1,
      lead: '区水务和湖泊局',
    });
    expect(await query(`SELECT unit_id, role FROM measure_unit WHERE measure_id = $1`, [created.id])).toEqual([
      { unit_id: created.lead_unit_id, role: 'lead' },
    ]);
    expect(
      await query(
        `SELECT action, to_status, detail FROM measure_event WHERE measure_id = $1 AND action NOT IN ('order', 'order_reply', 'rebound')`,
        [created.id],
      ),
    ).toEqual([{ action: 'create', to_status: 'not_started', detail: { source: 'ledger', row: 117 } }]);
    expect(await query(`SELECT action FROM audit_event WHERE entity_id = $1`, [created.id])).toEqual([
      { action: 'MEASURE_CREATED' },
    ]);
    const imports = await query(
      `SELECT detail FROM audit_event WHERE action = 'LEDGER_IMPORTED' ORDER BY occurred_at DESC, id DESC LIMIT 1`,
    );
    expect(imports[0].detail).toMatchObject({ creates: 1, updates: 1, unchanged: 113 });
  });

  it('writes nothing for an invalid sheet (row errors) nor for a dry run', async () => {
    const broken = await edit((sheet) => {
      sheet.getRow(3).getCell(8).value = '不存在的单位';
      sheet.getRow(4).getCell(6).value = '只改措施文字';
    });
    const before = await writeCounts(t.dataSource);
    const versions = await query(`SELECT id, version, text FROM measure ORDER BY id`);
    await expect(commit(broken)).rejects.toMatchObject({ code: 'IMPORT_ROWS_INVALID' });
    const plan = await commit(broken, true);
    expect(plan).toMatchObject({ committed: false, dryRun: true });
    expect(plan.errors).toEqual([expect.objectContaining({ row: 3, column: '牵头单位' })]);
    await expect(
      asActor(officer, () =>
        ledger.import(
          inspectionId,
          { originalname: 'a.xlsx', buffer: Buffer.from('not a workbook') },
          { dryRun: false },
          officer,
        ),
      ),
    ).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    expect(await writeCounts(t.dataSource)).toEqual(before);
    expect(await query(`SELECT id, version, text FROM measure ORDER BY id`)).toEqual(versions);
  });
});
