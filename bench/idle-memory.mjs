// Idle memory of the API process (docs/performance.md › Idle memory of the API process): starts the built API as the
// bench does (NODE_ENV=production, the 60k ledger database), reads its RSS and process.memoryUsage() after boot and
// after a warm-up of a few requests. Usage: node bench/idle-memory.mjs [--probe <file.mjs>] (needs the built API and
// the dataset: npm run bench -- --only xlsx-export-60k once).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { login, startApi } from './api.mjs';
import { openBenchServer } from './database.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rssMB = (pid) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const server = await openBenchServer(root);
// the ledger scenarios' database (`npm run bench -- --only xlsx-export-60k` seeds it): the demo officer signs in there
const url = await server.database('zhenggai_bench_ledger_60000');
const api = await startApi(root, url, { env: JSON.parse(process.env.IDLE_ENV ?? '{}') });
try {
  await sleep(3000);
  const boot = rssMB(api.pid);
  const { cookie } = await login(api.url);
  const headers = { cookie };
  const statuses = new Set();
  for (let round = 0; round < 5; round += 1) {
    for (const route of [
      '/api/auth/me',
      '/api/inspections',
      '/api/problems?pageSize=20',
      '/api/measures?pageSize=20',
      '/api/notifications',
    ]) {
      const response = await fetch(`${api.url}${route}`, { headers });
      await response.arrayBuffer();
      statuses.add(response.status);
    }
  }
  await sleep(3000);
  const warm = rssMB(api.pid);
  console.log(JSON.stringify({ bootRssMB: +boot.toFixed(1), warmRssMB: +warm.toFixed(1), statuses: [...statuses] }));
  if (process.env.IDLE_SIGNAL) {
    process.kill(api.pid, process.env.IDLE_SIGNAL);
    await sleep(Number(process.env.IDLE_SIGNAL_WAIT ?? 2000));
  }
} finally {
  await api.stop();
  await server.stop();
}
