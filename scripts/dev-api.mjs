#!/usr/bin/env node
// `npm run dev:api`: the TypeScript compiler in watch mode and the API restarted by Node whenever its output changes.
import { spawn, spawnSync } from 'node:child_process';

const build = spawnSync('node', ['scripts/build.mjs', '--if-stale', '--only-api'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const children = [
  spawn('npx', ['tsc', '-p', 'apps/api/tsconfig.build.json', '--watch', '--preserveWatchOutput'], { stdio: 'inherit' }),
  spawn('node', ['--watch-path=apps/api/dist', 'apps/api/dist/main.js'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
