import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReminderSweepService } from '../../src/modules/reminders/reminder-sweep.service.js';
import { createTestApp, signIn, type TestApp } from '../support/app.js';
import { DEMO_TODAY } from '../support/database.js';
import { soleUnitMeasures } from '../support/fixtures.js';

const DAY = 86_400_000;
const at = (date: string) => new Date(`${date}T08:30:00+08:00`);
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

// The daily sweep at a fixed clock, on the demo data with one measure left with a deadline: each reminder once,
// the escalation ladder on its days, two processes sweeping at once send each notification once.
describe('the daily reminder sweep', () => {
  let t: TestApp;
  let second: TestApp;
  let measure: { id: string; problemId: string };
  let unitUsers: number;

  const sweep = (app: TestApp = t) => app.app.get(ReminderSweepService).sweep();
  const notes = async (kind: string) =>
    (await t.dataSource.query(
      `SELECT n.user_id, n.title, n.body, n.link, ua.username, ua.roles FROM notification n
       JOIN user_account ua ON ua.id = n.user_id WHERE n.kind = $1 ORDER BY n.created_at, ua.username`,
      [kind],
    )) as Array<{ user_id: string; title: string; body: string; link: string; username: string; roles: string[] }>;

  beforeAll(async () => {
    t = await createTestApp({ now: at(DEMO_TODAY) });
    second = await createTestApp({ now: at(DEMO_TODAY), database: t.database });
    [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    // only this measure has a deadline, and the demo's 督办单 and 报送轮次 are gone: nothing else is in the sweep's way
    await t.dataSource.query(`DELETE FROM supervision_order`);
    await t.dataSource.query(`DELETE FROM report_round`);
    await t.dataSource.query(`UPDATE measure SET deadline = NULL WHERE id <> $1`, [measure.id]);
    await t.dataSource.query(`UPDATE measure SET deadline = $2 WHERE id = $1`, [measure.id, plusDays(DEMO_TODAY, 3)]);
    [{ count: unitUsers }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM user_account WHERE disabled_at IS NULL
         AND unit_id IN (SELECT unit_id FROM measure_unit WHERE measure_id = $1)`,
      [measure.id],
    );
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const setDay = (date: string) => {
    t.clock.set(at(date));
    second.clock.set(at(date));
  };

  it('reminds the unit 3 days before the deadline, once however often it runs', async () => {
    expect(await sweep()).toEqual({ day: DEMO_TODAY, reminders: 1, notifications: unitUsers });
    const due = await notes('measure.due_soon');
    expect(due).toHaveLength(unitUsers);
    expect(due[0]).toMatchObject({
      title: expect.stringMatching(/^整改措施将于 3 天后到期：.+\(\d+\)$/),
      body: expect.stringContaining(`时限 ${plusDays(DEMO_TODAY, 3)}，还有 3 天`),
      link: `/problems/${measure.problemId}#measure-${measure.id}`,
    });
    expect(await sweep()).toEqual({ day: DEMO_TODAY, reminders: 0, notifications: 0 });
    // two days later no rule falls (7, 3, 1 before the deadline); the day before, the 1-day reminder
    setDay(plusDays(DEMO_TODAY, 1));
    expect((await sweep()).reminders).toBe(0);
    setDay(plusDays(DEMO_TODAY, 2));
    expect(await sweep()).toMatchObject({ reminders: 1, notifications: unitUsers });
  });

  it('climbs the ladder on its days: the unit, its leader, the task force, the supervisors', async () => {
    const deadline = plusDays(DEMO_TODAY, 3);
    setDay(deadline);
    expect(await sweep()).toMatchObject({ reminders: 1, notifications: unitUsers });
    expect((await notes('measure.overdue')).map((n) => n.title)).toEqual(
      Array(unitUsers).fill(expect.stringMatching(/^整改措施已逾期 0 天：/)),
    );
    setDay(plusDays(deadline, 2));
    expect((await sweep()).reminders).toBe(0);

    setDay(plusDays(deadline, 3));
    const leaders = await sweep();
    expect(leaders.reminders).toBe(1);
    const leaderNotes = (await notes('measure.overdue')).slice(unitUsers);
    expect(leaderNotes.length).toBe(leaders.notifications);
    expect(leaderNotes.every((n) => n.roles.includes('unit_leader'))).toBe(true);
    expect(leaderNotes[0].body).toMatch(/^以下措施逾期仍未完成，请督促责任单位抓紧整改。\n.+已逾期 3 天/);

    setDay(plusDays(deadline, 7));
    await sweep();
    const officers = (await notes('measure.overdue')).filter((n) => n.roles.includes('task_force_officer'));
    expect(officers.map((n) => n.username)).toContain('officer');

    setDay(plusDays(deadline, 14));
    await sweep();
    expect((await notes('measure.overdue')).some((n) => n.username === 'supervisor')).toBe(true);
    expect((await sweep()).reminders).toBe(0);
  });

  it('a new deadline (an approved extension) starts the reminders over', async () => {
    const today = plusDays(DEMO_TODAY, 20);
    setDay(today);
    await t.dataSource.query(`UPDATE measure SET deadline = $2 WHERE id = $1`, [measure.id, plusDays(today, 7)]);
    expect(await sweep()).toMatchObject({ reminders: 1, notifications: unitUsers });
  });

  it('two processes sweeping at the same moment send each notification once', async () => {
    const today = plusDays(DEMO_TODAY, 30);
    setDay(today);
    // a second measure of another unit, both due in 7 days
    const [other] = await soleUnitMeasures(t.dataSource, 'unitlead2', 'in_progress', 1);
    await t.dataSource.query(`UPDATE measure SET deadline = $2 WHERE id = ANY($1)`, [
      [measure.id, other.id],
      plusDays(today, 7),
    ]);
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM notification`))[0].n;
    const [a, b] = await Promise.all([sweep(t), sweep(second)]);
    expect(a.reminders + b.reminders).toBe(2);
    const after = (await t.dataSource.query(`SELECT count(*)::int AS n FROM notification`))[0].n;
    expect(after - before).toBe(a.notifications + b.notifications);
    const duplicates = await t.dataSource.query(
      `SELECT user_id, title FROM notification WHERE created_at >= now() - interval '1 minute'
       GROUP BY user_id, title, body HAVING count(*) > 1`,
    );
    expect(duplicates).toEqual([]);
  });

  it('tells the unit and the task force when a 视同完成 measure’s checkpoint comes due', async () => {
    const today = plusDays(DEMO_TODAY, 40);
    setDay(today);
    // no deadline left: only the checkpoint falls
    await t.dataSource.query(`UPDATE measure SET deadline = NULL`);
    const [deemed] = await soleUnitMeasures(t.dataSource, 'unitlead2', 'in_progress', 1);
    await t.dataSource.query(`UPDATE measure SET status = 'deemed_completed', deadline = NULL WHERE id = $1`, [
      deemed.id,
    ]);
    await t.dataSource.query(`INSERT INTO measure_checkpoint (measure_id, due_on, title) VALUES ($1, $2, '季度复核')`, [
      deemed.id,
      plusDays(today, 3),
    ]);
    const result = await sweep();
    expect(result.reminders).toBe(2);
    const checkpoint = await notes('checkpoint.due');
    expect(checkpoint.length).toBe(result.notifications);
    expect(checkpoint.some((n) => n.username === 'officer')).toBe(true);
    expect(checkpoint.some((n) => n.username === 'unitlead2')).toBe(true);
    expect(checkpoint[0]).toMatchObject({
      title: expect.stringMatching(/^视同完成措施的检查节点将于 3 天后到期：/),
      body: expect.stringContaining(`检查节点 ${plusDays(today, 3)}，还有 3 天`),
    });
    expect((await sweep()).reminders).toBe(0);
    // a checkpoint marked done is not reminded on its day
    await t.dataSource.query(`UPDATE measure_checkpoint SET done_on = $2 WHERE measure_id = $1`, [deemed.id, today]);
    setDay(plusDays(today, 3));
    expect((await sweep()).reminders).toBe(0);
  });

  it('queues a run on demand for the task force and the system admin, one at a time', async () => {
    const officer = await signIn(t.http, 'officer');
    const run = await officer.agent.post('/api/jobs/reminders/run').set('X-CSRF-Token', officer.csrfToken).expect(202);
    expect(run.body).toEqual({ id: expect.any(String) });
    const again = await officer.agent
      .post('/api/jobs/reminders/run')
      .set('X-CSRF-Token', officer.csrfToken)
      .expect(409);
    expect(again.body).toMatchObject({ code: 'JOB_ALREADY_QUEUED' });
    const unitlead = await signIn(t.http, 'unitlead');
    await unitlead.agent.post('/api/jobs/reminders/run').set('X-CSRF-Token', unitlead.csrfToken).expect(403);
  });
});
