import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { createDataSource } from './data-source.js';

// One lock for the work every process does at start (migrations, the demo data): replicas started together on one
// database take turns, so the schema is migrated once and the demo loaded once.
const STARTUP_LOCK = 7_310_482_001;

/** Runs `fn` holding the database-wide startup lock (a session advisory lock on a connection of its own). */
export async function withStartupLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'zhenggai-startup' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await fn();
  } finally {
    // ending the session releases the lock in any case
    await client.end().catch(() => undefined);
  }
}

/** Connects and brings the schema up to date (migrations are idempotent: only pending ones run). */
export async function openDatabase(
  url: string,
  config: Pick<AppConfig, 'DB_POOL_SIZE' | 'DB_STATEMENT_TIMEOUT_MS'> &
    Partial<Pick<AppConfig, 'DB_LOCK_TIMEOUT_MS' | 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS'>>,
): Promise<DataSource> {
  const dataSource = createDataSource({
    url,
    poolSize: config.DB_POOL_SIZE,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    lockTimeoutMs: config.DB_LOCK_TIMEOUT_MS,
    idleInTransactionTimeoutMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  });
  await dataSource.initialize();
  try {
    await withStartupLock(url, () => dataSource.runMigrations({ transaction: 'each' }));
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
