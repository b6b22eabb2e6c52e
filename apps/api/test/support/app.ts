import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { FixedClock } from '../../src/common/clock.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createDataSource } from '../../src/database/data-source.js';
import { DEMO_PASSWORD } from '../../src/modules/seed/demo-seed.js';
import { createTestDatabase, DEMO_TODAY, type TestDatabase } from './database.js';

// the key sealing secrets at rest in every test app (unless `env` sets another); a test opens values with it
export const TEST_SECRET_KEY = Buffer.alloc(32, 7).toString('base64');

export interface TestApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  database: TestDatabase;
  clock: FixedClock;
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  close(): Promise<void>;
}

/**
 * The real application over HTTP on its own database; the clock is fixed (China noon of DEMO_TODAY by default).
 * `env` adds configuration variables (e.g. UPLOAD_DIR, UPLOAD_MAX_BYTES) on top of the test defaults; background
 * jobs are off (JOBS=off) unless `env` turns them on. `database` shares a database with another app (a second API
 * process), which then leaves it to its owner to drop; `beforeInit` runs before the application's bootstrap.
 */
export async function createTestApp({
  demo = true,
  now,
  env = {},
  database: shared,
  beforeInit,
}: {
  demo?: boolean;
  now?: Date;
  env?: Record<string, string>;
  database?: TestDatabase;
  beforeInit?: (app: NestExpressApplication) => void | Promise<void>;
} = {}): Promise<TestApp> {
  const database = shared ?? (await createTestDatabase({ demo }));
  // the database timeouts of `env` apply to the pool as in main.ts (openDatabase)
  const ms = (name: string) => (env[name] === undefined ? undefined : Number(env[name]));
  const dataSource = createDataSource({
    url: database.url,
    poolSize: 5,
    statementTimeoutMs: ms('DB_STATEMENT_TIMEOUT_MS'),
    lockTimeoutMs: ms('DB_LOCK_TIMEOUT_MS'),
    idleInTransactionTimeoutMs: ms('DB_IDLE_IN_TRANSACTION_TIMEOUT_MS'),
  });
  await dataSource.initialize();
  const clock = new FixedClock(now ?? new Date(`${DEMO_TODAY}T12:00:00+08:00`));
  // per-minute limits are generous by default; the tests of the limits set their own
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LOGIN_RATE_PER_MINUTE: '1000',
    UPLOAD_RATE_PER_MINUTE: '1000',
    EXPORT_RATE_PER_MINUTE: '1000',
    JOBS: 'off',
    ...(env.SECRET_KEY_FILE ? {} : { SECRET_KEY: TEST_SECRET_KEY }),
    ...env,
  });
  const app = await createApp({ config, dataSource, clock });
  await beforeInit?.(app);
  await app.init();
  return {
    app,
    dataSource,
    database,
    clock,
    http: app.getHttpServer(),
    async close() {
      await app.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      if (!shared) await database.drop();
    },
  };
}

export interface SignedIn {
  agent: ReturnType<typeof request.agent>;
  csrfToken: string;
  cookie: string;
}

/** Logs in (demo password by default) and returns an agent that keeps the session cookie. */
export async function signIn(http: TestApp['http'], username: string, password = DEMO_PASSWORD): Promise<SignedIn> {
  const agent = request.agent(http);
  const response = await agent.post('/api/auth/login').send({ username, password }).expect(200);
  const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? [])[0] ?? '';
  return { agent, csrfToken: response.body.csrfToken as string, cookie };
}
