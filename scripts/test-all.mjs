#!/usr/bin/env node
// `npm test`: every tier against a real PostgreSQL — TEST_DATABASE_URL when set, else one embedded server for the
// run — then a table of the tiers with their time and the closing line "N passed, N failed" totalling them. Each
// runner prints its normal summary too. `npm test -- --only api,web` runs a set of tiers (docs/testing.md).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, dropDatabase, freePort, startEmbedded, withDatabase } from '@zhenggai/devdb';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const TIERS = ['lint', 'bundle', 'domain', 'notice-parser', 'api', 'drills', 'web', 'browser'];
const ALIASES = { e2e: 'browser', budget: 'bundle', parser: 'notice-parser' };
function selectedTiers(argv) {
  const at = argv.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  if (at < 0) return new Set(TIERS);
  const value = argv[at].includes('=') ? argv[at].slice('--only='.length) : argv[at + 1];
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => ALIASES[name] ?? name);
  const unknown = names.filter((name) => !TIERS.includes(name));
  if (names.length === 0 || unknown.length > 0) {
    console.error(
      `--only takes a comma-separated list of tiers: ${TIERS.join(', ')}${unknown.length ? ` (not: ${unknown.join(', ')})` : ''}`,
    );
    process.exit(2);
  }
  return new Set(names);
}
const only = selectedTiers(process.argv.slice(2));
const results = path.join(root, '.data', 'test-results');
fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });
// Two checkouts can test at once: every port is chosen free at run time, and everything the run writes (temporary
// files, jest's cache, the browser profile, the databases) stays under this checkout.
const tmp = path.join(root, '.data', 'tmp');
fs.rmSync(tmp, { recursive: true, force: true });
fs.mkdirSync(tmp, { recursive: true });
process.env.TMPDIR = tmp;

// Asynchronous on purpose: the embedded test PostgreSQL is a child of this process and writes its log into a pipe
// that this event loop drains. A spawnSync here would block the loop for a whole tier; the pipe would fill and every
// PostgreSQL backend that logs (a cancelled statement, a dropped database) would stall until the tier's hooks timed out.
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      ...options,
      env: { ...process.env, ...options.env },
    });
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function hasCjkFont() {
  const result = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim().length > 0;
}

// The browser tier needs Debian's Chromium and a CJK font; install them when missing (as root, like CI).
async function ensureBrowser() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(chromium) && hasCjkFont()) return;
  if (process.getuid?.() !== 0) {
    console.error(`Browser tests need ${chromium} and a CJK font: sudo apt-get install -y chromium fonts-noto-cjk`);
    process.exit(1);
  }
  console.log('Installing chromium and fonts-noto-cjk (apt-get)…');
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (
    (await run('apt-get', ['update', '-qq'], { env })) !== 0 ||
    (await run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { env })) !== 0
  ) {
    console.error('apt-get could not install chromium and fonts-noto-cjk');
    process.exit(1);
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const tiers = [];
function record(name, exitCode, counts, startedAt) {
  // a runner that crashed before writing its report counts as one failure, so a broken tier is never silent
  const safe = counts ?? { passed: 0, failed: 1 };
  const failed = safe.failed + (exitCode !== 0 && safe.failed === 0 ? 1 : 0);
  tiers.push({ name, passed: safe.passed, failed, seconds: (performance.now() - startedAt) / 1000 });
}

// jest and vitest write the same JSON shape; a file that failed to load has no test results but counts as a failure
function countsOf(report) {
  if (!report) return null;
  const broken = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
  ).length;
  return { passed: report.numPassedTests, failed: report.numFailedTests + broken };
}

