#!/usr/bin/env node
// node --expose-gc bench/ledger-export-probe.mjs [--rows 60000] [--runs 2] [--file] [--dist apps/api/dist]
// The 整改台账 export of the bench's ledger dataset (bench/ledger-fixture.mjs, .data/pg-bench), in this process
// against the built API (apps/api/dist): LedgerExportService.write into a discarding sink (or a file with --file,
// as the background job does), with process.memoryUsage() sampled every 5 ms: peak RSS, heap and external memory
// above the level before the export, and the same figures every 60,000 rows. Never part of `npm test`.
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openBenchServer } from './database.mjs';
import { ledgerFixture } from './ledger-fixture.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({
  options: {
    dist: { type: 'string', default: path.join(root, 'apps/api/dist') },
    rows: { type: 'string', default: '60000' },
    runs: { type: 'string', default: '2' },
    file: { type: 'boolean', default: false },
  },
});
const dist = (file) => import(path.join(path.resolve(flags.dist), file));
const log = (message) => console.log(`[probe] ${message}`);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)}`;

const [{ createDataSource }, { Clock }, { AuditService }, { LedgerRepository }, { LedgerExportService }] =
  await Promise.all([
    dist('database/data-source.js'),
    dist('common/clock.js'),
    dist('modules/audit/audit.service.js'),
    dist('modules/documents/ledger/ledger.repository.js'),
    dist('modules/documents/ledger/ledger-export.service.js'),
  ]);

const server = await openBenchServer(root);
try {
  const fixture = await ledgerFixture(root, server, Number(flags.rows), log, { importFile: false });
  const dataSource = createDataSource({ url: fixture.url, poolSize: 10, statementTimeoutMs: 120_000 });
  await dataSource.initialize();
  const clock = new Clock();
  const exporter = new LedgerExportService(new LedgerRepository(dataSource), new AuditService(dataSource), clock);
  const repository = new LedgerRepository(dataSource);
  const inspection = await repository.findInspection(fixture.inspectionId, { all: true });
  log(
    `load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}`,
  );
  for (let run = 1; run <= Number(flags.runs); run++) {
    global.gc?.();
    const before = process.memoryUsage();
    const peak = { rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
    const sample = () => {
      const now = process.memoryUsage();
      for (const key of Object.keys(peak)) peak[key] = Math.max(peak[key], now[key] - before[key]);
      return now;
    };
    const timer = setInterval(sample, 5);
    let bytes = 0;
    const out = path.join(os.tmpdir(), `probe-ledger-${process.pid}.xlsx`);
    const sink = flags.file
      ? fs.createWriteStream(out)
      : new Writable({
          highWaterMark: 64 * 1024,
          write(chunk, _encoding, callback) {
            bytes += chunk.length;
            callback();
          },
        });
    const started = performance.now();
    const cpu = process.cpuUsage();
    let next = 0;
    await exporter.write(inspection, {}, { all: true }, sink, {
      onProgress: (done) => {
        const rows = done / 3;
        if (rows >= next) {
          const now = sample();
          log(
            `  ${rows} rows ${((performance.now() - started) / 1000).toFixed(1)} s: rss +${mb(now.rss - before.rss)} heap +${mb(now.heapUsed - before.heapUsed)} ext +${mb(now.external - before.external)} ab +${mb(now.arrayBuffers - before.arrayBuffers)}`,
          );
          next += Number(flags.rows) / 10;
        }
      },
    });
    if (!sink.writableFinished) await new Promise((resolve) => sink.once('finish', resolve));
    clearInterval(timer);
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    if (flags.file) {
      bytes = fs.statSync(out).size;
      fs.rmSync(out);
    }
    log(
      `run ${run}: ${seconds.toFixed(2)} s (cpu ${((used.user + used.system) / 1e6).toFixed(1)} s), ${mb(bytes)} MB file; ` +
        `rss before ${mb(before.rss)} MB, peak +${mb(peak.rss)} (heap +${mb(peak.heapUsed)}, external +${mb(peak.external)}, arrayBuffers +${mb(peak.arrayBuffers)})`,
    );
  }
  await dataSource.destroy();
} finally {
  await server.stop();
}
