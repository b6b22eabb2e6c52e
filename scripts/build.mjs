#!/usr/bin/env node
// Builds the workspaces in dependency order. With --if-stale, a workspace is rebuilt only when a source file is
// newer than its last build, so `npm start` on a built checkout starts at once.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ifStale = process.argv.includes('--if-stale');
// --only-api: what the API needs, for regenerating the OpenAPI document before the client exists
const onlyApi = process.argv.includes('--only-api');

const steps = [
  { name: '@zhenggai/domain', dir: 'packages/domain', inputs: ['src', 'tsconfig.build.json'] },
  { name: '@zhenggai/notice-parser', dir: 'packages/notice-parser', inputs: ['src', 'tsconfig.build.json'] },
  { name: '@zhenggai/migrations', dir: 'migrations', inputs: ['.', 'tsconfig.json'], skip: ['dist'] },
  {
    name: '@zhenggai/api',
    dir: 'apps/api',
    inputs: [
      'src',
      'tsconfig.json',
      'tsconfig.build.json',
      '../../packages/domain/src',
      '../../packages/notice-parser/src',
      '../../migrations',
    ],
    skip: ['dist', 'node_modules'],
  },
  { name: '@zhenggai/api-client', dir: 'packages/api-client', inputs: ['src', 'tsconfig.json'] },
  {
    name: '@zhenggai/web',
    dir: 'apps/web',
    inputs: [
      'src',
      'index.html',
      'vite.config.ts',
      'public',
      '../../packages/domain/src',
      '../../packages/api-client/src',
    ],
    skip: ['dist', 'node_modules'],
  },
];

function newestMtime(target, skip) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) {
    if (skip.includes(entry) || entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry), skip));
  }
  return newest;
}

let failed = false;
for (const step of steps) {
  if (onlyApi && (step.name === '@zhenggai/api-client' || step.name === '@zhenggai/web')) continue;
  const dir = path.join(root, step.dir);
  const stamp = path.join(dir, 'dist', '.build-stamp');
  if (ifStale && fs.existsSync(stamp)) {
    const built = fs.statSync(stamp).mtimeMs;
    const changed = step.inputs.some((input) => newestMtime(path.join(dir, input), step.skip ?? []) > built);
    if (!changed) continue;
  }
  const started = Date.now();
  process.stdout.write(`build ${step.name} … `);
  const result = spawnSync('npm', ['run', 'build', '-w', step.name, '--silent'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    console.log('failed');
    process.stderr.write(result.stdout + result.stderr);
    failed = true;
    break;
  }
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, new Date().toISOString());
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
}
process.exit(failed ? 1 : 0);
