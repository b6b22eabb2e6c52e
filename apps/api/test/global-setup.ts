// One PostgreSQL for the whole run: TEST_DATABASE_URL when set, else an embedded server on a port free at start
// (EMBEDDED_PG_TEST_PORT to choose one) whose data folder is deleted at the end. Test files clone migrated template databases from it (test/support/database.ts).
import { dropDatabase, startEmbedded } from '@zhenggai/devdb';

// (globalSetup is loaded outside jest's module mapper: it imports no relative TypeScript module)
export const EMPTY_TEMPLATE = 'zg_test_template';
export const DEMO_TEMPLATE = 'zg_test_template_demo';
const TEMPLATES = [EMPTY_TEMPLATE, DEMO_TEMPLATE];

export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const server = await startEmbedded({
      dataDir: `.data/pg-jest-${process.pid}`,
      port: Number(process.env.EMBEDDED_PG_TEST_PORT ?? 0),
      persistent: false,
      durable: false,
    });
    serverUrl = server.url;
    (globalThis as { __ZG_PG__?: { stop(): Promise<void> } }).__ZG_PG__ = server;
  }
  // templates from an earlier run may predate the current migrations
  for (const template of TEMPLATES) await dropDatabase(serverUrl, template);
  process.env.ZG_TEST_SERVER_URL = serverUrl;
}
