import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';

export const RATE_WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows counted in PostgreSQL (`rate_limit_window`), so every API process shares one count.
 * One statement per request: the upsert adds one only while the window is under the limit, so refused requests are
 * not counted and concurrent requests on any process never overshoot. Old windows are dropped by the job
 * `jobs.rate-limit-purge`.
 */
@Injectable()
export class RateLimiter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Counts one request of `key` in `bucket`; throws RATE_LIMITED (429, Retry-After) when over `limit`. */
  async take(bucket: string, key: string, limit: number): Promise<void> {
    const now = this.clock.now().getTime();
    const windowStart = now - (now % RATE_WINDOW_MS);
    const rows: { count: number }[] = await this.dataSource.query(
      `INSERT INTO rate_limit_window (bucket, key, window_start, count) VALUES ($1, $2, $3, 1)
       ON CONFLICT (bucket, key, window_start)
       DO UPDATE SET count = rate_limit_window.count + 1 WHERE rate_limit_window.count < $4
       RETURNING count`,
      [bucket, key.slice(0, 200), new Date(windowStart), limit],
    );
    if (rows.length === 0 || limit < 1) {
      throw new AppError('RATE_LIMITED', undefined, {
        retryAfterSeconds: Math.max(1, Math.ceil((windowStart + RATE_WINDOW_MS - now) / 1000)),
      });
    }
  }

  /** Drops the windows that had ended by `now`; returns how many. */
  async purge(now: Date): Promise<number> {
    const [{ deleted }]: { deleted: number }[] = await this.dataSource.query(
      `WITH gone AS (DELETE FROM rate_limit_window WHERE window_start <= $1 RETURNING 1)
       SELECT count(*)::int AS deleted FROM gone`,
      [new Date(now.getTime() - RATE_WINDOW_MS)],
    );
    return deleted;
  }
}
