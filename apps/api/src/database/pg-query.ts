import type pg from 'pg';
import { QueryFailedError, TypeORMError, type DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

// Named (prepared) statements: each distinct text gets one name for the whole process, so every pooled connection
// parses it once and afterwards only binds and executes it. Names are never reused for another text (pg refuses
// that on a connection which already prepared the name). Bounded: past this many texts a statement runs unnamed,
// so a caller building texts from input cannot grow every connection's prepared statements without end.
const MAX_NAMED_STATEMENTS = 200;
const statementNames = new Map<string, string>();

function statementName(text: string): string | undefined {
  const known = statementNames.get(text);
  if (known !== undefined || statementNames.size >= MAX_NAMED_STATEMENTS) return known;
  const name = `zg_${statementNames.size + 1}`;
  statementNames.set(text, name);
  return name;
}

export interface PgQueryOptions {
  /** run as a named prepared statement (for fixed texts run on every request); default false */
  prepare?: boolean;
}

/**
 * One statement on TypeORM's own pg pool (`PostgresDriver.master`), without a TypeORM query runner: for the
 * statements every request runs (the session check, the measure edit, the statistics cache hit). What stays the
 * same as `DataSource.query`:
 *
 * - the **pool and its connections**: the same `pg.Pool`, so the same connection settings (`statement_timeout`,
 *   `lock_timeout`, `idle_in_transaction_session_timeout`, `application_name`, the 10 s connect timeout) and the same
 *   pool size;
 * - the **transaction**: one statement outside any transaction is its own implicit transaction, as with
 *   `DataSource.query` (code inside `dataSource.transaction` keeps using its EntityManager);
 * - the **errors**: a failed statement throws TypeORM's `QueryFailedError` wrapping pg's error (SQLSTATE in
 *   `driverError.code`), a connection that cannot be made throws pg's own error, unwrapped, exactly as TypeORM's
 *   query runner does — so `AllExceptionsFilter` maps them alike (503 DATABASE_UNAVAILABLE / DATABASE_TIMEOUT,
 *   23505 → DUPLICATE …);
 * - the **connection's release**: back to the pool after the statement; a connection that died under it (its
 *   `error` event) is released with that error and dropped, as TypeORM's runner does;
 * - the **rows**: pg's result rows as they are (DataSource logging is off, so TypeORM logs nothing here either).
 *
 * Not for statements inside a TypeORM transaction.
 */
export class PgQuery {
  constructor(private readonly dataSource: DataSource) {}

  private pool(): pg.Pool {
    const pool = (this.dataSource.driver as PostgresDriver).master as pg.Pool | undefined;
    if (!pool) throw new TypeORMError('Driver not Connected');
    return pool;
  }

  /** Runs one statement and returns its rows. */
  async query<T>(text: string, values: unknown[] = [], options: PgQueryOptions = {}): Promise<T[]> {
    const client = await this.pool().connect();
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken = error;
    };
    client.on('error', onError);
    try {
      const name = options.prepare ? statementName(text) : undefined;
      const result = await client.query<T & pg.QueryResultRow>(
        name === undefined ? { text, values } : { text, values, name },
      );
      return result.rows;
    } catch (error) {
      throw new QueryFailedError(text, values, error as Error);
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }
}
