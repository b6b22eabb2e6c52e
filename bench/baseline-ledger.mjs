// The raw baseline of the ledger workbook (整改台账 .xlsx), used by baseline-worker.mjs:
//   - export: one query over one server-side cursor (DECLARE … FETCH 2000), each batch written by exceljs' streaming
//     WorkbookWriter straight into the response, waiting for 'drain' between batches (exceljs ignores backpressure);
//     the 18 columns of the API's 整改台账 sheet (its three extra lists are not written: docs/performance.md);
//   - import: the request body (the .xlsx itself, no multipart) read by exceljs' streaming WorkbookReader, rows
//     matched to problems and units from two lookups, and every 2,000 rows one INSERT … SELECT FROM unnest(…) per
//     table (measure, measure_unit, measure_event, audit_event) in one transaction: all or nothing, as the API.
import ExcelJS from 'exceljs';
import { once } from 'node:events';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STATUS = {
  not_started: '未启动',
  in_progress: '推进中',
  pending_review: '待审核',
  completed: '已完成',
  deemed_completed: '视同完成',
};
const HEADERS = [
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
];
const WIDTHS = [6, 8, 8, 14, 28, 50, 10, 16, 20, 10, 12, 40, 10, 24, 28, 18, 28, 16];

// Everything a ledger row shows, from the (inspection_id, seq) index of problem and the measure_id / problem_id
// indexes of the other tables, in the sheet's order: one pass, no batching queries.
const LEDGER_SQL = `SELECT p.label, m.seq, c.title AS category, p.title, m.text, rl.name AS leader, lu.name AS lead_unit,
    (SELECT string_agg(u.name, '、' ORDER BY u.sort_order, u.name) FROM measure_unit mu JOIN unit u ON u.id = mu.unit_id
      WHERE mu.measure_id = m.id AND mu.role = 'co') AS co_units,
    rp.name AS person, m.term, m.deadline,
    (SELECT pu.text FROM progress_update pu WHERE pu.measure_id = m.id ORDER BY pu.reported_on DESC, pu.created_at DESC LIMIT 1) AS progress,
    m.status,
    (SELECT string_agg(a.name, '、' ORDER BY a.created_at, a.id) FROM attachment a WHERE a.measure_id = m.id AND a.deleted_at IS NULL) AS evidence,
    (SELECT string_agg(r.title, '、' ORDER BY r.created_at, r.id) FROM rule_document r
      WHERE r.problem_id = p.id AND r.role IN ('issued', 'revised')) AS rules,
    (SELECT string_agg(a.form || a.count || coalesce(a.count_unit, ''), '、' ORDER BY a.created_at, a.id)
      FROM accountability_action a WHERE a.problem_id = p.id) AS accountability,
    (SELECT to_char(e.occurred_at, 'YYYY-MM-DD') || ' ' || coalesce(e.opinion, '') FROM measure_event e
      WHERE e.measure_id = m.id AND e.action = 'approve' ORDER BY e.occurred_at DESC LIMIT 1) AS sign_off,
    m.remarks
  FROM problem p
  JOIN measure m ON m.problem_id = p.id AND m.deleted_at IS NULL
  LEFT JOIN category c ON c.id = p.category_id
  LEFT JOIN unit lu ON lu.id = m.lead_unit_id
  LEFT JOIN person rl ON rl.id = m.responsible_leader_id
  LEFT JOIN person rp ON rp.id = m.responsible_person_id
  WHERE p.inspection_id = $1 AND p.deleted_at IS NULL
  ORDER BY p.seq, m.seq, m.id`;

const deadlineText = (row) =>
  row.term === 'immediate' ? '立行立改' : row.term === 'long_term' ? '长期坚持' : (row.deadline ?? '');

