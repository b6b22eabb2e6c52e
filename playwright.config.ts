import { defineConfig } from '@playwright/test';
import { freePort } from '@zhenggai/devdb';

// Browser tests drive Debian's Chromium (never a downloaded browser) against the real server with the demo data.
// `npm test` passes DATABASE_URL of a fresh database; alone, `npm run test:e2e` uses an embedded PostgreSQL.
// The server's port is E2E_PORT, else one free at start; it is kept in the environment, which the workers inherit,
// so that every process of the run reads the same one.
process.env.E2E_PORT ??= String(await freePort());
const port = Number(process.env.E2E_PORT);
// alone, the server's embedded PostgreSQL: E2E_PG_PORT, else a free one, fixed for the run in the same way
if (!process.env.DATABASE_URL) process.env.E2E_PG_PORT ??= String(await freePort());
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--disable-default-apps',
      ],
    },
  },
  webServer: {
    command: 'node --max-semi-space-size=4 apps/api/dist/main.js', // as npm start and the image run it
    url: `${baseURL}/api/health/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'auto',
      ...(process.env.DATABASE_URL
        ? { DATABASE_URL: process.env.DATABASE_URL }
        : { EMBEDDED_PG_DIR: '.data/pg-e2e', EMBEDDED_PG_PORT: process.env.E2E_PG_PORT }),
    },
  },
});
