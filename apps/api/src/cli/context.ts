import { ensureDatabase, type RunningDatabase } from '@zhenggai/devdb';
import type { DataSource } from 'typeorm';
import { ConfigError, loadConfig, type AppConfig } from '../config/app-config.js';
import { openDatabase } from '../database/open-database.js';

/** The configuration, or exit 1 with the list of bad settings. */
export function loadCliConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}

/**
 * The database of the configuration, not migrated (backup and restore manage the schema themselves): DATABASE_URL,
 * or the embedded server — the one `npm start` is running on EMBEDDED_PG_DIR, if it is.
 */
export function openCliDatabase(config: AppConfig): Promise<RunningDatabase> {
  return ensureDatabase({ url: config.DATABASE_URL, dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT });
}

/** Config + database (embedded unless DATABASE_URL is set), migrated, for the command-line tools. */
export async function openCliContext(): Promise<{
  config: AppConfig;
  db: RunningDatabase;
  dataSource: DataSource;
  close(): Promise<void>;
}> {
  const config = loadCliConfig();
  const db = await openCliDatabase(config);
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
