// Starts the raw baseline server (baseline-worker.mjs) in a worker thread of the bench process, or, with
// `process: true`, as a child process of its own (so that its memory can be measured apart: `pid`).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export async function startBaseline({ databaseUrl, poolSize, statementTimeoutMs = 15000, process: own = false }) {
  const config = { databaseUrl, poolSize, statementTimeoutMs };
  const script = new URL('./baseline-worker.mjs', import.meta.url);
  const runner = own
    ? fork(fileURLToPath(script), [], {
        env: { ...process.env, BENCH_BASELINE: JSON.stringify(config) },
        // stdout stays clean for --json
        stdio: ['ignore', 2, 2, 'ipc'],
      })
    : new Worker(script, { workerData: config });
  const port = await new Promise((resolve, reject) => {
    runner.once('message', (message) => resolve(message.port));
    runner.once('error', reject);
    runner.once('exit', (code) => reject(new Error(`baseline ${own ? 'process' : 'worker'} exited with code ${code}`)));
  });
  return {
    port,
    pid: own ? runner.pid : process.pid,
    async stop() {
      const stopped = new Promise((resolve) => runner.on('message', (message) => message.stopped && resolve()));
      if (own) {
        if (runner.connected) runner.send('stop');
      } else runner.postMessage('stop');
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (own) {
        if (runner.exitCode === null) runner.kill('SIGKILL');
      } else await runner.terminate();
    },
  };
}
