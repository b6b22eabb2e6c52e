// node --test bench/run.test.mjs (npm run test:bench): `npm run bench -- --json` prints one parseable JSON object a
// line and nothing else on stdout. A tiny dataset (600 measures) in an embedded PostgreSQL of its own
// (.data/pg-bench-test, removed afterwards); needs the built API (node scripts/build.mjs --if-stale --only-api).
// Not part of `npm test`: it starts a database and the API and takes 30–60 s on two busy cores.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function runBench(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bench/run.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

test('--json prints one JSON object a line per scenario, nothing else', { timeout: 180_000 }, async () => {
  const dataDir = path.join(root, '.data/pg-bench-test');
  fs.rmSync(dataDir, { recursive: true, force: true });
  try {
    const { code, stdout, stderr } = await runBench(
      [
        '--json',
        '--only',
        'measure-list-unit',
        '--measures',
        '600',
        '--duration',
        '1',
        '--rounds',
        '1',
        '--warmup',
        '0',
      ],
      { BENCH_PG_DIR: dataDir, BENCH_PG_PORT: '54449', BENCH_DATABASE_URL: '' },
    );
    assert.equal(code, 0, stderr);
    const lines = stdout.trim().split('\n');
    assert.equal(lines.length, 1, stdout);
    const line = JSON.parse(lines[0]);
    assert.equal(line.scenario, 'measure-list-unit');
    assert.equal(line.unit, 'req/s');
    for (const key of ['value', 'baseline', 'ratio', 'p50', 'p99']) assert.equal(typeof line[key], 'number', key);
    assert.ok(line.value > 0 && line.baseline > 0);
    assert.equal(line.ratio, Math.round((line.value / line.baseline) * 100) / 100);
    assert.equal(line.non2xx + line.errors, 0);
    assert.match(stderr, /API and baseline answers agree/);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('--only refuses an unknown scenario', async () => {
  const { code, stdout, stderr } = await runBench(['--json', '--only', 'nope']);
  assert.equal(code, 1);
  assert.equal(stdout, '');
  assert.match(stderr, /unknown scenario nope/);
});
