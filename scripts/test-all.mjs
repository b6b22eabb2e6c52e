#!/usr/bin/env node
// `npm test`: every tier against a real PostgreSQL — TEST_DATABASE_URL when set, else one embedded server for the
// run — then the closing line "N passed, N failed" totalling all tiers. Each runner prints its normal summary too.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, dropDatabase, freePort, startEmbedded, withDatabase } from '@zhenggai/devdb';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, '.data', 'test-results');
fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });
// Two checkouts can test at once: every port is chosen free at run time, and everything the run writes (temporary
// files, jest's cache, the browser profile, the databases) stays under this checkout.
const tmp = path.join(root, '.data', 'tmp');
fs.rmSync(tmp, { recursive: true, force: true });
fs.mkdirSync(tmp, { recursive: true });
process.env.TMPDIR = tmp;

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    ...options,
    env: { ...process.env, ...options.env },
  });
  return result.status ?? 1;
}

function hasCjkFont() {
  const result = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim().length > 0;
}

// The browser tier needs Debian's Chromium and a CJK font; install them when missing (as root, like CI).
function ensureBrowser() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(chromium) && hasCjkFont()) return;
  if (process.getuid?.() !== 0) {
    console.error(`Browser tests need ${chromium} and a CJK font: sudo apt-get install -y chromium fonts-noto-cjk`);
    process.exit(1);
  }
  console.log('Installing chromium and fonts-noto-cjk (apt-get)…');
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (
    run('apt-get', ['update', '-qq'], { env }) !== 0 ||
    run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { env }) !== 0
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
function record(name, exitCode, counts) {
  // a runner that crashed before writing its report counts as one failure, so a broken tier is never silent
  const safe = counts ?? { passed: 0, failed: 1 };
  const failed = safe.failed + (exitCode !== 0 && safe.failed === 0 ? 1 : 0);
  tiers.push({ name, passed: safe.passed, failed });
}

// jest and vitest write the same JSON shape; a file that failed to load has no test results but counts as a failure
function countsOf(report) {
  if (!report) return null;
  const broken = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
  ).length;
  return { passed: report.numPassedTests, failed: report.numFailedTests + broken };
}

function vitestTier(name, workspace) {
  const out = path.join(results, `${name}.json`);
  const code = run('npm', [
    'test',
    '-w',
    workspace,
    '--',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  record(name, code, countsOf(readJson(out)));
}

ensureBrowser();
if (run('node', ['scripts/build.mjs', '--if-stale']) !== 0) process.exit(1);
// the login route's JavaScript budget (docs/performance.md), checked on the build the browser tier serves
const bundleCode = run('node', ['scripts/bundle-report.mjs']);
record('bundle budget', bundleCode, { passed: bundleCode === 0 ? 1 : 0, failed: bundleCode === 0 ? 0 : 1 });

let serverUrl = process.env.TEST_DATABASE_URL;
let embedded = null;
if (!serverUrl) {
  embedded = await startEmbedded({
    dataDir: path.join(root, '.data', `pg-test-${process.pid}`),
    port: Number(process.env.EMBEDDED_PG_TEST_PORT ?? 0),
    persistent: false,
  });
  serverUrl = embedded.url;
  console.log(`Embedded PostgreSQL for the tests on port ${embedded.port}`);
}

try {
  vitestTier('domain', '@zhenggai/domain');
  vitestTier('notice-parser', '@zhenggai/notice-parser');

  const apiOut = path.join(results, 'api.json');
  const apiCode = run('npm', ['test', '-w', '@zhenggai/api', '--', '--json', `--outputFile=${apiOut}`], {
    env: { TEST_DATABASE_URL: serverUrl },
  });
  record('api', apiCode, countsOf(readJson(apiOut)));

  vitestTier('web', '@zhenggai/web');

  const e2eDb = 'zhenggai_e2e';
  await dropDatabase(serverUrl, e2eDb);
  await createDatabase(serverUrl, e2eDb);
  const e2eOut = path.join(results, 'e2e.json');
  const e2ePort = process.env.E2E_PORT ?? String(await freePort());
  const e2eCode = run('npx', ['playwright', 'test'], {
    env: { DATABASE_URL: withDatabase(serverUrl, e2eDb), PLAYWRIGHT_JSON_OUTPUT_NAME: e2eOut, E2E_PORT: e2ePort },
  });
  const e2e = readJson(e2eOut);
  record('browser', e2eCode, e2e && { passed: e2e.stats.expected + e2e.stats.flaky, failed: e2e.stats.unexpected });
  await dropDatabase(serverUrl, e2eDb).catch(() => undefined);
} finally {
  if (embedded) await embedded.stop();
}

console.log('\nTest tiers:');
for (const tier of tiers) console.log(`  ${tier.name.padEnd(14)} ${tier.passed} passed, ${tier.failed} failed`);
const passed = tiers.reduce((sum, tier) => sum + tier.passed, 0);
const failed = tiers.reduce((sum, tier) => sum + tier.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
