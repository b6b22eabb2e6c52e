import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from '@zhenggai/migrations';
import { IdempotencyCommitSubscriber } from '../common/idempotency/idempotency-commit.subscriber.js';
import { entities } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

// DATE columns stay 'YYYY-MM-DD' strings: China calendar dates, never shifted through a JS Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  statementTimeoutMs?: number;
  lockTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
}

/** The one configuration of the DataSource, used by Nest, the CLIs and the tests. */
export function dataSourceOptions({
  url,
  poolSize = 10,
  statementTimeoutMs = 15000,
  lockTimeoutMs = 10000,
  idleInTransactionTimeoutMs = 60000,
}: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    subscribers: [IdempotencyCommitSubscriber],
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    poolSize,
    // a connection that cannot be made (or a pool with no free client) fails after 10 s: 503 DATABASE_UNAVAILABLE;
    // a statement cut by statement_timeout or lock_timeout: 503 DATABASE_TIMEOUT, the connection stays usable
    extra: {
      statement_timeout: statementTimeoutMs,
      lock_timeout: lockTimeoutMs,
      idle_in_transaction_session_timeout: idleInTransactionTimeoutMs,
      application_name: 'zhenggai',
      connectionTimeoutMillis: 10_000,
    },
    logging: false,
  };
}

export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource(dataSourceOptions(options));
}