/** GET …/exports/ledger.xlsx (officers see every measure, as in the bench). */
export async function exportLedger(pool, inspectionId, actor, response) {
  if (!actor.scope.all) {
    response.writeHead(403).end();
    return;
  }
  const client = await pool.connect();
  try {
    const { rows } = await client.query('SELECT title FROM inspection WHERE id = $1 AND deleted_at IS NULL', [
      inspectionId,
    ]);
    if (!rows[0]) {
      response.writeHead(404).end();
      return;
    }
    await client.query('BEGIN READ ONLY');
    await client.query(`DECLARE ledger NO SCROLL CURSOR FOR ${LEDGER_SQL}`, [inspectionId]);
    response.writeHead(200, {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('整改台账.xlsx')}`,
    });
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: response,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('整改台账', { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
    sheet.columns = WIDTHS.map((width) => ({ width }));
    sheet.addRow([`${rows[0].title}——整改台账`]).commit();
    const header = sheet.addRow(HEADERS);
    header.font = { bold: true };
    header.commit();
    let index = 0;
    for (;;) {
      const batch = await client.query('FETCH 2000 FROM ledger');
      for (const row of batch.rows) {
        sheet
          .addRow([
            ++index,
            row.label,
            row.seq,
            row.category,
            row.title,
            row.text,
            row.leader,
            row.lead_unit,
            row.co_units,
            row.person,
            deadlineText(row),
            row.progress,
            STATUS[row.status] ?? row.status,
            row.evidence,
            row.rules,
            row.accountability,
            row.sign_off,
            row.remarks,
          ])
          .commit();
      }
      if (response.writableNeedDrain) await once(response, 'drain');
      if (batch.rows.length < 2000) break;
    }
    await client.query('COMMIT');
    sheet.commit();
    await workbook.commit();
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const cellText = (value) => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result);
  }
  return String(value).trim();
};
const normaliseLabel = (label) => label.replace(/[\s.．、]+$/u, '').trim();
const BATCH = 2000;

/** POST …/imports/ledger.xlsx with the workbook as the body: creates the rows' measures, all or nothing. */
export async function importLedger(pool, inspectionId, actor, request) {
  if (!actor.roles.includes('task_force_officer')) return [403, { code: 'FORBIDDEN' }];
  const client = await pool.connect();
  try {
    const problems = await client.query(
      'SELECT id, label, seq FROM problem WHERE inspection_id = $1 AND deleted_at IS NULL',
      [inspectionId],
    );
    if (problems.rows.length === 0) return [404, { code: 'NOT_FOUND' }];
    const problemByLabel = new Map(problems.rows.map((row) => [normaliseLabel(row.label), row.id]));
    const units = await client.query('SELECT id, name FROM unit WHERE deleted_at IS NULL');
    const unitByName = new Map(units.rows.map((row) => [row.name, row.id]));
    await client.query('BEGIN');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(request, {
      entries: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
    });
    let columns = null;
    let batch = [];
    let created = 0;
    const errors = [];
    const flush = async () => {
      if (batch.length === 0) return;
      created += await insertBatch(client, inspectionId, actor, batch);
      batch = [];
    };
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const cells = row.values.map(cellText);
        if (!columns) {
          const at = (name) => cells.indexOf(name);
          if (at('问题编号') > 0 && at('措施序号') > 0 && at('整改措施') > 0) {
            columns = {
              problem: at('问题编号'),
              seq: at('措施序号'),
              text: at('整改措施'),
              lead: at('牵头单位'),
              deadline: at('完成时限'),
              remarks: at('备注'),
            };
          }
          continue;
        }
        const problemId = problemByLabel.get(normaliseLabel(cells[columns.problem] ?? ''));
        const seq = Number(cells[columns.seq]);
        const text = cells[columns.text] ?? '';
        const leadName = columns.lead > 0 ? (cells[columns.lead] ?? '') : '';
        const leadUnitId = leadName ? unitByName.get(leadName) : null;
        if (!problemId || !Number.isInteger(seq) || !text || leadUnitId === undefined) {
          errors.push({ row: row.number });
          continue;
        }
        const deadline = columns.deadline > 0 ? (cells[columns.deadline] ?? '') : '';
        batch.push({
          row: row.number,
          problemId,
          seq,
          text,
          leadUnitId,
          term: deadline === '长期坚持' ? 'long_term' : deadline === '立行立改' ? 'immediate' : 'concentrated',
          deadline: /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? deadline : null,
          remarks: columns.remarks > 0 ? cells[columns.remarks] || null : null,
        });
        if (batch.length >= BATCH) await flush();
      }
      break; // the first sheet is the ledger
    }
    if (!columns || errors.length > 0) {
      await client.query('ROLLBACK');
      return [422, { code: 'IMPORT_ROWS_INVALID', errors: errors.slice(0, 100) }];
    }
    await flush();
    await client.query('COMMIT');
    return [200, { dryRun: false, created, committed: true }];
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

// One statement per batch: the measures, their lead units, a 'create' event and a MEASURE_CREATED audit row each.
async function insertBatch(client, inspectionId, actor, rows) {
  const column = (key) => rows.map((row) => row[key]);
  const { rows: counted } = await client.query(
    `WITH input AS (
       SELECT * FROM unnest($2::uuid[], $3::int[], $4::text[], $5::uuid[], $6::text[], $7::date[], $8::text[], $9::int[])
         AS t(problem_id, seq, text, lead_unit_id, term, deadline, remarks, row_number)
     ), created AS (
       INSERT INTO measure (problem_id, inspection_id, seq, text, term, deadline, lead_unit_id, remarks)
       SELECT problem_id, $1, seq, text, term, deadline, lead_unit_id, remarks FROM input
       RETURNING id, problem_id, seq, text, term, deadline, lead_unit_id, remarks
     ), numbered AS (
       SELECT c.*, i.row_number FROM created c JOIN input i ON i.problem_id = c.problem_id AND i.seq = c.seq
     ), units AS (
       INSERT INTO measure_unit (measure_id, unit_id, role)
       SELECT id, lead_unit_id, 'lead' FROM numbered WHERE lead_unit_id IS NOT NULL
     ), events AS (
       INSERT INTO measure_event (measure_id, action, to_status, actor_id, actor_name, detail)
       SELECT id, 'create', 'not_started', $10::uuid, $11::text, jsonb_build_object('source', 'ledger', 'row', row_number)
       FROM numbered
     ), audited AS (
       INSERT INTO audit_event (actor_id, actor_username, actor_roles, actor_unit_id, action, entity_type, entity_id,
                                result, after, detail)
       SELECT $10::uuid, $12::text, $13::text[], $14::uuid, 'MEASURE_CREATED', 'measure', id::text, 'success',
              jsonb_build_object('problemId', problem_id, 'seq', seq, 'text', text, 'leadUnitId', lead_unit_id,
                                 'deadline', deadline, 'term', term, 'remarks', remarks),
              jsonb_build_object('source', 'ledger', 'row', row_number)
       FROM numbered
     )
     SELECT count(*)::int AS n FROM numbered`,
    [
      inspectionId,
      column('problemId'),
      column('seq'),
      column('text'),
      column('leadUnitId'),
      column('term'),
      column('deadline'),
      column('remarks'),
      column('row'),
      actor.id,
      actor.displayName ?? actor.username,
      actor.username,
      actor.roles,
      actor.unitId,
    ],
  );
  return counted[0].n;
}
