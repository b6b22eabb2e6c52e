import { AUDIT_RETENTION_JOB } from '../../src/modules/audit/audit-log.service.js';
import { JobsService } from '../../src/modules/jobs/jobs.service.js';
import { DORMANT_ACCOUNTS_JOB } from '../../src/modules/users/dormant-accounts.job.js';
import { createTestApp, signIn, type TestApp } from '../support/app.js';
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

    // the first is held back a second, so it is still queued (not already taken by the worker) when the second comes
    const first = await jobs.send('test.count', { n: 1 }, { singletonKey: 'unit-7', startAfterSeconds: 1 });
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

  it('wakes its own worker when a job is due now, instead of leaving it to the next poll', async () => {
    const runs: string[] = [];
    const t = await createTestApp({
      database,
      // a minute between polls: a job that waited for the next poll would not run within this test's wait
      env: { ...WORKING, JOBS_POLL_SECONDS: '60' },
      beforeInit: (app) =>
        void app.get(JobsService).define({
          name: 'test.wake',
          label: '测试',
          handler: async () => void runs.push('ran'),
        }),
    });
    apps.push(t);
    const jobs = t.app.get(JobsService);
    await sleep(1000); // the worker's first poll (at start) has found nothing; it now sleeps for the interval
    await jobs.send('test.wake', {});
    await until(() => runs.length > 0, 20_000);
    expect(runs).toHaveLength(1);
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
    // the audit trail's retention purge is a scheduled job too, not a timer in the process
    const [retention] = await t.dataSource.query(`SELECT cron, timezone FROM pgboss.schedule WHERE name = $1`, [
      AUDIT_RETENTION_JOB,
    ]);
    expect(retention).toEqual({ cron: '15 3 * * *', timezone: 'Asia/Shanghai' });

    await t.app.get(JobsService).send(DORMANT_ACCOUNTS_JOB);
    await until(async () => (await jobRows(t, DORMANT_ACCOUNTS_JOB)).some((row) => row.state === 'completed'));
    const [done] = (await jobRows(t, DORMANT_ACCOUNTS_JOB)).filter((row) => row.state === 'completed');
    expect(done.output).toEqual({ disabled: [], addressCounters: expect.any(Number) });
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

  describe("the system admin's jobs page", () => {
    it('lists the jobs with their schedule in words and runs one now, once at a time; others are refused', async () => {
      // JOBS=off: the queued run stays queued, so a second request meets it
      const t = await createTestApp({ database });
      apps.push(t);
      const admin = await signIn(t.http, 'sysadmin');
      const overview = await admin.agent.get('/api/jobs').expect(200);
      expect(overview.body.working).toBe(false);
      expect(overview.body.jobs).toContainEqual({
        name: DORMANT_ACCOUNTS_JOB,
        label: '停用长期未登录的账号',
        cron: '30 2 * * *',
        scheduleText: '每天 02:30',
        lastRun: null,
        failedCount: 0,
      });
      for (const username of ['officer', 'secadmin', 'auditadmin', 'unitlead']) {
        const other = await signIn(t.http, username);
        await other.agent.get('/api/jobs').expect(403);
        await other.agent.get('/api/jobs/runs').expect(403);
      }

      const run = await admin.agent
        .post('/api/jobs/run')
        .set('X-CSRF-Token', admin.csrfToken)
        .send({ name: DORMANT_ACCOUNTS_JOB })
        .expect(201);
      expect(run.body.id).toEqual(expect.any(String));
      const again = await admin.agent
        .post('/api/jobs/run')
        .set('X-CSRF-Token', admin.csrfToken)
        .send({ name: DORMANT_ACCOUNTS_JOB })
        .expect(409);
      expect(again.body).toMatchObject({ code: 'JOB_ALREADY_QUEUED', message: '该任务已在排队，请稍后查看运行结果' });
      const unknown = await admin.agent
        .post('/api/jobs/run')
        .set('X-CSRF-Token', admin.csrfToken)
        .send({ name: 'no.such-job' })
        .expect(422);
      expect(unknown.body.code).toBe('JOB_UNKNOWN');
      await admin.agent.post('/api/jobs/run').set('X-CSRF-Token', admin.csrfToken).send({ name: '../x' }).expect(400);

      const runs = await admin.agent.get(`/api/jobs/runs?name=${DORMANT_ACCOUNTS_JOB}`).expect(200);
      expect(runs.body).toMatchObject({
        total: 1,
        items: [{ id: run.body.id, state: 'created', stateLabel: '排队中' }],
      });
      const [event] = await t.dataSource.query(
        `SELECT actor_username, entity_type, detail FROM audit_event WHERE action = 'JOB_RUN_REQUESTED'`,
      );
      expect(event).toEqual({ actor_username: 'sysadmin', entity_type: 'job', detail: { name: DORMANT_ACCOUNTS_JOB } });
    });

    it('shows a failed run with its error and retries it; only a failed run can be retried', async () => {
      let calls = 0;
      const t = await createTestApp({
        database,
        env: WORKING,
        beforeInit: (app) =>
          void app.get(JobsService).define({
            name: 'test.flaky',
            label: '测试：第一次失败',
            retryLimit: 0,
            handler: async () => {
              calls += 1;
              if (calls === 1) throw new Error('对方服务暂时不可用');
              return { calls };
            },
          }),
      });
      apps.push(t);
      const admin = await signIn(t.http, 'sysadmin');
      const id = await t.app.get(JobsService).send('test.flaky');
      await until(async () => (await jobRows(t, 'test.flaky')).some((row) => row.state === 'failed'));

      const failed = await admin.agent.get('/api/jobs/runs?state=failed').expect(200);
      expect(failed.body.items).toEqual([
        expect.objectContaining({
          id,
          name: 'test.flaky',
          state: 'failed',
          stateLabel: '失败',
          error: '对方服务暂时不可用',
        }),
      ]);
      const overview = await admin.agent.get('/api/jobs').expect(200);
      expect(overview.body.jobs.find((job: { name: string }) => job.name === 'test.flaky')).toMatchObject({
        failedCount: 1,
        lastRun: { id, state: 'failed' },
      });

      await admin.agent.post(`/api/jobs/runs/${id}/retry`).set('X-CSRF-Token', admin.csrfToken).expect(200);
      await until(async () => (await jobRows(t, 'test.flaky')).some((row) => row.state === 'completed'));
      const done = await admin.agent.get('/api/jobs/runs?name=test.flaky').expect(200);
      expect(done.body.items).toEqual([
        expect.objectContaining({ id, state: 'completed', error: null, output: { calls: 2 } }),
      ]);
      const refused = await admin.agent
        .post(`/api/jobs/runs/${id}/retry`)
        .set('X-CSRF-Token', admin.csrfToken)
        .expect(409);
      expect(refused.body.code).toBe('JOB_NOT_FAILED');
      const missing = await admin.agent
        .post('/api/jobs/runs/00000000-0000-4000-8000-000000000000/retry')
        .set('X-CSRF-Token', admin.csrfToken)
        .expect(404);
      expect(missing.body).toMatchObject({ code: 'JOB_RUN_NOT_FOUND', message: '后台任务的运行记录不存在或已清理' });
      const [event] = await t.dataSource.query(`SELECT detail FROM audit_event WHERE action = 'JOB_RETRIED'`);
      expect(event.detail).toEqual({ name: 'test.flaky', error: '对方服务暂时不可用' });
    });
  });
});
