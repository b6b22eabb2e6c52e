#!/usr/bin/env node
// npm run bench [-- --duration 10 --connections 50 --measures 60000 --warmup 3 --rounds 2]
// The real API (a child process) against a raw node:http + pg baseline (a worker thread of this process), on the same
// database, the same three scenarios and the same SQL. Runs alternate API and baseline; the table shows medians.
// Method and figures: docs/performance.md. Never part of `npm test`.
import autocannon from 'autocannon';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startBaseline } from './baseline.mjs';
import { login, startApi } from './api.mjs';
import { chooseFixtures, countScaleMeasures, openBenchDatabase, readVersions, runSeeder } from './database.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    measures: { type: 'string', default: '60000' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
    pool: { type: 'string', default: '10' },
  },
});
const options = Object.fromEntries(Object.entries(flags).map(([key, value]) => [key, Number(value)]));
for (const [key, value] of Object.entries(options)) {
  if (!Number.isInteger(value) || value < (key === 'warmup' ? 0 : 1)) {
    console.error(`--${key} must be a whole number`);
    process.exit(1);
  }
}

const log = (message) => console.log(`[bench] ${message}`);
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

function fire(port, headers, scenario, duration) {
  return autocannon({
    url: `http://127.0.0.1:${port}${scenario.path ?? ''}`,
    connections: options.connections,
    duration,
    pipelining: 1,
    timeout: 30,
    headers,
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

function printTable(rows) {
  const header = ['scenario', 'server', 'req/s', 'p50 ms', 'p99 ms', 'errors/non-2xx', 'API/baseline'];
  const lines = rows.map((row) => [row.scenario, row.server, row.rps, row.p50, row.p99, row.errors, row.ratio]);
  const widths = header.map((title, index) =>
    Math.max(title.length, ...lines.map((line) => String(line[index]).length)),
  );
  const format = (cells) =>
    cells
      .map((cell, index) => (index < 2 ? String(cell).padEnd(widths[index]) : String(cell).padStart(widths[index])))
      .join('  ');
  console.log(`\n${format(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  for (const line of lines) console.log(format(line));
}

async function main() {
  log(
    `${os.cpus().length} vCPU (load ${os.loadavg()[0].toFixed(1)}), Node ${process.version}; ${options.connections} connections, ${options.duration} s per run, ` +
      `${options.rounds} alternating runs per server after ${options.warmup} s of warm-up; pg pool ${options.pool}`,
  );
  const database = await openBenchDatabase(root);
  cleanups.push(() => database.stop());
  log(
    database.embedded
      ? `embedded PostgreSQL on port ${database.port} (.data/pg-bench)`
      : 'PostgreSQL from BENCH_DATABASE_URL',
  );

  let seedSeconds = null;
  const existing = await countScaleMeasures(database.url);
  if (existing !== options.measures) {
    if (existing > 0 && !database.embedded) {
      log(`the database holds ${existing} scale measures (not ${options.measures}); using them as they are`);
    } else {
      log(
        existing > 0
          ? `re-seeding: ${existing} scale measures present, ${options.measures} wanted`
          : `seeding ${options.measures} measures`,
      );
      const started = Date.now();
      await runSeeder(root, database.url, { measures: options.measures, reset: existing > 0 });
      seedSeconds = (Date.now() - started) / 1000;
    }
  } else {
    log(`reusing ${existing} scale measures`);
  }

  const fixtures = await chooseFixtures(database.url, { poolSize: options.connections * 2 });
  log(
    `unit ${fixtures.unit.name} (${fixtures.unit.measures} assigned measures), inspection with ${fixtures.inspection.measures} measures, ` +
      `${fixtures.measureIds.length} measures for the updates`,
  );

  const api = await startApi(root, database.url, { pool: options.pool });
  cleanups.push(() => api.stop());
  const baseline = await startBaseline({ databaseUrl: database.url, poolSize: options.pool });
  cleanups.push(() => baseline.stop());
  const monitor = new pg.Pool({ connectionString: database.url, max: 1 });
  cleanups.push(() => monitor.end());

  const { cookie, csrfToken } = await login(api.url);
  const headers = { Cookie: cookie, 'Content-Type': 'application/json' };
  const writeHeaders = { ...headers, 'X-CSRF-Token': csrfToken };
  const servers = [
    { name: 'API', port: api.port },
    { name: 'baseline', port: baseline.port },
  ];

  const scenarios = [
    {
      name: 'measure list, one unit',
      method: 'GET',
      path: `/api/measures?unitId=${fixtures.unit.id}&sort=deadline&pageSize=20`,
      headers,
      same: (a, b) =>
        a.total === b.total && a.items.map((item) => item.id).join() === b.items.map((item) => item.id).join(),
    },
    {
      name: 'inspection statistics',
      method: 'GET',
      path: `/api/inspections/${fixtures.inspection.id}/statistics`,
      headers,
      same: (a, b) => JSON.stringify({ ...a, generatedAt: null }) === JSON.stringify({ ...b, generatedAt: null }),
    },
    {
      name: 'update with version check',
      method: 'PATCH',
      headers: writeHeaders,
      requests: null,
      prepare: async () => {
        const items = await readVersions(monitor, fixtures.measureIds);
        return () => updateRequests(items);
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
  ];

  const rows = [];
  for (const scenario of scenarios) {
    const probe = scenario.probe ? await scenario.probe() : { method: scenario.method, path: scenario.path };
    const first = await call(api.port, scenario.headers, probe);
    if (scenario.probe && (first.status === 404 || first.status === 405)) {
      log(`${scenario.name}: skipped: route missing (the API answered ${first.status} to PATCH)`);
      rows.push({
        scenario: scenario.name,
        server: 'API',
        rps: 'skipped: route missing',
        p50: '',
        p99: '',
        errors: '',
        ratio: '',
      });
      continue;
    }
    if (first.status >= 300) {
      log(
        `${scenario.name}: skipped: the API answered ${first.status} ${first.json?.code ?? ''} ${JSON.stringify(first.json?.errors ?? '')}`,
      );
      rows.push({
        scenario: scenario.name,
        server: 'API',
        rps: `skipped: ${first.status}`,
        p50: '',
        p99: '',
        errors: '',
        ratio: '',
      });
      continue;
    }
    if (scenario.same) {
      const other = await call(baseline.port, scenario.headers, probe);
      log(`${scenario.name}: API and baseline answers ${scenario.same(first.json, other.json) ? 'agree' : 'DIFFER'}`);
    }

    const results = { API: [], baseline: [] };
    const run = async (server, duration) => {
      await waitForIdle(monitor);
      if (scenario.prepare) scenario.requests = await scenario.prepare();
      return fire(server.port, scenario.headers, scenario, duration);
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
    for (const [server, summary] of [
      ['API', apiSummary],
      ['baseline', baseSummary],
    ]) {
      rows.push({
        scenario: scenario.name,
        server,
        rps: summary.rps.toFixed(0),
        p50: summary.p50.toFixed(1),
        p99: summary.p99.toFixed(1),
        errors: `${summary.errors}/${summary.non2xx}`,
        ratio: server === 'API' ? (apiSummary.rps / baseSummary.rps).toFixed(2) : '',
      });
    }
  }

  printTable(rows);
  log(
    `load average at the end: ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(' / ')}`,
  );
  if (seedSeconds !== null)
    console.log(
      `\nseeded ${options.measures} measures in ${seedSeconds.toFixed(1)} s (including migrations and the demo dataset)`,
    );
}

try {
  await main();
} catch (error) {
  console.error(`[bench] ${error.stack ?? error.message}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
