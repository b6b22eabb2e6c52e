import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('schema (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('matches the entities: generating a migration would produce nothing', async () => {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('has no pending migration', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('names every table and column in snake_case', async () => {
    const rows: Array<{ table_name: string; column_name: string }> = await dataSource.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      expect(row.table_name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(row.column_name).toMatch(/^[a-z][a-z0-9_]*$/);
    }
    const tables = new Set(rows.map((row) => row.table_name));
    for (const table of [
      'inspection',
      'category',
      'problem',
      'measure',
      'measure_unit',
      'unit',
      'person',
      'user_account',
      'user_session',
      'progress_update',
      'attachment',
      'audit_event',
      'accountability_action',
      'rule_document',
      'fund_recovery',
    ]) {
      expect(tables).toContain(table);
    }
  });

  it('can roll every migration back and forward again', async () => {
    for (let i = 0; i < dataSource.migrations.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const left: Array<{ count: number }> = await dataSource.query(
      `SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(left[0].count).toBe(0);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dataSource.showMigrations()).toBe(false);
  });
});
