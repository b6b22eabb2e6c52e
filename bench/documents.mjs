#!/usr/bin/env node
// node scripts/build.mjs --if-stale --only-api && node --expose-gc bench/documents.mjs [--measures 60000] [--runs 3]
// Documents module timings, in this process against the built API (apps/api/dist):
//   - the fixture notice: parse + preview (warm median), and the commit of the preview (one transaction);
//   - the notice .docx of the demo inspection (41 problems);
//   - the 整改台账 .xlsx of one inspection holding --measures measures (default 60,000 in 10,000 problems),
//     streamed by LedgerExportService.write into a byte-counting sink, with the peak RSS sampled every 5 ms and on
//     every chunk written.
// The database is a throwaway embedded PostgreSQL (BENCH_DOCS_PG_PORT, default 54343; data in .data/pg-bench-docs,
// deleted at the end), or BENCH_DATABASE_URL (the data is then added to it, tagged, and removed afterwards).
// Never part of `npm test`.
import 'reflect-metadata';
import { createDatabase, startEmbedded } from '@zhenggai/devdb';
import { parseNotice } from '@zhenggai/notice-parser';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MEASURES_PER_PROBLEM, seedLargeInspection } from './large-inspection.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (file) => import(path.join(root, 'apps/api/dist', file));
const { values: flags } = parseArgs({
  options: { measures: { type: 'string', default: '60000' }, runs: { type: 'string', default: '3' } },
});
const MEASURES = Number(flags.measures);
const RUNS = Number(flags.runs);
if (!Number.isInteger(MEASURES) || MEASURES < 6 || !Number.isInteger(RUNS) || RUNS < 1) {
  console.error('--measures must be a whole number ≥ 6 and --runs ≥ 1');
  process.exit(1);
}
const TAG = 'zhenggai:bench-documents';
const log = (message) => console.log(`[bench:documents] ${message}`);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

if (!fs.existsSync(path.join(root, 'apps/api/dist/modules/documents/documents.module.js'))) {
  console.error(
    'apps/api/dist is missing the documents module: run `node scripts/build.mjs --if-stale --only-api` first',
  );
  process.exit(1);
}

const [
  { createDataSource },
  { loadDemoData },
  { Clock },
  { AuditService },
  { LedgerRepository },
  { LedgerExportService },
  notice,
  word,
  writes,
] = await Promise.all([
  dist('database/data-source.js'),
  dist('modules/seed/demo-seed.js'),
  dist('common/clock.js'),
  dist('modules/audit/audit.service.js'),
  dist('modules/documents/ledger/ledger.repository.js'),
  dist('modules/documents/ledger/ledger-export.service.js'),
  Promise.all([
    dist('modules/documents/notice/preview.mapper.js'),
    dist('modules/documents/notice/notice-import.repository.js'),
    dist('modules/documents/notice/notice-import.service.js'),
  ]),
  Promise.all([
    dist('modules/documents/word/documents.repository.js'),
    dist('modules/documents/word/documents.service.js'),
  ]),
  Promise.all([
    dist('modules/inspections/inspections-write.repository.js'),
    dist('modules/problems/problems-write.repository.js'),
    dist('modules/measures/measure-writes.repository.js'),
  ]),
]);
const [{ mapNoticePreview }, { NoticeImportRepository }, { NoticeImportService }] = notice;
const [{ DocumentsRepository }, { DocumentsService }] = word;
const [{ InspectionsWriteRepository }, { ProblemsWriteRepository }, { MeasureWritesRepository }] = writes;

const fixture = fs.readFileSync(path.join(root, 'fixtures/notices/wuhan-jkq-2024-07-18.txt'), 'utf8');

// ---- database ----
let server = null;
let url = process.env.BENCH_DATABASE_URL;
if (!url) {
  server = await startEmbedded({
    dataDir: path.join(root, '.data/pg-bench-docs'),
    port: Number(process.env.BENCH_DOCS_PG_PORT ?? 54343),
    persistent: false,
  });
  url = await createDatabase(server.url, 'zhenggai_bench_documents', { dropExisting: true });
  log(`embedded PostgreSQL on port ${server.port}`);
}
const dataSource = createDataSource({ url, poolSize: 4, statementTimeoutMs: 120_000 });
await dataSource.initialize();
const clock = new Clock();
const created = [];

