// The ledger workbook scenarios' data (bench/run.mjs): a database of its own, `zhenggai_bench_ledger_<rows>`, seeded
// once (migrations, the demo accounts and a small scale set by the real seeder, then one inspection of `rows`
// measures, bench/large-inspection.mjs) and reused; and the import file .data/bench-ledger-<rows>.xlsx, the
// importable columns of that inspection, written once. Each import goes into a fresh copy of the inspection's
// problems without measures (`emptyCopy`), removed afterwards (`drop`).
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { runSeeder } from './database.mjs';
import { MEASURES_PER_PROBLEM, seedLargeInspection } from './large-inspection.mjs';

const TAG = 'zhenggai:bench-ledger';
const COPY_TAG = 'zhenggai:bench-ledger-import';

export async function ledgerFixture(root, server, rows, log, { importFile = true } = {}) {
  const name = `zhenggai_bench_ledger_${rows}`;
  const url = await server.database(name);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => {}); // an idle client dropped when the server stops
  const query = async (sql, params) => (await pool.query(sql, params)).rows;
  const started = Date.now();
  let seeded = false;
  try {
    const [{ migrated }] = await query(`SELECT to_regclass('public.measure') IS NOT NULL AS migrated`);
    if (!migrated) {
      log(`${name}: migrations, demo accounts and a small scale set`);
      await runSeeder(root, url, { measures: 600, reset: false });
      seeded = true;
    }
    let [inspection] = await query(
      `SELECT i.id, (SELECT count(*)::int FROM measure m WHERE m.inspection_id = i.id) AS measures
       FROM inspection i WHERE i.source_text = $1 AND i.deleted_at IS NULL`,
      [TAG],
    );
    // whole problems of six measures: 60,000 rows are 10,000 problems
    const expected = Math.ceil(rows / MEASURES_PER_PROBLEM) * MEASURES_PER_PROBLEM;
    if (!inspection || inspection.measures !== expected) {
      if (inspection) await query(`UPDATE inspection SET deleted_at = now() WHERE id = $1`, [inspection.id]);
      log(`${name}: one inspection of ${expected} measures`);
      const id = await seedLargeInspection(query, Math.ceil(rows / MEASURES_PER_PROBLEM), TAG);
      inspection = { id, measures: expected };
      seeded = true;
    }
    const file = path.join(root, `.data/bench-ledger-${rows}.xlsx`);
    // the import file holds every row in memory once: only for the sizes that are imported
    if (importFile && (seeded || !fs.existsSync(file))) await writeImportFile(pool, inspection.id, file);
    const seedSeconds = seeded ? (Date.now() - started) / 1000 : null;
    if (seeded) log(`${name}: ready in ${seedSeconds.toFixed(1)} s`);
    else log(`reusing ${name} (${rows} measures) and ${path.relative(root, file)}`);
    return {
      url,
      inspectionId: inspection.id,
      file,
      seedSeconds,
      async emptyCopy() {
        const [copy] = await query(
          `INSERT INTO inspection (title, issuer, kind, term, issuing_committee, round, source_text)
           SELECT title, issuer, kind, term, issuing_committee, round, $2 FROM inspection WHERE id = $1 RETURNING id`,
          [inspection.id, COPY_TAG],
        );
        await query(
          `INSERT INTO problem (inspection_id, seq, label, title, overview, status)
           SELECT $2, seq, label, title, overview, 'not_started' FROM problem WHERE inspection_id = $1`,
          [inspection.id, copy.id],
        );
        await query('ANALYZE problem');
        return copy.id;
      },
      async countMeasures(id) {
        const [{ n }] = await query('SELECT count(*)::int AS n FROM measure WHERE inspection_id = $1', [id]);
        return n;
      },
      async drop(id) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query(
            'DELETE FROM measure_event WHERE measure_id IN (SELECT id FROM measure WHERE inspection_id = $1)',
            [id],
          );
          await client.query(
            'DELETE FROM measure_unit WHERE measure_id IN (SELECT id FROM measure WHERE inspection_id = $1)',
            [id],
          );
          await client.query('DELETE FROM measure WHERE inspection_id = $1', [id]);
          await client.query('DELETE FROM problem WHERE inspection_id = $1', [id]);
          await client.query('DELETE FROM inspection WHERE id = $1', [id]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          log(`could not remove the imported copy (${error.message}); marking it deleted`);
          await client.query('UPDATE inspection SET deleted_at = now() WHERE id = $1', [id]);
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/** The importable columns of the inspection's measures, as a user would fill them in. */
async function writeImportFile(pool, inspectionId, file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { rows } = await pool.query(
    `SELECT p.label, m.seq, m.text, u.name AS lead_unit, m.term, to_char(m.deadline, 'YYYY-MM-DD') AS deadline, m.remarks
     FROM measure m JOIN problem p ON p.id = m.problem_id LEFT JOIN unit u ON u.id = m.lead_unit_id
     WHERE m.inspection_id = $1 AND m.deleted_at IS NULL ORDER BY p.seq, m.seq`,
    [inspectionId],
  );
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${file}.tmp`, useSharedStrings: true });
  const sheet = workbook.addWorksheet('整改台账');
  sheet.addRow(['基准测试——整改台账']).commit();
  sheet.addRow(['序号', '问题编号', '措施序号', '整改措施', '牵头单位', '完成时限', '备注']).commit();
  rows.forEach((row, index) =>
    sheet
      .addRow([
        index + 1,
        row.label,
        row.seq,
        row.text,
        row.lead_unit,
        row.term === 'long_term' ? '长期坚持' : (row.deadline ?? ''),
        row.remarks ?? '',
      ])
      .commit(),
  );
  sheet.commit();
  await workbook.commit();
  fs.renameSync(`${file}.tmp`, file);
}
