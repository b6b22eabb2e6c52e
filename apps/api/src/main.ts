import 'reflect-metadata';
import { ensureDatabase } from '@zhenggai/devdb';
import { chinaDate } from '@zhenggai/domain';
import fs from 'node:fs';
import type http from 'node:http';
import { createApp } from './app.factory.js';
import { SecretBox } from './common/crypto/secret-box.js';
import { loadSecretKey } from './common/crypto/secret-key.js';
import { sealPlainSecrets } from './common/crypto/sealed-secrets.js';
import { ShutdownState } from './common/shutdown-state.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { applyHeapGrowth } from './config/heap-growth.js';
import { openDatabase, withStartupLock } from './database/open-database.js';
import { closeConnectionsWhile, drainHttpServer } from './drain.js';
import { DEFAULT_WEB_DIST, DEMO_NOTICE_FILE } from './paths.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isDatabaseEmpty, loadDemoData } from './modules/seed/demo-seed.js';

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : String(error));
  }
  // before the application's own allocations, so that every full collection sizes the heap by it
  applyHeapGrowth(config.HEAP_GROWING_PERCENT);
  let secretBox: SecretBox;
  try {
    const secretKey = loadSecretKey(config);
    secretBox = new SecretBox(secretKey.key);
    if (secretKey.generated)
      console.log(`Secret key generated in ${secretKey.file} (keep it; back it up apart from the database)`);
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : String(error));
  }
  const db = await ensureDatabase({
    url: config.DATABASE_URL,
    dataDir: config.EMBEDDED_PG_DIR,
    port: config.EMBEDDED_PG_PORT,
  }).catch((error: Error) => fail(`PostgreSQL: ${error.message}`));
  if (db.embedded) console.log(`Embedded PostgreSQL on port ${db.port}, data in ${db.dataDir}`);

  const dataSource = await openDatabase(db.url, config).catch(async (error: Error) => {
    await db.stop();
    return fail(`Database: ${error.message}`);
  });

  // secrets:migrate — TOTP and webhook secrets stored before encryption at rest are sealed once, in one transaction
  // (replicas started together: one after the other, the later ones find nothing left to seal)
  const sealed = await withStartupLock(db.url, () => sealPlainSecrets(dataSource, secretBox)).catch(
    async (error: Error) => {
      await db.stop();
      return fail(`Sealing secrets at rest: ${error.message}`);
    },
  );
  if (sealed > 0) console.log(`Sealed ${sealed} secret(s) stored in plain text (secrets:migrate).`);

  // replicas started together: the first loads the demo, the others find the database no longer empty
  const demoLoaded =
    config.DEMO_DATA === 'auto' &&
    (await withStartupLock(db.url, async () => {
      if (!(await isDatabaseEmpty(dataSource))) return false;
      const result = await loadDemoData(dataSource, fs.readFileSync(DEMO_NOTICE_FILE, 'utf8'), {
        today: chinaDate(new Date()),
      });
      console.log(`Demo data loaded: ${result.problems} problems, ${result.measures} measures, ${result.units} units.`);
      return true;
    }));

  const app = await createApp({
    config: { ...config, WEB_DIST: config.WEB_DIST ?? DEFAULT_WEB_DIST },
    dataSource,
    secretBox,
  });
  await app.listen(config.PORT, config.HOST);

  // SIGTERM/SIGINT (docs/operations.md › Shutdown and timeouts): readiness answers 503 at once, no new connection is
  // accepted, the requests in flight finish (up to SHUTDOWN_TIMEOUT_MS), idle keep-alive connections are closed;
  // then app.close() stops pg-boss gracefully (JobsService.onApplicationShutdown), the pool closes, exit code 0.
  const server = app.getHttpServer() as http.Server;
  const shutdown = app.get(ShutdownState);
  closeConnectionsWhile(server, () => shutdown.draining);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    shutdown.drain();
    console.log(`\n${signal}: stopping — finishing the requests in flight (up to ${config.SHUTDOWN_TIMEOUT_MS} ms)…`);
    const drained = await drainHttpServer(server, config.SHUTDOWN_TIMEOUT_MS);
    if (!drained)
      console.warn(`requests still running after ${config.SHUTDOWN_TIMEOUT_MS} ms: their connections were cut`);
    await app.close().catch(() => undefined);
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    await db.stop().catch(() => undefined);
    console.log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const host = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
  const lines = [
    '',
    `  Zhenggai 整改 is running: http://${host}:${config.PORT}/`,
    `  API docs: http://${host}:${config.PORT}/api/docs`,
  ];
  if (demoLoaded || (await dataSource.getRepository('user_account').countBy({ username: 'officer' })) > 0) {
    lines.push('', `  Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS) lines.push(`    ${account.username.padEnd(11)} ${account.description}`);
  }
  lines.push('', '  Ctrl-C stops the server (and the embedded PostgreSQL).', '');
  console.log(lines.join('\n'));
}

void main();