async function main() {
  // PostgreSQL runs on the same cores: a busy machine stretches every figure
  log(
    `${os.cpus().length} vCPU, load average ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(' / ')}, Node ${process.version}`,
  );
  await dataSource.runMigrations({ transaction: 'each' });
  const [{ n: inspections }] = await dataSource.query('SELECT count(*)::int AS n FROM inspection');
  if (inspections === 0) await loadDemoData(dataSource, fixture, { today: clock.today() });
  const [officer] = await dataSource.query(
    `SELECT id, username, display_name AS "displayName", roles, unit_id AS "unitId" FROM user_account WHERE username = 'officer'`,
  );

  // 1. the fixture: parse + preview, then the commit
  const parseTimes = [];
  for (let i = 0; i < 23; i++) {
    const started = performance.now();
    const preview = mapNoticePreview(parseNotice(fixture), fixture);
    if (i >= 3) parseTimes.push(performance.now() - started);
    if (preview.stats.problems !== 41) throw new Error(`the fixture parsed as ${preview.stats.problems} problems`);
  }
  const audit = new AuditService(dataSource);
  const importer = new NoticeImportService(
    dataSource,
    new NoticeImportRepository(dataSource),
    new InspectionsWriteRepository(dataSource),
    new ProblemsWriteRepository(dataSource),
    new MeasureWritesRepository(dataSource),
    audit,
  );
  const preview = mapNoticePreview(parseNotice(fixture), fixture);
  const commitStarted = performance.now();
  const result = await importer.commit(preview, officer);
  const commitMs = performance.now() - commitStarted;
  created.push(result.inspectionId);
  log(
    `fixture notice: parse + preview ${median(parseTimes).toFixed(1)} ms (median of 20, warm); commit ${commitMs.toFixed(0)} ms (${result.problems} problems, ${result.measures} measures, one transaction)`,
  );

  // 2. the notice .docx of the demo inspection
  const documents = new DocumentsService(new DocumentsRepository(dataSource), audit, clock);
  const [demo] = await dataSource.query(`SELECT id FROM inspection WHERE source_text = $1 AND id <> $2 LIMIT 1`, [
    fixture,
    result.inspectionId,
  ]);
  const docxTimes = [];
  let docxBytes = 0;
  for (let i = 0; i < 6; i++) {
    const started = performance.now();
    const file = await documents.notice(demo?.id ?? result.inspectionId, {}, 'docx');
    docxTimes.push(performance.now() - started);
    docxBytes = file.body.length;
  }
  log(
    `notice.docx, 41 problems: ${docxTimes[0].toFixed(0)} ms cold, ${median(docxTimes.slice(1)).toFixed(0)} ms warm (${(docxBytes / 1024).toFixed(0)} KB)`,
  );

  // 3. the ledger of one large inspection
  const problems = Math.ceil(MEASURES / MEASURES_PER_PROBLEM);
  const seeding = performance.now();
  const inspectionId = await seedLargeInspection((sql, params) => dataSource.query(sql, params), problems, TAG);
  created.push(inspectionId);
  const [{ n: measureCount }] = await dataSource.query(
    'SELECT count(*)::int AS n FROM measure WHERE inspection_id = $1',
    [inspectionId],
  );
  log(
    `seeded ${problems} problems, ${measureCount} measures in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  );

  const exporter = new LedgerExportService(new LedgerRepository(dataSource), audit, clock);
  const repository = new LedgerRepository(dataSource);
  const inspection = await repository.findInspection(inspectionId, { all: true });
  global.gc?.();
  for (let run = 1; run <= RUNS; run++) {
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    let bytes = 0;
    const sample = () => {
      const rss = process.memoryUsage().rss;
      if (rss > peak) peak = rss;
    };
    const timer = setInterval(sample, 5);
    const sink = new Writable({
      highWaterMark: 64 * 1024,
      write(chunk, _encoding, callback) {
        bytes += chunk.length;
        sample();
        callback();
      },
    });
    const finished = new Promise((resolve, reject) => {
      sink.on('finish', resolve);
      sink.on('error', reject);
    });
    const started = performance.now();
    const cpu = process.cpuUsage();
    await exporter.write(inspection, {}, { all: true }, sink);
    await finished;
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    clearInterval(timer);
    sample();
    log(
      `ledger.xlsx run ${run}/${RUNS}: ${measureCount} measure rows × 18 columns + 3 lists in ${seconds.toFixed(2)} s, ` +
        `${mb(bytes)} written; CPU ${((used.user + used.system) / 1e6).toFixed(1)} s in this process; ` +
        `RSS ${mb(baseline)} before, peak ${mb(peak)} (+${mb(peak - baseline)})`,
    );
    global.gc?.();
  }
}

try {
  await main();
} finally {
  if (!server) {
    // an external database keeps only what it had: the audit trail is append-only, the rest is removed
    for (const id of created) {
      await dataSource.query('DELETE FROM inspection WHERE id = $1', [id]).catch(async () => {
        await dataSource.query(`UPDATE inspection SET deleted_at = now() WHERE id = $1`, [id]);
      });
    }
  }
  await dataSource.destroy();
  await server?.stop();
}
