import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { createDataSource } from './data-source.js';

/** Connects and brings the schema up to date (migrations are idempotent: only pending ones run). */
export async function openDatabase(
  url: string,
  config: Pick<AppConfig, 'DB_POOL_SIZE' | 'DB_STATEMENT_TIMEOUT_MS'>,
): Promise<DataSource> {
  const dataSource = createDataSource({
    url,
    poolSize: config.DB_POOL_SIZE,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
