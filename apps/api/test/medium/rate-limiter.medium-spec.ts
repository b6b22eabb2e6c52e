import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RateLimiter } from '../../src/common/http/rate-limiter.js';
import { RateLimitPurgeJob } from '../../src/modules/jobs/rate-limit-purge.job.js';
import { createTestApp, type TestApp } from '../support/app.js';

describe('RateLimiter (fixed windows in PostgreSQL)', () => {
  let t: TestApp;
  let limiter: RateLimiter;
  const rejection = { code: 'RATE_LIMITED', status: 429 };

  beforeAll(async () => {
    t = await createTestApp({ demo: false, now: new Date('2024-03-15T04:00:10Z') });
    limiter = t.app.get(RateLimiter);
  });
  afterAll(async () => t?.close());

  it('allows `limit` requests per key in a minute, does not count refusals, and says how long to wait', async () => {
    await limiter.take('login', '10.0.0.1', 3);
    t.clock.advance(20_000);
    await limiter.take('login', '10.0.0.1', 3);
    await limiter.take('login', '10.0.0.1', 3);
    // 30 s into the window: 30 s left
    await expect(limiter.take('login', '10.0.0.1', 3)).rejects.toMatchObject({
      ...rejection,
      extra: { retryAfterSeconds: 30 },
    });
    await expect(limiter.take('login', '10.0.0.1', 3)).rejects.toMatchObject(rejection);
    // another key, another bucket: their own counts
    await limiter.take('login', '10.0.0.2', 3);
    await limiter.take('export', '10.0.0.1', 3);
    expect(
      await t.dataSource.query(
        `SELECT bucket, key, count FROM rate_limit_window WHERE key = '10.0.0.1' ORDER BY bucket`,
      ),
    ).toEqual([
      { bucket: 'export', key: '10.0.0.1', count: 1 },
      { bucket: 'login', key: '10.0.0.1', count: 3 },
    ]);
    // the next window starts afresh
    t.clock.advance(30_000);
    await limiter.take('login', '10.0.0.1', 3);
  });

  it('never lets concurrent requests past the limit', async () => {
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => limiter.take('upload', 'user-1', 5)));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(5);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(15);
  });

  it('purges the windows that have ended (the job jobs.rate-limit-purge)', async () => {
    const before = Number((await t.dataSource.query(`SELECT count(*) AS n FROM rate_limit_window`))[0].n);
    expect(before).toBeGreaterThan(2);
    t.clock.advance(60_000);
    await limiter.take('login', '10.0.0.9', 3);
    expect(await t.app.get(RateLimitPurgeJob).run()).toBe(before);
    expect(await t.dataSource.query(`SELECT key FROM rate_limit_window`)).toEqual([{ key: '10.0.0.9' }]);
  });
});