async function vitestTier(name, workspace) {
  if (!only.has(name)) return;
  const startedAt = performance.now();
  const out = path.join(results, `${name}.json`);
  const code = await run('npm', [
    'test',
    '-w',
    workspace,
    '--',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  record(name, code, countsOf(readJson(out)), startedAt);
}

const runStartedAt = performance.now();
if (only.has('browser')) await ensureBrowser();
// the browser tier serves the build, and the bundle budget reads it; the other tiers test the sources
if (only.has('browser') || only.has('bundle')) {
  if ((await run('node', ['scripts/build.mjs', '--if-stale'])) !== 0) process.exit(1);
}
if (only.has('lint')) {
  // ESLint over the tree, and the walls' check on planted violations (scripts/lint.mjs)
  const startedAt = performance.now();
  const out = path.join(results, 'lint.json');
  record('lint', await run('node', ['scripts/lint.mjs', '--json', out]), readJson(out), startedAt);
}
if (only.has('bundle')) {
  // the login route's JavaScript budget (docs/performance.md), checked on the build the browser tier serves
  const startedAt = performance.now();
  const bundleCode = await run('node', ['scripts/bundle-report.mjs']);
  record('bundle', bundleCode, { passed: bundleCode === 0 ? 1 : 0, failed: bundleCode === 0 ? 0 : 1 }, startedAt);
}

let serverUrl = process.env.TEST_DATABASE_URL;
let embedded = null;
if (!serverUrl && (only.has('api') || only.has('drills') || only.has('browser'))) {
  embedded = await startEmbedded({
    dataDir: path.join(root, '.data', `pg-test-${process.pid}`),
    port: Number(process.env.EMBEDDED_PG_TEST_PORT ?? 0),
    persistent: false,
    durable: false,
  });
  serverUrl = embedded.url;
  console.log(`Embedded PostgreSQL for the tests on port ${embedded.port}`);
}

try {
  await vitestTier('domain', '@zhenggai/domain');
  await vitestTier('notice-parser', '@zhenggai/notice-parser');

  if (only.has('api')) {
    const startedAt = performance.now();
    const apiOut = path.join(results, 'api.json');
    const apiCode = await run('npm', ['test', '-w', '@zhenggai/api', '--', '--json', `--outputFile=${apiOut}`], {
      env: { TEST_DATABASE_URL: serverUrl },
    });
    record('api', apiCode, countsOf(readJson(apiOut)), startedAt);
  }

  if (only.has('drills')) await drillsTier();

  await vitestTier('web', '@zhenggai/web');

  if (only.has('browser')) await browserTier();
} finally {
  if (embedded) await embedded.stop();
}

// the reliability drills (apps/api/test/drills): jest like the API tier, then one table of their figures
async function drillsTier() {
  const startedAt = performance.now();
  const out = path.join(results, 'drills.json');
  const figuresDir = path.join(results, 'drills');
  const code = await run('npm', ['run', 'test:drills', '-w', '@zhenggai/api', '--', '--json', `--outputFile=${out}`], {
    env: { TEST_DATABASE_URL: serverUrl, DRILL_FIGURES_DIR: figuresDir },
  });
  record('drills', code, countsOf(readJson(out)), startedAt);
  const drills = fs.existsSync(figuresDir)
    ? fs
        .readdirSync(figuresDir)
        .sort()
        .map((file) => readJson(path.join(figuresDir, file)))
        .filter(Boolean)
    : [];
  console.log('\nDrills (docs/security.md › Figures to report):');
  for (const drill of drills) {
    const figures = Object.entries(drill.figures)
      .map(([name, value]) => `${name} ${value}`)
      .join(' · ');
    console.log(`  ${drill.id.padEnd(4)} ${drill.title}: ${figures}`);
  }
  if (drills.length === 0) console.log('  (no figures recorded)');
}

async function browserTier() {
  const startedAt = performance.now();
  const e2eDb = 'zhenggai_e2e';
  await dropDatabase(serverUrl, e2eDb);
  await createDatabase(serverUrl, e2eDb);
  const e2eOut = path.join(results, 'e2e.json');
  const e2ePort = process.env.E2E_PORT ?? String(await freePort());
  const e2eCode = await run('npx', ['playwright', 'test'], {
    env: { DATABASE_URL: withDatabase(serverUrl, e2eDb), PLAYWRIGHT_JSON_OUTPUT_NAME: e2eOut, E2E_PORT: e2ePort },
  });
  const e2e = readJson(e2eOut);
  record(
    'browser',
    e2eCode,
    e2e && { passed: e2e.stats.expected + e2e.stats.flaky, failed: e2e.stats.unexpected },
    startedAt,
  );
  await dropDatabase(serverUrl, e2eDb).catch(() => undefined);
}

const totalSeconds = (performance.now() - runStartedAt) / 1000;
console.log('\nTest tiers:');
for (const tier of tiers) {
  const counts = `${tier.passed} passed, ${tier.failed} failed`;
  console.log(`  ${tier.name.padEnd(14)} ${counts.padEnd(22)} ${tier.seconds.toFixed(0).padStart(5)} s`);
}
console.log(`  ${'all'.padEnd(14)} ${''.padEnd(22)} ${totalSeconds.toFixed(0).padStart(5)} s`);
const passed = tiers.reduce((sum, tier) => sum + tier.passed, 0);
const failed = tiers.reduce((sum, tier) => sum + tier.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
