import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deriveProblemStatus, type MeasureStatus } from '@zhenggai/domain';
import { ReminderSweepService } from '../../src/modules/reminders/reminder-sweep.service.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { DEMO_TODAY } from '../support/database.js';
import { soleUnitMeasures } from '../support/fixtures.js';

const DAY = 86_400_000;
const at = (date: string) => new Date(`${date}T08:30:00+08:00`);
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

interface ReviewItem {
  checkpointId: string;
  measureId: string;
  measureLabel: string;
  measureText: string;
  measureVersion: number;
  dueOn: string;
  title: string | null;
  daysOverdue: number;
  status: string;
  units: Array<{ id: string; name: string }>;
  outcome: string | null;
}

// 检查节点评估 on the demo data at a fixed clock: a 视同完成 measure's checkpoint that comes due goes into the officers'
// review list once (however often and on however many processes the sweep runs), the unit is reminded, and the
// officer's review schedules the next checkpoint, signs the measure off or sends it back to 推进中.
describe('checkpoint reviews', () => {
  let t: TestApp;
  let second: TestApp;
  let officer: SignedIn;
  let unitlead: SignedIn;
  let unitlead2: SignedIn;
  let supervisor: SignedIn;
  // three 视同完成 measures of unitlead's unit, one of unitlead2's
  let measures: Array<{ id: string; problemId: string }>;
  let other: { id: string; problemId: string };
  const today = plusDays(DEMO_TODAY, 30);

  const sweep = (app: TestApp = t) => app.app.get(ReminderSweepService).sweep();
  // sessions expire when the clock jumps: sign in again on each day
  const setDay = async (date: string) => {
    t.clock.set(at(date));
    second.clock.set(at(date));
    [officer, unitlead, unitlead2, supervisor] = await Promise.all(
      ['officer', 'unitlead', 'unitlead2', 'supervisor'].map((name) => signIn(t.http, name)),
    );
  };
  const pending = async (who: SignedIn, query = '') =>
    (await who.agent.get(`/api/checkpoint-reviews?status=pending${query}`).expect(200)).body as {
      items: ReviewItem[];
      total: number;
    };
  const measure = async (id: string) => (await officer.agent.get(`/api/measures/${id}`).expect(200)).body;
  const review = (id: string, checkpointId: string, body: Record<string, unknown>, who: SignedIn = officer) =>
    who.agent
      .post(`/api/measures/${id}/checkpoints/${checkpointId}/review`)
      .set('X-CSRF-Token', who.csrfToken)
      .send(body);
  const notes = async (kind: string) =>
    (await t.dataSource.query(
      `SELECT n.title, n.body, n.link, ua.username FROM notification n JOIN user_account ua ON ua.id = n.user_id
       WHERE n.kind = $1 ORDER BY n.created_at, ua.username`,
      [kind],
    )) as Array<{ title: string; body: string; link: string; username: string }>;

  beforeAll(async () => {
    t = await createTestApp({ now: at(DEMO_TODAY) });
    second = await createTestApp({ now: at(DEMO_TODAY), database: t.database });
    // nothing else is in the sweep's way: no deadlines, no 督办单, no 报送轮次
    await t.dataSource.query(`DELETE FROM supervision_order`);
    await t.dataSource.query(`DELETE FROM report_round`);
    // the demo's checkpoints (one already waiting for review) out of the way: the counts below are this spec's own
    await t.dataSource.query(`DELETE FROM measure_checkpoint`);
    await t.dataSource.query(`UPDATE measure SET deadline = NULL`);
    measures = await soleUnitMeasures(t.dataSource, 'unitlead', 'deemed_completed', 3);
    [other] = await soleUnitMeasures(t.dataSource, 'unitlead2', 'deemed_completed', 1);
    for (const [index, item] of [...measures, other].entries()) {
      await t.dataSource.query(
        `INSERT INTO measure_checkpoint (measure_id, due_on, title) VALUES ($1, $2, $3), ($1, $4, '年度复核')`,
        [item.id, plusDays(today, index === 0 ? 0 : -2), '季度复核', plusDays(today, 200)],
      );
    }
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('leaves a checkpoint out of the list before its day, and the light follows only once it is past', async () => {
    await setDay(plusDays(today, -4));
    await sweep();
    expect((await pending(officer)).total).toBe(0);
    expect((await measure(measures[0].id)).light).toBe('grey');
  });

  it('puts each checkpoint that came due into the review list once, however often and on however many processes', async () => {
    await setDay(today);
    const results = await Promise.all([sweep(), sweep(second), sweep(), sweep(second)]);
    expect(results.reduce((sum, result) => sum + result.reminders, 0)).toBe(4);
    await sweep();
    const list = await pending(officer);
    expect(list.total).toBe(4);
    expect(new Set(list.items.map((item) => item.checkpointId)).size).toBe(4);
    const first = list.items.find((item) => item.measureId === measures[0].id)!;
    expect(first).toMatchObject({
      dueOn: today,
      title: '季度复核',
      daysOverdue: 0,
      status: 'pending',
      measureLabel: expect.stringMatching(/\(\d+\)$/),
      measureText: expect.any(String),
      units: [{ id: expect.any(String), name: expect.any(String) }],
    });
    expect(list.items.find((item) => item.measureId === measures[1].id)?.daysOverdue).toBe(2);
    // the officers are asked to review, once; the units hear their checkpoint is due, once
    const asked = await notes('checkpoint.review');
    expect(asked.filter((n) => n.username === 'officer')).toHaveLength(1);
    expect(asked[0]).toMatchObject({ title: '4 个检查节点待评估', link: '/checkpoint-reviews' });
    const due = await notes('checkpoint.due');
    expect(due.filter((n) => n.username === 'unitlead')).toHaveLength(1);
    expect(due.filter((n) => n.username === 'unitlead2')).toHaveLength(1);
    expect(due.find((n) => n.username === 'unitlead')?.title).toBe('3 项视同完成措施的检查节点已到期');
    expect(due.some((n) => n.username === 'officer')).toBe(false);
    // another day: nothing again
    await setDay(plusDays(today, 1));
    expect((await sweep()).reminders).toBe(0);
    expect((await pending(officer)).total).toBe(4);
    expect(await notes('checkpoint.review')).toHaveLength(asked.length);
  });

  it('turns the light red while a checkpoint is past and not reviewed, and filters by it', async () => {
    await setDay(plusDays(today, 1));
    expect((await measure(measures[0].id)).light).toBe('red');
    const red = await officer.agent.get(`/api/measures?light=red&pageSize=200`).expect(200);
    expect(red.body.items.map((item: { id: string }) => item.id)).toEqual(
      expect.arrayContaining([...measures.map((m) => m.id), other.id]),
    );
    const grey = await officer.agent.get(`/api/measures?light=grey&pageSize=200`).expect(200);
    expect(grey.body.items.map((item: { id: string }) => item.id)).not.toContain(measures[0].id);
    // the problem shows its most urgent measure's light, in its page and in its filter
    expect((await officer.agent.get(`/api/problems/${other.problemId}`).expect(200)).body.light).toBe('red');
    const redProblems = await officer.agent.get(`/api/problems?light=red&pageSize=200`).expect(200);
    expect(redProblems.body.items.map((item: { id: string }) => item.id)).toContain(other.problemId);
    const greyProblems = await officer.agent.get(`/api/problems?light=grey&pageSize=200`).expect(200);
    expect(greyProblems.body.items.map((item: { id: string }) => item.id)).not.toContain(other.problemId);
  });

  it('shows a unit leader only its own units’ items, supervisors everything, and filters by inspection', async () => {
    const own = await pending(unitlead);
    expect(own.total).toBe(3);
    expect(own.items.map((item) => item.measureId).sort()).toEqual(measures.map((m) => m.id).sort());
    expect((await pending(unitlead2)).items.map((item) => item.measureId)).toEqual([other.id]);
    expect((await pending(supervisor)).total).toBe(4);
    const [{ inspection_id: inspectionId }] = await t.dataSource.query(
      `SELECT inspection_id FROM measure WHERE id = $1`,
      [measures[0].id],
    );
    expect((await pending(officer, `&inspectionId=${inspectionId}`)).total).toBe(4);
    expect((await pending(officer, '&inspectionId=00000000-0000-4000-8000-000000000000')).total).toBe(0);
    await officer.agent.get('/api/checkpoint-reviews?status=later').expect(400);
  });

  it('lets only the officers review, with the current version and sound input', async () => {
    const [item] = (await pending(officer)).items.filter((i) => i.measureId === measures[0].id);
    const body = { version: item.measureVersion, outcome: 'reached', opinion: '已达到', complete: true };
    expect((await review(measures[0].id, item.checkpointId, body, unitlead)).status).toBe(403);
    expect((await review(measures[0].id, item.checkpointId, body, supervisor)).status).toBe(403);
    // someone else changed the measure since the list was read
    await t.dataSource.query(`UPDATE measure SET version = version + 1 WHERE id = $1`, [measures[0].id]);
    const stale = await review(measures[0].id, item.checkpointId, body);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', current: { id: measures[0].id } });
    const noChoice = await review(measures[0].id, item.checkpointId, { ...body, complete: undefined });
    expect(noChoice.status).toBe(400);
    expect(noChoice.body.message).toMatch(/下一检查节点/);
    const badOutcome = await review(measures[0].id, item.checkpointId, { ...body, outcome: 'maybe' });
    expect(badOutcome.status).toBe(400);
    expect(badOutcome.body.message).toMatch(/\p{Script=Han}/u);
    const noOpinion = await review(measures[0].id, item.checkpointId, { ...body, opinion: '' });
    expect(noOpinion.status).toBe(400);
    const pastNext = await review(measures[0].id, item.checkpointId, {
      ...body,
      complete: undefined,
      nextCheckpoint: { dueOn: plusDays(today, -1) },
    });
    expect(pastNext.status).toBe(400);
  });

  it('达到阶段目标 with a next checkpoint: recorded once, the measure stays 视同完成 with its next checkpoint', async () => {
    const [item] = (await pending(officer)).items.filter((i) => i.measureId === measures[0].id);
    const next = plusDays(today, 90);
    const reviewed = await review(measures[0].id, item.checkpointId, {
      version: item.measureVersion,
      outcome: 'reached',
      opinion: '阶段目标已达到，继续坚持',
      nextCheckpoint: { dueOn: next, title: '下季度复核' },
    }).expect(200);
    expect(reviewed.body).toMatchObject({ status: 'deemed_completed', nextCheckpoint: next, light: 'grey' });
    const again = await review(measures[0].id, item.checkpointId, {
      version: reviewed.body.version,
      outcome: 'reached',
      opinion: '重复评估',
      complete: true,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CHECKPOINT_ALREADY_REVIEWED');
    const checkpoints = (await officer.agent.get(`/api/measures/${measures[0].id}/checkpoints`).expect(200)).body;
    expect(checkpoints).toEqual([
      expect.objectContaining({
        id: item.checkpointId,
        reviewStatus: 'done',
        outcome: 'reached',
        doneOn: plusDays(today, 1),
      }),
      expect.objectContaining({ dueOn: next, title: '下季度复核', reviewStatus: 'open', outcome: null }),
      expect.objectContaining({ dueOn: plusDays(today, 200), reviewStatus: 'open' }),
    ]);
    const history = (await officer.agent.get(`/api/measures/${measures[0].id}/history`).expect(200)).body;
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'checkpoint_review',
          actionLabel: '检查节点评估',
          opinion: '阶段目标已达到，继续坚持',
          detail: expect.objectContaining({ checkpointId: item.checkpointId, outcome: 'reached' }),
        }),
      ]),
    );
    const [audited] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_event WHERE action = 'CHECKPOINT_REVIEWED' AND entity_id = $1`,
      [measures[0].id],
    );
    expect(audited.count).toBe(1);
    expect((await pending(officer)).items.map((i) => i.measureId)).not.toContain(measures[0].id);
    const done = (await officer.agent.get('/api/checkpoint-reviews?status=done').expect(200)).body;
    expect(done.items[0]).toMatchObject({ checkpointId: item.checkpointId, status: 'done', outcome: 'reached' });
    const told = await notes('checkpoint.reviewed');
    expect(told.some((n) => n.username === 'unitlead' && n.title.includes('达到阶段目标'))).toBe(true);
  });

  it('达到阶段目标 and complete: the measure is 已完成 and its problem follows', async () => {
    const [item] = (await pending(officer)).items.filter((i) => i.measureId === measures[1].id);
    // the problem's other measures (not this test's) are done, so the problem's derived status follows this one
    await t.dataSource.query(
      `UPDATE measure SET status = 'completed' WHERE problem_id = $1 AND NOT (id = ANY($2)) AND deleted_at IS NULL`,
      [measures[1].problemId, [...measures, other].map((m) => m.id)],
    );
    const reviewed = await review(measures[1].id, item.checkpointId, {
      version: item.measureVersion,
      outcome: 'reached',
      opinion: '已完成整改目标',
      complete: true,
    }).expect(200);
    expect(reviewed.body).toMatchObject({ status: 'completed', light: 'grey' });
    expect(reviewed.body.units.every((unit: { status: string }) => unit.status === 'completed')).toBe(true);
    const statuses = (
      await t.dataSource.query(`SELECT status FROM measure WHERE problem_id = $1 AND deleted_at IS NULL`, [
        measures[1].problemId,
      ])
    ).map((row: { status: MeasureStatus }) => row.status);
    const problem = (await officer.agent.get(`/api/problems/${measures[1].problemId}`).expect(200)).body;
    expect(problem.status).toBe(deriveProblemStatus(statuses));
    if (statuses.every((status: string) => status === 'completed')) expect(problem.status).toBe('completed');
  });

  it('未达到: the measure goes back to 推进中 with every unit, and its problem follows', async () => {
    const [item] = (await pending(officer)).items.filter((i) => i.measureId === measures[2].id);
    const reviewed = await review(measures[2].id, item.checkpointId, {
      version: item.measureVersion,
      outcome: 'missed',
      opinion: '未达到阶段目标，继续整改',
    }).expect(200);
    expect(reviewed.body.status).toBe('in_progress');
    expect(reviewed.body.units.every((unit: { status: string }) => unit.status === 'in_progress')).toBe(true);
    const problem = (await officer.agent.get(`/api/problems/${measures[2].problemId}`).expect(200)).body;
    expect(problem.status).toBe('in_progress');
    // its other open checkpoint is no longer the review list's: the measure is not 视同完成
    const [open] = await t.dataSource.query(
      `SELECT id FROM measure_checkpoint WHERE measure_id = $1 AND review_status = 'open'`,
      [measures[2].id],
    );
    const refused = await review(measures[2].id, open.id, {
      version: reviewed.body.version,
      outcome: 'reached',
      opinion: '试图评估',
      complete: true,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('TRANSITION_NOT_ALLOWED');
  });
});
