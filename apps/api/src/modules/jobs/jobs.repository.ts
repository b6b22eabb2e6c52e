import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { JobRunState } from './dto/job.dto.js';

// the schema of pg-boss' tables
export const JOB_SCHEMA = 'pgboss';
const JOBS_SETUP_LOCK = 7_310_482_002;

/** pg-boss' database adapter over the caller's transaction: what pg-boss runs through it is part of that transaction. */
export function executorOf(manager: EntityManager): {
  executeSql: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>;
} {
  return { executeSql: async (text: string, values: unknown[]) => ({ rows: await manager.query(text, values) }) };
}

export interface JobRunRow {
  id: string;
  name: string;
  state: JobRunState;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  retry_count: number;
  retry_limit: number;
  output: unknown;
}

const COLUMNS =
  'id, name, state::text AS state, created_on, started_on, completed_on, retry_count, retry_limit, output';
// the queue (pending, running and recent runs) and the archive (older finished runs) hold every run pg-boss keeps
const RUNS = `(SELECT ${COLUMNS} FROM ${JOB_SCHEMA}.job UNION ALL SELECT ${COLUMNS} FROM ${JOB_SCHEMA}.archive)`;

// Reads pg-boss' tables for the jobs page; pg-boss alone writes them.
@Injectable()
export class JobsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `fn` holding the lock of the job set-up (a session advisory lock on a connection of its own): processes
   * started together create pg-boss' queues and schedules one after the other — concurrent createQueue calls
   * deadlock in PostgreSQL.
   */
  async withSetupLock<T>(fn: () => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // waits as long as the other process' set-up takes (not DB_LOCK_TIMEOUT_MS), then the session default again
      await runner.query('SET lock_timeout = 0');
      await runner.query('SELECT pg_advisory_lock($1)', [JOBS_SETUP_LOCK]);
      try {
        return await fn();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [JOBS_SETUP_LOCK]).catch(() => undefined);
        await runner.query('RESET lock_timeout').catch(() => undefined);
      }
    } finally {
      await runner.release();
    }
  }

  /** False until some process has started pg-boss on this database. */
  async ready(): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT to_regclass('${JOB_SCHEMA}.archive') IS NOT NULL AS ready`);
    return row.ready as boolean;
  }

  async runs(
    names: string[],
    filter: { name?: string; state?: JobRunState },
    window: { offset: number; limit: number },
  ): Promise<{ rows: JobRunRow[]; total: number }> {
    const params: unknown[] = [filter.name ? [filter.name] : names];
    let where = 'name = ANY($1)';
    if (filter.state) {
      params.push(filter.state);
      where += ` AND state = $${params.length}`;
    }
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM ${RUNS} r WHERE ${where}`,
      params,
    );
    const rows = await this.dataSource.query(
      `SELECT * FROM ${RUNS} r WHERE ${where} ORDER BY created_on DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, window.limit, window.offset],
    );
    return { rows, total };
  }

  /** The latest run and the count of failed runs of each job. */
  async summaries(names: string[]): Promise<Map<string, { last: JobRunRow | null; failed: number }>> {
    const rows: (JobRunRow & { failed: number })[] = await this.dataSource.query(
      `SELECT DISTINCT ON (name) r.*, count(*) FILTER (WHERE state = 'failed') OVER (PARTITION BY name)::int AS failed
       FROM ${RUNS} r WHERE name = ANY($1) ORDER BY name, created_on DESC, id`,
      [names],
    );
    return new Map(rows.map((row) => [row.name, { last: row, failed: row.failed }]));
  }

  async run(id: string): Promise<JobRunRow | null> {
    const [row] = await this.dataSource.query(`SELECT * FROM ${RUNS} r WHERE id = $1`, [id]);
    return row ?? null;
  }
}
