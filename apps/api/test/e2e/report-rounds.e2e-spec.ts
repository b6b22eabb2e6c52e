import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chinaDate } from '@zhenggai/domain';
import { ReminderSweepService } from '../../src/modules/reminders/reminder-sweep.service.js';
import { ReportRoundsService } from '../../src/modules/report-rounds/report-rounds.service.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { DEMO_TODAY } from '../support/database.js';
import { soleUnitMeasures } from '../support/fixtures.js';

const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface FormItem {
  measureId: string;
  open: boolean;
  progress: string;
  status: string;
  statusLabel: string;
  text: string;
}

// 报送轮次: opened by hand or by the schedule (once), numbered per inspection; a unit's report freezes a snapshot that
// later edits never change; returns, late and missing reports are recorded; closing keeps them for good.
describe('report rounds (报送轮次)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let unitlead: SignedIn;
  let unitlead2: SignedIn;
  let inspectionId: string;
  let unitId: string;
  let otherUnitId: string;

  const post = (caller: SignedIn, path: string, body: object = {}) =>
    caller.agent.post(path).set('X-CSRF-Token', caller.csrfToken).send(body);
  const openRound = (body: object = {}) =>
    post(officer, `/api/inspections/${inspectionId}/report-rounds`, {
      periodEnd: DEMO_TODAY,
      dueDate: plusDays(DEMO_TODAY, 5),
      ...body,
    });
  const form = async (roundId: string, caller = unitlead, unit = unitId) =>
    (await caller.agent.get(`/api/report-rounds/${roundId}/form?unitId=${unit}`).expect(200)).body as {
      items: FormItem[];
      canSubmit: boolean;
      status: string;
      returnReason: string | null;
    };
  const reportAll = (items: FormItem[], text: string) =>
    items
      .filter((item) => item.open)
      .map((item) => ({ measureId: item.measureId, progress: `${text}：${item.text.slice(0, 8)}` }));

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t.http, 'officer');
    unitlead = await signIn(t.http, 'unitlead');
    unitlead2 = await signIn(t.http, 'unitlead2');
    [{ id: inspectionId }] = (await officer.agent.get('/api/inspections').expect(200)).body.items;
    [{ unit_id: unitId }] = await t.dataSource.query(`SELECT unit_id FROM user_account WHERE username = 'unitlead'`);
    [{ unit_id: otherUnitId }] = await t.dataSource.query(
      `SELECT unit_id FROM user_account WHERE username = 'unitlead2'`,
    );
    // the demo's three rounds (tested with the demo data) out of the way: numbering starts over
    await t.dataSource.query(`DELETE FROM report_round`);
  });
  afterAll(async () => {
    await t.close();
  });

  it('opens numbered rounds whose scope defaults to every unit with an open measure, and tells those units', async () => {
    const [{ count: expected }] = await t.dataSource.query(
      `SELECT count(DISTINCT mu.unit_id)::int AS count FROM measure m JOIN measure_unit mu ON mu.measure_id = m.id
       WHERE m.inspection_id = $1 AND m.deleted_at IS NULL AND m.status NOT IN ('completed', 'deemed_completed')`,
      [inspectionId],
    );
    const first = await openRound({ title: '第一季度整改进展' }).expect(201);
    expect(first.body).toMatchObject({
      seq: 1,
      number: '第1期',
      title: '第一季度整改进展',
      periodEnd: DEMO_TODAY,
      dueDate: plusDays(DEMO_TODAY, 5),
      status: 'open',
      statusLabel: '报送中',
      scheduled: false,
      counts: { expected, submitted: 0, missing: expected, late: 0 },
    });
    expect(first.body.units).toHaveLength(expected);
    expect(first.body.units.find((u: { unit: { id: string } }) => u.unit.id === unitId)).toMatchObject({
      status: 'pending',
      statusLabel: '未报送',
    });
    const bell = await unitlead.agent.get('/api/notifications').expect(200);
    expect(bell.body.items[0]).toMatchObject({
      kind: 'round.opened',
      title: `请于 ${plusDays(DEMO_TODAY, 5)} 前报送第1期整改进展`,
      link: `/report-rounds/${first.body.id}`,
    });

    // a chosen scope, and a default title from the period end
    const second = await openRound({ unitIds: [unitId, otherUnitId] }).expect(201);
    expect(second.body).toMatchObject({ seq: 2, number: '第2期', title: '2024年3月整改进展报送' });
    expect(second.body.counts.expected).toBe(2);

    const list = await officer.agent.get(`/api/inspections/${inspectionId}/report-rounds`).expect(200);
    expect(list.body.map((round: { seq: number }) => round.seq)).toEqual([2, 1]);
    // a unit leader sees its own unit only
    const mine = await unitlead.agent.get(`/api/report-rounds/${first.body.id}`).expect(200);
    expect(mine.body.units.map((u: { unit: { id: string } }) => u.unit.id)).toEqual([unitId]);
  });

  it('refuses bad rounds with a clear 4xx and opens nothing', async () => {
    const [{ count: before }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM report_round`);
    const past = await openRound({ dueDate: plusDays(DEMO_TODAY, -1) }).expect(400);
    expect(past.body.errors.dueDate).toEqual(['报送截止日期不能早于今天']);
    const inverted = await openRound({ periodEnd: plusDays(DEMO_TODAY, 9) }).expect(400);
    expect(inverted.body.errors.periodEnd).toBeDefined();
    await openRound({ unitIds: ['00000000-0000-4000-8000-000000000000'] }).expect(400);
    await openRound({ dueDate: '2024-02-30' }).expect(400);
    await post(unitlead, `/api/inspections/${inspectionId}/report-rounds`, {
      periodEnd: DEMO_TODAY,
      dueDate: plusDays(DEMO_TODAY, 5),
    }).expect(403);
    const [{ count: after }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM report_round`);
    expect(after).toBe(before);
  });

  it('numbers concurrent openings consecutively', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => openRound({ unitIds: [unitId] })));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(results.map((r) => r.body.seq).sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it('freezes a snapshot on submission that later edits and a sign-off never change; return → resubmit → close', async () => {
    const round = (await openRound({ unitIds: [unitId, otherUnitId] }).expect(201)).body;
    const prefilled = await form(round.id);
    expect(prefilled.canSubmit).toBe(true);
    expect(prefilled.items.length).toBeGreaterThan(1);
    const open = prefilled.items.filter((item) => item.open);
    expect(open.length).toBeGreaterThan(0);

    // every open measure needs this period's progress
    const partial = await post(unitlead, `/api/report-rounds/${round.id}/submissions`, {
      unitId,
      items: reportAll(prefilled.items, '本期进展').slice(1),
    }).expect(400);
    expect(partial.body.errors.items[0]).toContain('请填写每项未完成措施的本期进展');
    // another unit's measure, another unit, a co-leader of another unit
    await post(unitlead, `/api/report-rounds/${round.id}/submissions`, { unitId: otherUnitId, items: [] }).expect(404);
    await post(officer, `/api/report-rounds/${round.id}/submissions`, { unitId, items: [] }).expect(403);

    const items = reportAll(prefilled.items, '本期进展');
    const [a, b] = await Promise.all([
      post(unitlead, `/api/report-rounds/${round.id}/submissions`, { unitId, items }),
      post(unitlead, `/api/report-rounds/${round.id}/submissions`, { unitId, items }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.code).toBe('REPORT_ALREADY_SUBMITTED');
    const snapshot = (await unitlead.agent.get(`/api/report-rounds/${round.id}/submissions/${unitId}`).expect(200))
      .body;
    expect(snapshot).toMatchObject({ attempt: 1, late: false, submittedBy: expect.any(String), history: [] });
    const target = snapshot.items.find((item: FormItem) => item.measureId === open[0].measureId);
    expect(target.progress).toBe(items[0].progress);

    // the ledger moves on: the measure is edited and signed off
    await t.dataSource.query(`UPDATE measure SET text = '改过的措施', status = 'completed' WHERE id = $1`, [
      open[0].measureId,
    ]);
    const after = (await officer.agent.get(`/api/report-rounds/${round.id}/submissions/${unitId}`).expect(200)).body;
    expect(after.items).toEqual(snapshot.items);
    // and the rows themselves refuse to change
    await expect(
      t.dataSource.query(`UPDATE report_snapshot_item SET progress = 'x' WHERE measure_id = $1`, [open[0].measureId]),
    ).rejects.toThrow(/immutable/);

    // the other unit cannot read it
    await unitlead2.agent.get(`/api/report-rounds/${round.id}/submissions/${unitId}`).expect(404);
    await unitlead2.agent.get(`/api/report-rounds/${round.id}/form?unitId=${unitId}`).expect(404);

    // returned with a reason, the unit reports again
    await post(officer, `/api/report-rounds/${round.id}/submissions/${unitId}/return`, { reason: ' ' }).expect(400);
    const returned = await post(officer, `/api/report-rounds/${round.id}/submissions/${unitId}/return`, {
      reason: '进展过于笼统，请补充具体数据',
    }).expect(200);
    expect(returned.body).toMatchObject({ returnReason: '进展过于笼统，请补充具体数据' });
    const bell = await unitlead.agent.get('/api/notifications').expect(200);
    expect(bell.body.items[0]).toMatchObject({
      kind: 'round.returned',
      body: '退回原因：进展过于笼统，请补充具体数据',
    });
    const again = await form(round.id);
    expect(again).toMatchObject({ status: 'returned', returnReason: '进展过于笼统，请补充具体数据', canSubmit: true });
    // pre-filled with what was returned
    expect(again.items.find((item) => item.measureId === open[1]?.measureId)?.progress ?? '').toBe(
      items.find((item) => item.measureId === open[1]?.measureId)?.progress ?? '',
    );
    const pending = await unitlead.agent.get('/api/report-rounds/pending').expect(200);
    expect(pending.body.map((p: { round: { id: string } }) => p.round.id)).toContain(round.id);

    const resubmitted = await post(unitlead, `/api/report-rounds/${round.id}/submissions`, {
      unitId,
      items: reportAll(again.items, '补充数据后的进展'),
    }).expect(201);
    expect(resubmitted.body).toMatchObject({ attempt: 2, history: [{ attempt: 1, returnReason: expect.any(String) }] });
    // the first snapshot is kept as it was
    expect(resubmitted.body.history[0].items).toEqual(snapshot.items);
    const history = await officer.agent.get(`/api/measures/${open[open.length - 1].measureId}/history`).expect(200);
    expect(history.body[0]).toMatchObject({ action: 'report', actionLabel: '定期报送' });

    // close: the other unit never reported — missing, for good
    const closed = await post(officer, `/api/report-rounds/${round.id}/close`).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', counts: { expected: 2, submitted: 1, missing: 1, late: 0 } });
    const byUnit = Object.fromEntries(
      closed.body.units.map((u: { unit: { id: string }; punctuality: string }) => [u.unit.id, u.punctuality]),
    );
    expect(byUnit).toEqual({ [unitId]: 'on_time', [otherUnitId]: 'missing' });
    const late = await post(unitlead2, `/api/report-rounds/${round.id}/submissions`, {
      unitId: otherUnitId,
      items: [],
    }).expect(409);
    expect(late.body.code).toBe('ROUND_CLOSED');
    await post(officer, `/api/report-rounds/${round.id}/close`).expect(409);
    const actions = (
      await t.dataSource.query(`SELECT action FROM audit_event WHERE action LIKE 'REPORT_%' ORDER BY occurred_at, id`)
    ).map((row: { action: string }) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining(['REPORT_ROUND_OPENED', 'REPORT_SUBMITTED', 'REPORT_RETURNED', 'REPORT_ROUND_CLOSED']),
    );
  });

  it('marks a report after the due date late, lists the missing units with contacts', async () => {
    const round = (await openRound({ unitIds: [unitId, otherUnitId], dueDate: plusDays(DEMO_TODAY, 1) }).expect(201))
      .body;
    const missing = await officer.agent.get(`/api/report-rounds/${round.id}/missing`).expect(200);
    expect(missing.body.map((m: { unit: { id: string } }) => m.unit.id).sort()).toEqual([unitId, otherUnitId].sort());
    const water = missing.body.find((m: { unit: { id: string } }) => m.unit.id === unitId);
    expect(water).toMatchObject({ status: 'pending', statusLabel: '未报送', openMeasures: expect.any(Number) });
    expect(water.contacts).toEqual(
      expect.arrayContaining([expect.objectContaining({ roles: expect.arrayContaining(['单位负责人']) })]),
    );

    t.clock.set(new Date(`${plusDays(DEMO_TODAY, 3)}T10:00:00+08:00`));
    unitlead = await signIn(t.http, 'unitlead');
    officer = await signIn(t.http, 'officer');
    const items = reportAll((await form(round.id)).items, '逾期报送的进展');
    const late = await post(unitlead, `/api/report-rounds/${round.id}/submissions`, { unitId, items }).expect(201);
    expect(late.body.late).toBe(true);
    const detail = (await officer.agent.get(`/api/report-rounds/${round.id}`).expect(200)).body;
    expect(detail.counts).toEqual({ expected: 2, submitted: 1, missing: 1, late: 1 });
    expect(detail.units.find((u: { unit: { id: string } }) => u.unit.id === unitId)).toMatchObject({
      status: 'late',
      statusLabel: '逾期报送',
      punctuality: 'late',
    });
  });

  it('opens the scheduled round of the month once, however many processes run the schedule', async () => {
    const schedule = await officer.agent.get(`/api/inspections/${inspectionId}/report-schedule`).expect(200);
    expect(schedule.body).toMatchObject({ enabled: false, version: 1 });
    const path = `/api/inspections/${inspectionId}/report-schedule`;
    const put = (body: object) => officer.agent.put(path).set('X-CSRF-Token', officer.csrfToken).send(body);
    const bad = await put({ version: 1, enabled: true, dayOfMonth: 31, dueAfterDays: 5 }).expect(400);
    expect(bad.body.errors.dayOfMonth).toBeDefined();
    const saved = await put({ version: 1, enabled: true, dayOfMonth: 25, dueAfterDays: 5 }).expect(200);
    expect(saved.body).toMatchObject({ enabled: true, text: '每月25日自动开启报送轮次，5天内报送', version: 2 });
    await put({ version: 1, enabled: false, dayOfMonth: 25, dueAfterDays: 5 }).expect(409);

    const rounds = t.app.get(ReportRoundsService);
    t.clock.set(new Date('2024-03-24T08:00:00+08:00'));
    expect(await rounds.openScheduled()).toBe(0);
    t.clock.set(new Date('2024-03-25T08:00:00+08:00'));
    const second = await createTestApp({ database: t.database, now: new Date('2024-03-25T08:00:00+08:00') });
    try {
      const opened = await Promise.all([
        rounds.openScheduled(),
        second.app.get(ReportRoundsService).openScheduled(),
        rounds.openScheduled(),
      ]);
      expect(opened.reduce((sum, n) => sum + n, 0)).toBe(1);
    } finally {
      await second.close();
    }
    const [scheduled] = await t.dataSource.query(
      `SELECT title, to_char(due_date, 'YYYY-MM-DD') AS due, opened_by_id FROM report_round
       WHERE inspection_id = $1 AND schedule_key = '2024-03'`,
      [inspectionId],
    );
    expect(scheduled).toEqual({ title: '2024年3月整改进展报送', due: '2024-03-30', opened_by_id: null });
  });

  it('chases the units still owing: one-click 催报, reminders 3 and 1 days before, the ladder after — each once', async () => {
    const day = '2024-04-01';
    const at = async (date: string) => {
      t.clock.set(new Date(`${date}T08:30:00+08:00`));
      officer = await signIn(t.http, 'officer');
      unitlead = await signIn(t.http, 'unitlead');
      unitlead2 = await signIn(t.http, 'unitlead2');
    };
    await at(day);
    // the rounds of the tests above out of the way: only this one is open
    await t.dataSource.query(`UPDATE report_round SET status = 'closed' WHERE status = 'open'`);
    const round = (
      await openRound({ periodEnd: day, dueDate: plusDays(day, 3), unitIds: [unitId, otherUnitId] }).expect(201)
    ).body;
    const told = async (kind: string, username: string) =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS count FROM notification n JOIN user_account ua ON ua.id = n.user_id
           WHERE n.kind = $1 AND ua.username = $2 AND n.link = $3`,
          [kind, username, `/report-rounds/${round.id}`],
        )
      )[0].count as number;

    // 催报 in one click: the chosen unit's accounts hear it
    await post(officer, `/api/report-rounds/${round.id}/urge`, {
      unitIds: ['00000000-0000-4000-8000-000000000000'],
    }).expect(400);
    const urged = await post(officer, `/api/report-rounds/${round.id}/urge`, { unitIds: [unitId] }).expect(201);
    expect(urged.body).toEqual({ units: 1, recipients: expect.any(Number) });
    expect(urged.body.recipients).toBeGreaterThan(0);
    expect([await told('round.urged', 'unitlead'), await told('round.urged', 'unitlead2')]).toEqual([1, 0]);
    await post(unitlead, `/api/report-rounds/${round.id}/urge`, {}).expect(403);

    const sweep = t.app.get(ReminderSweepService);
    await sweep.sweep();
    expect(await told('round.due_soon', 'unitlead')).toBe(1);
    await sweep.sweep();
    expect(await told('round.due_soon', 'unitlead')).toBe(1);

    // the unit reports; from then on only the other one is chased
    await at(plusDays(day, 2));
    const items = reportAll((await form(round.id)).items, '按期报送');
    await post(unitlead, `/api/report-rounds/${round.id}/submissions`, { unitId, items }).expect(201);
    await sweep.sweep();
    expect([await told('round.due_soon', 'unitlead'), await told('round.due_soon', 'unitlead2')]).toEqual([1, 2]);

    await at(plusDays(day, 4));
    await sweep.sweep();
    expect([await told('round.missing', 'unitlead2'), await told('round.missing', 'officer')]).toEqual([1, 0]);
    const [note] = await t.dataSource.query(
      `SELECT n.title FROM notification n JOIN user_account ua ON ua.id = n.user_id
       WHERE n.kind = 'round.missing' AND ua.username = 'unitlead2' AND n.link = $1`,
      [`/report-rounds/${round.id}`],
    );
    expect(note.title).toMatch(/^第\d+期整改进展已逾期 1 天未报送$/);
    await at(plusDays(day, 11));
    await sweep.sweep();
    await sweep.sweep();
    expect(await told('round.missing', 'officer')).toBe(1);
    const [escalated] = await t.dataSource.query(
      `SELECT n.title, n.body FROM notification n JOIN user_account ua ON ua.id = n.user_id
       WHERE n.kind = 'round.missing' AND ua.username = 'officer' AND n.link = $1`,
      [`/report-rounds/${round.id}`],
    );
    expect(escalated.title).toBe('1 个单位逾期未报送整改进展');
    expect(escalated.body).toContain('区经济和信息化局');

    // a closed round chases nobody
    await post(officer, `/api/report-rounds/${round.id}/close`).expect(200);
    await at(plusDays(day, 20));
    await sweep.sweep();
    expect(await told('round.missing', 'supervisor')).toBe(0);
    await post(officer, `/api/report-rounds/${round.id}/urge`, {}).expect(409);
  });
  it('shows a 视同完成 measure past an unreviewed checkpoint red in the form and in the frozen report', async () => {
    const today = chinaDate(t.clock.now());
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'deemed_completed', 1);
    await t.dataSource.query(
      `INSERT INTO measure_checkpoint (measure_id, due_on, title) VALUES ($1, $2::date - 3, '阶段目标复核')`,
      [measure.id, today],
    );
    const round = (
      await post(officer, `/api/inspections/${inspectionId}/report-rounds`, {
        periodEnd: today,
        dueDate: plusDays(today, 5),
        unitIds: [unitId],
      }).expect(201)
    ).body;
    unitlead = await signIn(t.http, 'unitlead');
    const items = (await form(round.id)).items as Array<FormItem & { light: string }>;
    expect(items.find((item) => item.measureId === measure.id)).toMatchObject({
      status: 'deemed_completed',
      light: 'red',
    });
    await post(unitlead, `/api/report-rounds/${round.id}/submissions`, {
      unitId,
      items: reportAll(items, '本期进展'),
    }).expect(201);
    const frozen = (await officer.agent.get(`/api/report-rounds/${round.id}/submissions/${unitId}`).expect(200)).body;
    expect(frozen.items.find((i: { measureId: string }) => i.measureId === measure.id)).toMatchObject({ light: 'red' });
  });
});
