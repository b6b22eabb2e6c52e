import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { RateLimiter } from '../../common/http/rate-limiter.js';
import { JobsService } from './jobs.service.js';

export const RATE_LIMIT_PURGE_JOB = 'jobs.rate-limit-purge';

// Every ten minutes: drops the ended rate-limit windows (rate_limit_window) and the Idempotency-Keys older than a day
// (a retry comes within minutes; a key is kept long enough to answer it), so both tables stay small.
const IDEMPOTENCY_KEEP_MS = 86_400_000;
@Injectable()
export class RateLimitPurgeJob {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    jobs: JobsService,
  ) {
    void jobs.define({
      name: RATE_LIMIT_PURGE_JOB,
      label: '清理过期的访问频率计数与幂等键',
      cron: '*/10 * * * *',
      handler: async () => ({ deleted: await this.run(), idempotencyKeys: await this.purgeIdempotencyKeys() }),
    });
  }

  /** One pass (the job's handler; also called by tests): returns how many windows were dropped. */
  run(): Promise<number> {
    return this.limiter.purge(this.clock.now());
  }

  /** Drops the Idempotency-Keys older than a day; returns how many. */
  async purgeIdempotencyKeys(): Promise<number> {
    const rows = (await this.dataSource.query(`DELETE FROM idempotency_key WHERE created_at < $1 RETURNING 1`, [
      new Date(this.clock.now().getTime() - IDEMPOTENCY_KEEP_MS),
    ])) as unknown[];
    return rows.length;
  }
}
