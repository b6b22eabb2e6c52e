import { JobsService } from '../../src/modules/jobs/jobs.service.js';
import { DORMANT_ACCOUNTS_JOB } from '../../src/modules/users/dormant-accounts.job.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

// Background jobs run on pg-boss in the test database, with real time: the queue's own clock is PostgreSQL's.
const WORKING = { JOBS: 'on', JOBS_POLL_SECONDS: '0.5', JOBS_SCHEDULE_CHECK_SECONDS: '1' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the background job');
    await sleep(100);
  }
}

async function jobRows(t: TestApp, name: string): Promise<{ state: string; output: unknown }[]> {
  return t.dataSource.query(
    `SELECT state, output FROM pgboss.job WHERE name = $1
     UNION ALL SELECT state, output FROM pgboss.archive WHERE name = $1`,
    [name],
  );
}

describe('background jobs (pg-boss)', () => {
  let database: TestDatabase;
  const apps: TestApp[] = [];

  beforeEach(async () => {
    database = await createTestDatabase({ demo: true });
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await database.drop();
  });

  it('runs a job sent twice with one singleton key once', async () => {
    const runs: unknown[] = [];
    const t = await createTestApp({
      database,
      env: WORKING,
      beforeInit: (app) =>
        void app.get(JobsService).define({
          name: 'test.count',
          label: '测试',
          handler: async (data) => {
            runs.push(data);
            await sleep(300);
          },
        }),
    });
    apps.push(t);
    const jobs = t.app.get(JobsService);

    const first = await jobs.send('test.count', { n: 1 }, { singletonKey: 'unit-7' });
    const second = await jobs.send('test.count', { n: 2 }, { singletonKey: 'unit-7' });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    await until(() => runs.length > 0);
    await sleep(1500);
    expect(runs).toEqual([{ n: 1 }]);

    // another key is another job
    await jobs.send('test.count', { n: 3 }, { singletonKey: 'unit-8' });
    await until(() => runs.length > 1);
    expect(runs).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it('runs a scheduled job once when two API processes share the database', async () => {
    // stay inside one minute: a per-minute schedule legitimately runs again in the next one
    const second = new Date().getSeconds();
    if (second > 35) await sleep((61 - second) * 1000);
    const runs: string[] = [];
    const define = (instance: string) => (app: TestApp['app']) =>
      void app.get(JobsService).define({
        name: 'test.every-minute',
        label: '测试',
        cron: '* * * * *',
        handler: async () => {
          runs.push(instance);
        },
      });
    apps.push(await createTestApp({ database, env: WORKING, beforeInit: define('a') }));
    apps.push(await createTestApp({ database, env: WORKING, beforeInit: define('b') }));

    await until(() => runs.length > 0, 20_000);
    // both processes look at the schedule every second; give them several more looks
    await sleep(6000);
    expect(runs).toHaveLength(1);
    const [row] = await apps[0].dataSource.query(`SELECT cron, timezone FROM pgboss.schedule WHERE name = $1`, [
      'test.every-minute',
    ]);
    expect(row).toEqual({ cron: '* * * * *', timezone: 'Asia/Shanghai' });
  }, 90_000);

  it('keeps the dormant-account check on a daily schedule in China time and runs it as a job', async () => {
    const t = await createTestApp({ database, env: WORKING });
    apps.push(t);
    const [schedule] = await t.dataSource.query(`SELECT cron, timezone FROM pgboss.schedule WHERE name = $1`, [
      DORMANT_ACCOUNTS_JOB,
    ]);
    expect(schedule).toEqual({ cron: '30 2 * * *', timezone: 'Asia/Shanghai' });

    await t.app.get(JobsService).send(DORMANT_ACCOUNTS_JOB);
    await until(async () => (await jobRows(t, DORMANT_ACCOUNTS_JOB)).some((row) => row.state === 'completed'));
    const [done] = (await jobRows(t, DORMANT_ACCOUNTS_JOB)).filter((row) => row.state === 'completed');
    expect(done.output).toEqual({ disabled: [] });
  });

  it('with JOBS=off queues jobs but neither works them nor keeps schedules', async () => {
    const t = await createTestApp({ database, env: { JOBS: 'off' } });
    apps.push(t);
    const id = await t.app.get(JobsService).send(DORMANT_ACCOUNTS_JOB);
    expect(id).toEqual(expect.any(String));
    await sleep(1500);
    expect(await jobRows(t, DORMANT_ACCOUNTS_JOB)).toEqual([{ state: 'created', output: null }]);
    expect(await t.dataSource.query(`SELECT name FROM pgboss.schedule`)).toEqual([]);
  });
});
