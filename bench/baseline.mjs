// Starts the raw baseline server (baseline-worker.mjs) in a worker thread of the bench process.
import { Worker } from 'node:worker_threads';

export async function startBaseline({ databaseUrl, poolSize, statementTimeoutMs = 15000 }) {
  const worker = new Worker(new URL('./baseline-worker.mjs', import.meta.url), {
    workerData: { databaseUrl, poolSize, statementTimeoutMs },
  });
  const port = await new Promise((resolve, reject) => {
    worker.once('message', (message) => resolve(message.port));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`baseline worker exited with code ${code}`)));
  });
  return {
    port,
    async stop() {
      const stopped = new Promise((resolve) => worker.on('message', (message) => message.stopped && resolve()));
      worker.postMessage('stop');
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 5000))]);
      await worker.terminate();
    },
  };
}
