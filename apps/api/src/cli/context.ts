import { ensureDatabase, type RunningDatabase } from '@zhenggai/devdb';
import type { DataSource } from 'typeorm';
import { ConfigError, loadConfig, type AppConfig } from '../config/app-config.js';
import { openDatabase } from '../database/open-database.js';

/** Config + database (embedded unless DATABASE_URL is set), migrated, for the command-line tools. */
export async function openCliContext(): Promise<{
  config: AppConfig;
  db: RunningDatabase;
  dataSource: DataSource;
  close(): Promise<void>;
}> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  const db = await ensureDatabase({
    url: config.DATABASE_URL,
    dataDir: config.EMBEDDED_PG_DIR,
    port: config.EMBEDDED_PG_PORT,
  });
  const dataSource = await openDatabase(db.url, config);
  return {
    config,
    db,
    dataSource,
    async close() {
      // closing the Nest app may already have closed the DataSource
      if (dataSource.isInitialized) await dataSource.destroy();
      await db.stop();
    },
  };
}
