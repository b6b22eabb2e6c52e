import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { createDataSource } from '../../src/database/data-source.js';
import { AuditChainService, AuditService } from '../../src/modules/audit/index.js';
import { AuditRepository } from '../../src/modules/audit/audit.repository.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

// The migration AuditHashChain chains the rows written before it, in (occurred_at, id) order.
describe('audit hash chain migration (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let chain: AuditChainService;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
    chain = new AuditChainService(new AuditRepository(dataSource), new Clock(), new AuditService(dataSource));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('chains the rows that existed before it, oldest first, and every row after it', async () => {
    // back to just before AuditHashChain (undoing the migrations that came after it first)
    const last = async () =>
      ((await dataSource.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`)) as Array<{ name: string }>)[0]
        .name;
    while ((await last()) !== 'AuditHashChain1796650000000') await dataSource.undoLastMigration();
    await dataSource.undoLastMigration();
    // inserted out of time order, with text that needs escaping and jsonb with numbers as the database spells them
    await dataSource.query(
      `INSERT INTO audit_event (occurred_at, actor_username, action, entity_type, entity_id, detail, after)
       VALUES ('2024-03-02T08:00:00.123456Z', 'officer', 'MEASURE_UPDATED', 'measure', 'm"1\n', '{"b": 1, "a": 100.00}', NULL),
              ('2024-03-01T08:00:00Z', NULL, 'LOGIN_FAILED', NULL, '', NULL, '{"text": "整改\\u0001"}'),
              ('2024-03-03T08:00:00Z', 'sysadmin', 'USER_UPDATED', 'user_account', NULL, NULL, '[]')`,
    );
    await dataSource.runMigrations();
    const rows = (await dataSource.query(
      `SELECT seq::text AS seq, action, prev_hash AS "prevHash", hash FROM audit_event ORDER BY seq`,
    )) as Array<{ seq: string; action: string; prevHash: string; hash: string }>;
    expect(rows.map((row) => [row.seq, row.action])).toEqual([
      ['1', 'LOGIN_FAILED'],
      ['2', 'MEASURE_UPDATED'],
      ['3', 'USER_UPDATED'],
    ]);
    expect(rows[0].prevHash).toBe('0'.repeat(64));
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(await chain.verify()).toMatchObject({ intact: true, rows: 3, lastSeq: '3', lastHash: rows[2].hash });

    // a row written after the migration joins the chain when its transaction commits; a rolled-back one takes no seq
    await dataSource
      .transaction(async (manager) => {
        await new AuditService(dataSource).record({ action: 'AUDIT_QUERY', username: 'x' }, manager);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await new AuditService(dataSource).record({ action: 'AUDIT_EXPORTED', username: 'y', detail: { z: 0.5, a: null } });
    expect(await chain.verify()).toMatchObject({ intact: true, rows: 4, lastSeq: '4' });
  });
});
