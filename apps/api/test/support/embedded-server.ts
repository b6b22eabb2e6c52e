import { fork } from 'node:child_process';
import path from 'node:path';

export interface OwnServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Kills the server as a crash would (immediate shutdown, SIGQUIT): the next start runs crash recovery. */
  crash(): Promise<void>;
}

/**
 * Starts a PostgreSQL server of the test's own (startEmbedded from @zhenggai/devdb, in a child process) — for specs
 * that stop (or crash) and restart it; the shared test server is never touched. `persistent` keeps dataDir when it stops.
 */
export function startOwnServer(dataDir: string, port: number, persistent: boolean): Promise<OwnServer> {
  const child = fork(path.join(__dirname, 'pg-child.mjs'), [dataDir, String(port), String(persistent)], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the embedded PostgreSQL exited (${code}) before it was ready`)));
    child.once('message', (message: { url: string; port: number }) =>
      resolve({
        ...message,
        async stop() {
          if (child.exitCode === null) child.send('stop');
          await exited;
        },
        async crash() {
          if (child.exitCode === null) child.send('crash');
          await exited;
        },
      }),
    );
  });
}
