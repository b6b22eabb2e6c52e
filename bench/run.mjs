#!/usr/bin/env node
// npm run bench [-- --json] [--only a,b] [--measures 60000] [--large-measures 600000] [--xlsx-rows 60000]
//                [--large-xlsx-rows 600000]
//                [--duration 10 --connections 50 --warmup 3 --rounds 2 --pool 10]
// The real API (a child process) against the best raw node:http + pg server we can write for the same answers
// (bench/baseline-worker.mjs), on the same database. Runs alternate API and baseline; the figures are medians.
// Default output: a human table. --json: one JSON object a line per scenario on stdout, everything else on stderr.
// Method, baselines and figures: docs/performance.md. Never part of `npm test`.
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startBaseline } from './baseline.mjs';
import { login, startApi } from './api.mjs';
import { chooseFixtures, datasetUrl, openBenchServer, readVersions } from './database.mjs';
import { ledgerFixture } from './ledger-fixture.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCENARIOS = [
  'measure-list-unit',
  'measure-list-all',
  'measure-update',
  'statistics-60k',
  'statistics-600k',
  'xlsx-export-60k',
  'xlsx-import-60k',
  'xlsx-export-600k',
];
const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    measures: { type: 'string', default: '60000' },
    'large-measures': { type: 'string', default: '600000' },
    'xlsx-rows': { type: 'string', default: '60000' },
    'large-xlsx-rows': { type: 'string', default: '600000' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
    pool: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const json = flags.json;
const only = flags.only
  ? flags.only
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)
  : SCENARIOS;
const unknown = only.filter((name) => !SCENARIOS.includes(name));
if (unknown.length) {
  console.error(`unknown scenario ${unknown.join(', ')}; the scenarios are ${SCENARIOS.join(', ')}`);
  process.exit(1);
}
const options = Object.fromEntries(
  Object.entries(flags)
    .filter(([key]) => key !== 'json' && key !== 'only')
    .map(([key, value]) => [key.replace(/-(\w)/g, (_, letter) => letter.toUpperCase()), Number(value)]),
);
for (const [key, value] of Object.entries(options)) {
  if (!Number.isInteger(value) || value < (key === 'warmup' ? 0 : 1)) {
    console.error(`--${key} must be a whole number`);
    process.exit(1);
  }
}

// in --json mode stdout holds the JSON lines only
const log = (message) => (json ? console.error : console.log)(`[bench] ${message}`);
const cleanups = [];

async function cleanup() {
  while (cleanups.length)
    await cleanups
      .pop()()
      .catch((error) => console.error(`[bench] cleanup: ${error.message}`));
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void cleanup().then(() => process.exit(130)));
}

async function call(port, headers, { method, path: requestPath, body }) {
  const response = await fetch(`http://127.0.0.1:${port}${requestPath}`, { method, headers, body });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // a non-JSON answer is reported through its status
  }
  return { status: response.status, json };
}

// Each request takes a measure nobody else is updating, sends the version it last saw, and keeps the version the
// answer reports: one conditional UPDATE per request and no conflicts, for the API and the baseline alike.
function updateRequests(items) {
  const free = [...items];
  return [
    {
      method: 'PATCH',
      setupRequest(request, context) {
        // autocannon may build the same request twice before sending it: keep the measure already taken
        const item = context.item ?? free.shift() ?? items[Math.floor(Math.random() * items.length)];
        context.item = item;
        return {
          ...request,
          path: `/api/measures/${item.id}`,
          body: JSON.stringify({ version: item.version, remarks: `压测备注 第${item.version + 1}版` }),
        };
      },
      onResponse(status, body, context) {
        const item = context.item;
        let version;
        try {
          const parsed = JSON.parse(body);
          version = parsed.version ?? parsed.current?.version;
        } catch {
          version = undefined;
        }
        if (Number.isInteger(version)) item.version = version;
        else if (status < 300) item.version += 1;
        free.push(item);
      },
    },
  ];
}

function fire(port, scenario, duration) {
  return autocannon({
    url: `http://127.0.0.1:${port}${scenario.path ?? ''}`,
    connections: options.connections,
    duration,
    pipelining: 1,
    timeout: 30,
    headers: scenario.headers,
    ...(scenario.requests ? { requests: scenario.requests() } : { method: scenario.method }),
  });
}

