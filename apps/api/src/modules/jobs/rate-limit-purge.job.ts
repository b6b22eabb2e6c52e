import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { RateLimiter } from '../../common/http/rate-limiter.js';
import { JobsService } from './jobs.service.js';

export const RATE_LIMIT_PURGE_JOB = 'jobs.rate-limit-purge';

// Drops the ended rate-limit windows (rate_limit_window) every ten minutes, so the table stays small.
@Injectable()
export class RateLimitPurgeJob {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
    jobs: JobsService,
  ) {
    void jobs.define({
      name: RATE_LIMIT_PURGE_JOB,
      label: '清理过期的访问频率计数',
      cron: '*/10 * * * *',
      handler: async () => ({ deleted: await this.run() }),
    });
  }

  /** One pass (the job's handler; also called by tests): returns how many windows were dropped. */
  run(): Promise<number> {
    return this.limiter.purge(this.clock.now());
  }
}
