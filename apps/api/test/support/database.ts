import { createDatabase, dropDatabase, withAdminClient, withDatabase } from '@zhenggai/devdb';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source.js';
import { loadDemoData } from '../../src/modules/seed/demo-seed.js';
import { DEMO_TEMPLATE, EMPTY_TEMPLATE } from '../global-setup.js';

export const DEMO_NOTICE = fs.readFileSync(
  path.resolve(__dirname, '../../../../fixtures/notices/wuhan-jkq-2024-07-18.txt'),
  'utf8',
);
// the demo's deadlines are placed around this day
export const DEMO_TODAY = '2024-03-15';

function serverUrl(): string {
  const url = process.env.ZG_TEST_SERVER_URL;
  if (!url) throw new Error('ZG_TEST_SERVER_URL is not set: run the tests through jest (test/global-setup.ts)');
  return url;
}

// Builds a template once per run; concurrent test files wait on an advisory lock.
async function ensureTemplate(name: string, fill: (dataSource: DataSource) => Promise<void>): Promise<void> {
  await withAdminClient(serverUrl(), async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount) return;
      const building = `${name}_build`;
      const url = await createDatabase(serverUrl(), building, { dropExisting: true });
      const dataSource = createDataSource({ url, poolSize: 2 });
      await dataSource.initialize();
      try {
        await dataSource.runMigrations({ transaction: 'each' });
        await fill(dataSource);
      } finally {
        await dataSource.destroy();
      }
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file: migrated, and holding the demo dataset when `demo` is true. */
export async function createTestDatabase({ demo = false }: { demo?: boolean } = {}): Promise<TestDatabase> {
  await ensureTemplate(EMPTY_TEMPLATE, async () => undefined);
  if (demo) {
    await ensureTemplate(DEMO_TEMPLATE, async (dataSource) => {
      await loadDemoData(dataSource, DEMO_NOTICE, { today: DEMO_TODAY });
    });
  }
  const name = `zg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await createDatabase(serverUrl(), name, { template: demo ? DEMO_TEMPLATE : EMPTY_TEMPLATE });
  return { url: withDatabase(serverUrl(), name), name, drop: () => dropDatabase(serverUrl(), name) };
}