// A server keeps working on the requests of a run that has ended (their clients are gone): wait until neither
// server has a statement running, or the next run starts behind a backlog and with stale versions.
async function waitForIdle(pool, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  let quiet = 0;
  while (Date.now() < until && quiet < 3) {
    const { rows } = await pool.query(
      `SELECT count(*)::int AS busy FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'
         AND application_name IN ('zhenggai', 'zhenggai-bench-baseline')`,
    );
    quiet = rows[0].busy === 0 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function summarise(results) {
  return {
    rps: median(results.map((result) => result.requests.average)),
    p50: median(results.map((result) => result.latency.p50)),
    p99: median(results.map((result) => result.latency.p99)),
    errors: results.reduce((sum, result) => sum + result.errors + result.timeouts, 0),
    non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
    requests: results.reduce((sum, result) => sum + result.requests.total, 0),
  };
}

function printTable(rows, print) {
  const header = ['scenario', 'server', 'value', 'p50 ms', 'p99 ms', 'errors/non-2xx', 'ratio'];
  const lines = rows.map((row) => [row.scenario, row.server, row.rps, row.p50, row.p99, row.errors, row.ratio]);
  const widths = header.map((title, index) =>
    Math.max(title.length, ...lines.map((line) => String(line[index]).length)),
  );
  const format = (cells) =>
    cells
      .map((cell, index) => (index < 2 ? String(cell).padEnd(widths[index]) : String(cell).padStart(widths[index])))
      .join('  ');
  print(`\n${format(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  for (const line of lines) print(format(line));
}

/** Resident set size of a process in bytes (Linux), or null. */
function rssOf(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Runs `work` while sampling the RSS of `pid` every 10 ms: its wall time in s and the peak RSS in MB. */
async function measureDocument(pid, work) {
  let peak = rssOf(pid) ?? 0;
  const timer = setInterval(() => {
    const rss = rssOf(pid);
    if (rss !== null && rss > peak) peak = rss;
  }, 10);
  const started = performance.now();
  try {
    const outcome = await work();
    return { seconds: (performance.now() - started) / 1000, peakMB: peak / 1024 / 1024, ...outcome };
  } finally {
    clearInterval(timer);
  }
}

/** An HTTP call whose answer is read to the end and counted (bytes), with a long timeout. */
async function download(port, headers, requestPath, init = {}) {
  const response = await fetch(`http://127.0.0.1:${port}${requestPath}`, {
    headers,
    signal: AbortSignal.timeout(30 * 60_000),
    ...init,
  });
  let bytes = 0;
  const kept = [];
  const keep = response.status >= 300 || !response.headers.get('content-type')?.includes('sheet');
  for await (const chunk of response.body) {
    bytes += chunk.length;
    if (keep) kept.push(Buffer.from(chunk));
  }
  const text = Buffer.concat(kept).toString('utf8');
  return { status: response.status, bytes, text };
}

/** Whether the API has the background export (an unknown route answers 404 ROUTE_NOT_FOUND, an unknown inspection NOT_FOUND). */
async function exportJobRouteMissing(context) {
  const response = await fetch(
    `http://127.0.0.1:${context.api.port}/api/inspections/00000000-0000-4000-8000-000000000000/exports/ledger-jobs`,
    { method: 'POST', headers: context.writeHeaders, body: '{}' },
  );
  const text = await response.text();
  if (response.status === 404 && /ROUTE_NOT_FOUND|Cannot POST/i.test(text)) return 'route missing';
  if (response.status === 405) return 'route missing';
  return null;
}

/** The ledger as a background job: start it, poll its progress, then download the file; the time is all three. */
async function exportJob(port, context, inspectionId) {
  const base = `http://127.0.0.1:${port}`;
  const started = await fetch(`${base}/api/inspections/${inspectionId}/exports/ledger-jobs`, {
    method: 'POST',
    headers: context.writeHeaders,
    body: '{}',
  });
  const job = await started.json().catch(() => ({}));
  if (started.status >= 300) return { status: started.status, bytes: 0, text: JSON.stringify(job) };
  let state = job;
  let lastProgress = -1;
  for (;;) {
    if (state.status === 'done') break;
    if (state.status === 'failed') return { status: 500, bytes: 0, text: JSON.stringify(state) };
    await new Promise((resolve) => setTimeout(resolve, 250));
    const response = await fetch(`${base}/api/export-jobs/${job.id}`, { headers: context.headers });
    state = await response.json();
    if (response.status >= 300) return { status: response.status, bytes: 0, text: JSON.stringify(state) };
    if (state.progress !== lastProgress && state.progress % 10 === 0)
      log(`xlsx-export-600k · API: ${state.progress} %`);
    lastProgress = state.progress;
  }
  return download(port, context.headers, `/api/export-jobs/${job.id}/file`);
}

const round1 = (value) => Math.round(value * 10) / 10;
const round2 = (value) => Math.round(value * 100) / 100;

/** Load scenarios (autocannon): req/s, higher is better. */
async function runLoad(scenario, context) {
  const { api, baseline, monitor, servers } = context;
  const probe = scenario.probe ? await scenario.probe() : { method: scenario.method, path: scenario.path };
  const first = await call(api.port, scenario.headers, probe);
  if (first.status >= 300) {
    const reason =
      first.status === 404 || first.status === 405
        ? 'route missing'
        : `the API answered ${first.status} ${first.json?.code ?? ''}`;
    log(`${scenario.name}: skipped: ${reason}`);
    return { scenario: scenario.name, skipped: reason };
  }
  if (scenario.same) {
    // a probe that writes (the edit) is read again, so that the baseline gets the version the API's edit left
    const other = await call(baseline.port, scenario.headers, scenario.probe ? await scenario.probe() : probe);
    log(
      `${scenario.name}: API and baseline answers ${other.status < 300 && scenario.same(first.json, other.json) ? 'agree' : 'DIFFER'}`,
    );
  }
  const results = { API: [], baseline: [] };
  const run = async (server, duration) => {
    await waitForIdle(monitor);
    if (scenario.prepare) scenario.requests = await scenario.prepare();
    return fire(server.port, scenario, duration);
  };
  if (options.warmup > 0) for (const server of servers) await run(server, options.warmup);
  for (let round = 0; round < options.rounds; round++) {
    for (const server of round % 2 === 0 ? servers : [...servers].reverse()) {
      const result = await run(server, options.duration);
      results[server.name].push(result);
      const statuses = Object.entries(result.statusCodeStats ?? {})
        .map(([code, { count }]) => `${code}×${count}`)
        .join(' ');
      log(
        `${scenario.name} · ${server.name} · run ${round + 1}: ${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms (${statuses})`,
      );
    }
  }
  const apiSummary = summarise(results.API);
  const baseSummary = summarise(results.baseline);
  return {
    scenario: scenario.name,
    value: round1(apiSummary.rps),
    unit: 'req/s',
    baseline: round1(baseSummary.rps),
    ratio: baseSummary.rps > 0 ? round2(apiSummary.rps / baseSummary.rps) : null,
    p50: apiSummary.p50,
    p99: apiSummary.p99,
    baselineP50: baseSummary.p50,
    baselineP99: baseSummary.p99,
    errors: apiSummary.errors,
    non2xx: apiSummary.non2xx,
    baselineErrors: baseSummary.errors,
    baselineNon2xx: baseSummary.non2xx,
    connections: options.connections,
    measures: scenario.measures,
  };
}

/** Document scenarios: seconds for one request and the peak RSS of the answering process, lower is better. */
async function runDocument(scenario, context) {
  const { api, baseline } = context;
  const results = { API: [], baseline: [] };
  const servers = [
    { name: 'API', port: api.port, pid: api.pid },
    { name: 'baseline', port: baseline.port, pid: baseline.pid },
  ];
  const once = async (server, label) => {
    await waitForIdle(context.monitor);
    const result = await measureDocument(server.pid, () => scenario.request(server));
    log(
      `${scenario.name} · ${server.name} · ${label}: ${result.seconds.toFixed(2)} s, peak RSS ${result.peakMB.toFixed(0)} MB, ` +
        `${result.status} ${result.note ?? ''}`,
    );
    return result;
  };
  // one long request each: no warm-up (the first run is a cold one; --rounds 3 for a median)
  for (let round = 0; round < options.rounds; round++) {
    for (const server of round % 2 === 0 ? servers : [...servers].reverse())
      results[server.name].push(await once(server, `run ${round + 1}`));
  }
  const failed = results.API.find((result) => result.status >= 300);
  if (failed) {
    log(`${scenario.name}: the API answered ${failed.status}: ${failed.text?.slice(0, 300)}`);
  }
  const baseFailed = results.baseline.find((result) => result.status >= 300);
  if (baseFailed)
    log(`${scenario.name}: the baseline answered ${baseFailed.status}: ${baseFailed.text?.slice(0, 300)}`);
  // a failed answer has no time worth comparing: value and ratio are null, `error` says why
  const value = failed ? null : median(results.API.map((result) => result.seconds));
  const base = baseFailed ? null : median(results.baseline.map((result) => result.seconds));
  let error;
  try {
    const body = failed ? JSON.parse(failed.text) : null;
    error = body ? `${failed.status} ${body.code}: ${body.message}` : undefined;
  } catch {
    error = `${failed.status}`;
  }
  return {
    scenario: scenario.name,
    value: value === null ? null : round2(value),
    unit: 's',
    baseline: base === null ? null : round2(base),
    ratio: value > 0 && base !== null ? round2(base / value) : null,
    ...(error ? { error, seconds: round2(median(results.API.map((result) => result.seconds))) } : {}),
    rssMB: Math.round(Math.max(...results.API.map((result) => result.peakMB))),
    baselineRssMB: Math.round(Math.max(...results.baseline.map((result) => result.peakMB))),
    status: failed?.status ?? results.API[0]?.status,
    baselineStatus: baseFailed?.status ?? results.baseline[0]?.status,
    rows: scenario.rows,
    bytes: results.API[0]?.bytes,
  };
}

/** The servers of one database: the API and the baseline, signed in. */
async function startServers(url, { baselineProcess }) {
  const api = await startApi(root, url, { pool: options.pool });
  const baseline = await startBaseline({ databaseUrl: url, poolSize: options.pool, process: baselineProcess });
  const monitor = new pg.Pool({ connectionString: url, max: 1 });
  const { cookie, csrfToken } = await login(api.url);
  const headers = { Cookie: cookie, 'Content-Type': 'application/json' };
  return {
    api,
    baseline,
    monitor,
    headers,
    writeHeaders: { ...headers, 'X-CSRF-Token': csrfToken },
    servers: [
      { name: 'API', port: api.port },
      { name: 'baseline', port: baseline.port },
    ],
    async stop() {
      await monitor.end().catch(() => {});
      await baseline.stop().catch((error) => log(`baseline stop: ${error.message}`));
      await api.stop();
    },
  };
}

const sameList = (a, b) =>
  a.total === b.total && a.items.map((item) => item.id).join() === b.items.map((item) => item.id).join();
const sameStatistics = (a, b) =>
  JSON.stringify({ ...a, generatedAt: null }) === JSON.stringify({ ...b, generatedAt: null });

function loadScenarios(fixtures, context, measures) {
  const { headers, writeHeaders, monitor } = context;
  return {
    'measure-list-unit': {
      name: 'measure-list-unit',
      method: 'GET',
      path: `/api/measures?unitId=${fixtures.unit.id}&sort=deadline&pageSize=20`,
      headers,
      same: sameList,
      measures,
    },
    'measure-list-all': {
      name: 'measure-list-all',
      method: 'GET',
      path: `/api/measures?pageSize=20`,
      headers,
      same: sameList,
      measures,
    },
    'measure-update': {
      name: 'measure-update',
      method: 'PATCH',
      headers: writeHeaders,
      requests: null,
      measures,
      prepare: async () => {
        const items = await readVersions(monitor, fixtures.measureIds);
        return () => updateRequests(items);
      },
      // the same answer but for what the second edit changes again (its version and time)
      same: (a, b) => {
        const strip = ({ version: _version, updatedAt: _updatedAt, ...rest }) => rest;
        return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
      },
      probe: async () => {
        const [item] = await readVersions(monitor, fixtures.measureIds.slice(0, 1));
        return {
          method: 'PATCH',
          path: `/api/measures/${item.id}`,
          body: JSON.stringify({ version: item.version, remarks: '压测探测' }),
        };
      },
    },
    statistics: {
      method: 'GET',
      path: `/api/inspections/${fixtures.inspection.id}/statistics`,
      headers,
      same: sameStatistics,
      measures,
    },
  };
}

async function main() {
  log(
    `${os.cpus().length} vCPU (load ${os.loadavg()[0].toFixed(1)}), Node ${process.version}; ${options.connections} connections, ${options.duration} s per run, ` +
      `${options.rounds} alternating runs per server after ${options.warmup} s of warm-up; pg pool ${options.pool}; scenarios ${only.join(', ')}`,
  );
  const server = await openBenchServer(root);
  cleanups.push(() => server.stop());
  log(
    server.embedded
      ? `embedded PostgreSQL on port ${server.port} (.data/pg-bench)`
      : 'PostgreSQL from BENCH_DATABASE_URL',
  );

  const lines = [];
  const emit = (line) => {
    lines.push(line);
    if (json) process.stdout.write(`${JSON.stringify(line)}\n`);
  };
  const seeded = [];

  // 1. the load scenarios of one dataset each: --measures, and --large-measures for statistics-600k
  const datasets = [
    {
      measures: options.measures,
      names: ['measure-list-unit', 'measure-list-all', 'measure-update', 'statistics-60k'].filter((name) =>
        only.includes(name),
      ),
    },
    { measures: options.largeMeasures, names: only.includes('statistics-600k') ? ['statistics-600k'] : [] },
  ];
  for (const dataset of datasets) {
    if (dataset.names.length === 0) continue;
    const { url, seedSeconds } = await datasetUrl(root, server, dataset.measures, log);
    if (seedSeconds !== null) seeded.push({ measures: dataset.measures, seconds: seedSeconds });
    const fixtures = await chooseFixtures(url, { poolSize: options.connections * 2 });
    log(
      `${dataset.measures} measures: unit ${fixtures.unit.name} (${fixtures.unit.measures} assigned measures), inspection with ` +
        `${fixtures.inspection.measures} measures, ${fixtures.measureIds.length} measures for the updates`,
    );
    const context = await startServers(url, { baselineProcess: false });
    cleanups.push(() => context.stop());
    try {
      const scenarios = loadScenarios(fixtures, context, dataset.measures);
      for (const name of dataset.names) {
        const scenario = scenarios[name] ?? { ...scenarios.statistics, name };
        emit(await runLoad(scenario, context));
      }
    } finally {
      cleanups.pop();
      await context.stop();
    }
  }

  // 2. the ledger workbook: one inspection of --xlsx-rows measures in a database of its own
  const documents = ['xlsx-export-60k', 'xlsx-import-60k'].filter((name) => only.includes(name));
  if (documents.length) {
    const fixture = await ledgerFixture(root, server, options.xlsxRows, log);
    if (fixture.seedSeconds !== null)
      seeded.push({ measures: `ledger ${options.xlsxRows}`, seconds: fixture.seedSeconds });
    const context = await startServers(fixture.url, { baselineProcess: true });
    cleanups.push(() => context.stop());
    try {
      const scenarios = {
        'xlsx-export-60k': {
          name: 'xlsx-export-60k',
          rows: options.xlsxRows,
          request: async (target) => {
            const answer = await download(
              target.port,
              context.headers,
              `/api/inspections/${fixture.inspectionId}/exports/ledger.xlsx`,
            );
            return { ...answer, note: `${(answer.bytes / 1024 / 1024).toFixed(1)} MB` };
          },
        },
        'xlsx-import-60k': {
          name: 'xlsx-import-60k',
          rows: options.xlsxRows,
          request: async (target) => {
            const inspectionId = await fixture.emptyCopy();
            const file = fs.readFileSync(fixture.file);
            let init;
            let requestPath = `/api/inspections/${inspectionId}/imports/ledger.xlsx`;
            if (target.name === 'API') {
              const form = new FormData();
              form.append('file', new Blob([file]), 'ledger.xlsx');
              requestPath += '?dryRun=false';
              init = {
                method: 'POST',
                body: form,
                headers: { Cookie: context.headers.Cookie, 'X-CSRF-Token': context.writeHeaders['X-CSRF-Token'] },
              };
            } else {
              init = {
                method: 'POST',
                body: file,
                headers: { ...context.writeHeaders, 'Content-Type': 'application/octet-stream' },
              };
            }
            const answer = await download(target.port, context.headers, requestPath, init);
            const created = await fixture.countMeasures(inspectionId);
            await fixture.drop(inspectionId);
            return { ...answer, note: `${created} measures created` };
          },
        },
      };
      for (const name of documents) emit(await runDocument(scenarios[name], context));
    } finally {
      cleanups.pop();
      await context.stop();
      await fixture.close();
    }
  }

  // 3. the province-size ledger as a background job (POST …/exports/ledger-jobs, poll, download the file), against
  // the raw server's direct streamed export of the same inspection
  if (only.includes('xlsx-export-600k')) {
    const fixture = await ledgerFixture(root, server, options.largeXlsxRows, log, { importFile: false });
    if (fixture.seedSeconds !== null)
      seeded.push({ measures: `ledger ${options.largeXlsxRows}`, seconds: fixture.seedSeconds });
    const context = await startServers(fixture.url, { baselineProcess: true });
    cleanups.push(() => context.stop());
    try {
      const exportPath = `/api/inspections/${fixture.inspectionId}/exports/ledger.xlsx`;
      const scenario = {
        name: 'xlsx-export-600k',
        rows: options.largeXlsxRows,
        request: async (target) => {
          if (target.name !== 'API') return download(target.port, context.headers, exportPath);
          const answer = await exportJob(target.port, context, fixture.inspectionId);
          return { ...answer, note: answer.note ?? `${(answer.bytes / 1024 / 1024).toFixed(1)} MB` };
        },
      };
      const missing = await exportJobRouteMissing(context);
      if (missing) {
        log(`xlsx-export-600k: skipped: ${missing}`);
        emit({ scenario: 'xlsx-export-600k', skipped: missing });
      } else emit(await runDocument(scenario, context));
    } finally {
      cleanups.pop();
      await context.stop();
      await fixture.close();
    }
  }

  const rows = [];
  for (const line of lines) {
    if (line.skipped) {
      rows.push({
        scenario: line.scenario,
        server: 'API',
        rps: `skipped: ${line.skipped}`,
        p50: '',
        p99: '',
        errors: '',
        ratio: '',
      });
      continue;
    }
    const time = line.unit === 's';
    rows.push({
      scenario: line.scenario,
      server: 'API',
      rps: time
        ? line.value === null
          ? `failed: ${line.error}`
          : `${line.value.toFixed(2)} s, ${line.rssMB} MB`
        : `${line.value.toFixed(0)} req/s`,
      p50: time ? '' : line.p50.toFixed(1),
      p99: time ? '' : line.p99.toFixed(1),
      errors: time ? `${line.status}` : `${line.errors}/${line.non2xx}`,
      ratio: line.ratio === null ? '' : line.ratio.toFixed(2),
    });
    rows.push({
      scenario: '',
      server: 'baseline',
      rps: time
        ? line.baseline === null
          ? 'failed'
          : `${line.baseline.toFixed(2)} s, ${line.baselineRssMB} MB`
        : `${line.baseline.toFixed(0)} req/s`,
      p50: time ? '' : line.baselineP50.toFixed(1),
      p99: time ? '' : line.baselineP99.toFixed(1),
      errors: time ? `${line.baselineStatus}` : `${line.baselineErrors}/${line.baselineNon2xx}`,
      ratio: '',
    });
  }
  printTable(rows, json ? console.error : console.log);
  log(
    `load average at the end: ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(' / ')}`,
  );
  for (const { measures, seconds } of seeded) log(`seeded ${measures} measures in ${seconds.toFixed(1)} s`);
}

try {
  await main();
} catch (error) {
  console.error(`[bench] ${error.stack ?? error.message}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
