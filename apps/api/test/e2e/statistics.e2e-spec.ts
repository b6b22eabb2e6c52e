import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chinaDate } from '@zhenggai/domain';
import { DEMO_TODAY } from '../support/database.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';

interface Stats {
  inspectionId: string;
  today: string;
  dueSoonDays: number;
  countDeemedAsComplete: boolean;
  problems: { total: number; completed: number; deemedCompleted: number; inProgress: number };
  completionRate: number;
  measures: {
    total: number;
    notStarted: number;
    inProgress: number;
    awaitingSignOff: number;
    completed: number;
    deemedCompleted: number;
    overdue: number;
    dueSoon: number;
  };
  measureCompletionRate: number;
  byCategory: Array<{
    categoryId: string | null;
    title: string;
    problems: number;
    completed: number;
    deemedCompleted: number;
    inProgress: number;
  }>;
  byUnit: Array<{
    unitId: string;
    name: string;
    assigned: number;
    completed: number;
    deemedCompleted: number;
    awaitingSignOff: number;
    overdue: number;
    dueSoon: number;
    onTimeRate: number | null;
    extensions: number;
    light: string;
  }>;
  overdueList: Array<{
    id: string;
    problemId: string;
    text: string;
    deadline: string;
    daysOverdue: number;
    statusLabel: string;
    leadUnit: { id: string; name: string } | null;
  }>;
  dueSoonList: Array<{ id: string; deadline: string; daysLeft: number; statusLabel: string }>;
  weeklyTrend: Array<{ weekStart: string; completed: number; cumulative: number }>;
  outcomes: {
    accountability: {
      people: number;
      personTimes: number;
      byForm: Array<{ form: string; count: number; unit: string | null }>;
    };
    rules: number;
    funds: number;
  };
  generatedAt: string;
}

const rate = (n: number, total: number) => (total === 0 ? 0 : Math.round((n * 1000) / total) / 10);
const sum = <T>(items: T[], pick: (item: T) => number) => items.reduce((total, item) => total + pick(item), 0);
const DAY_MS = 86_400_000;

describe('inspection statistics (HTTP)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let inspectionId: string;
  let stats: Stats;

  const statistics = async (who: SignedIn, query = ''): Promise<Stats> =>
    (await who.agent.get(`/api/inspections/${inspectionId}/statistics${query}`).expect(200)).body as Stats;
  const total = async (who: SignedIn, url: string): Promise<number> =>
    (await who.agent.get(url).expect(200)).body.total as number;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t.http, 'officer');
    inspectionId = (await officer.agent.get('/api/inspections').expect(200)).body.items[0].id;
    stats = await statistics(officer);
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts the 41 problems and 114 measures of the demo, each total the sum of its classes', () => {
    expect(stats).toMatchObject({ inspectionId, today: DEMO_TODAY, dueSoonDays: 7 });
    expect(stats.generatedAt).toBe(t.clock.now().toISOString());
    const { problems, measures } = stats;
    expect(problems.total).toBe(41);
    expect(problems.completed + problems.deemedCompleted + problems.inProgress).toBe(problems.total);
    for (const count of [problems.completed, problems.deemedCompleted, problems.inProgress])
      expect(count).toBeGreaterThan(0);
    expect(measures.total).toBe(114);
    expect(
      measures.notStarted +
        measures.inProgress +
        measures.awaitingSignOff +
        measures.completed +
        measures.deemedCompleted,
    ).toBe(measures.total);
    expect(measures.overdue).toBeGreaterThan(0);
    expect(measures.dueSoon).toBeGreaterThan(0);
  });

  it('agrees with the problem list on every status', async () => {
    const base = `/api/problems?inspectionId=${inspectionId}`;
    expect(await total(officer, base)).toBe(stats.problems.total);
    expect(await total(officer, `${base}&status=completed`)).toBe(stats.problems.completed);
    expect(await total(officer, `${base}&status=deemed_completed`)).toBe(stats.problems.deemedCompleted);
    expect(await total(officer, `${base}&status=in_progress`)).toBe(stats.problems.inProgress);
  });

  it('groups the problems by category in category order, the rest as 未分类, adding up to the totals', async () => {
    // the demo notice has no 方面 headings: every problem is uncategorised until categories are added
    const { total: problems, completed, deemedCompleted, inProgress } = stats.problems;
    expect(stats.byCategory).toEqual([
      { categoryId: null, title: '未分类', problems, completed, deemedCompleted, inProgress },
    ]);
    const [second, first] = (await t.dataSource.query(
      `INSERT INTO category (inspection_id, seq, label, title) VALUES ($1, 2, '（二）', '在“全面从严治党”方面'), ($1, 1, '（一）', '在“贯彻落实党中央决策部署”方面')
       RETURNING id`,
      [inspectionId],
    )) as Array<{ id: string }>;
    await t.dataSource.query(
      'UPDATE problem SET category_id = CASE WHEN seq <= 10 THEN $2::uuid ELSE $3::uuid END WHERE inspection_id = $1 AND seq <= 25',
      [inspectionId, first.id, second.id],
    );
    const grouped = (await statistics(officer)).byCategory;
    expect(grouped.map((c) => [c.categoryId, c.title, c.problems])).toEqual([
      [first.id, '在“贯彻落实党中央决策部署”方面', 10],
      [second.id, '在“全面从严治党”方面', 15],
      [null, '未分类', 16],
    ]);
    expect(sum(grouped, (c) => c.problems)).toBe(stats.problems.total);
    expect(sum(grouped, (c) => c.completed)).toBe(stats.problems.completed);
    expect(sum(grouped, (c) => c.deemedCompleted)).toBe(stats.problems.deemedCompleted);
    expect(sum(grouped, (c) => c.inProgress)).toBe(stats.problems.inProgress);
    for (const category of grouped)
      expect(category.completed + category.deemedCompleted + category.inProgress).toBe(category.problems);
  });

  it('agrees with the measure list on overdue (red) and due soon (dueWithinDays)', async () => {
    const base = `/api/measures?inspectionId=${inspectionId}&pageSize=200`;
    const red = (await officer.agent.get(`${base}&light=red`).expect(200)).body;
    expect(red.total).toBe(stats.measures.overdue);
    expect(await total(officer, `${base}&dueWithinDays=7`)).toBe(stats.measures.dueSoon);
    expect(await total(officer, `${base}&light=yellow`)).toBe(stats.measures.dueSoon);

    expect(stats.overdueList).toHaveLength(Math.min(50, stats.measures.overdue));
    const redIds = new Set((red.items as Array<{ id: string }>).map((item) => item.id));
    for (const item of stats.overdueList) {
      expect(redIds.has(item.id)).toBe(true);
      expect(item.daysOverdue).toBe(Math.round((Date.parse(DEMO_TODAY) - Date.parse(item.deadline)) / DAY_MS));
      expect(item.daysOverdue).toBeGreaterThan(0);
      // 视同完成: past a checkpoint not yet reviewed (its date is the item's deadline)
      expect(['未启动', '推进中', '待审核', '视同完成']).toContain(item.statusLabel);
      expect(item.text.length).toBeLessThanOrEqual(80);
      expect(item.leadUnit).not.toBeNull();
    }
    const deadlines = stats.overdueList.map((item) => item.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(stats.dueSoonList).toHaveLength(Math.min(50, stats.measures.dueSoon));
    for (const item of stats.dueSoonList) {
      expect(item.daysLeft).toBe(Math.round((Date.parse(item.deadline) - Date.parse(DEMO_TODAY)) / DAY_MS));
      expect(item.daysLeft).toBeGreaterThanOrEqual(0);
      expect(item.daysLeft).toBeLessThanOrEqual(7);
    }

    const wider = await statistics(officer, '?dueSoonDays=60');
    expect(wider.dueSoonDays).toBe(60);
    expect(wider.measures.dueSoon).toBe(await total(officer, `${base}&dueWithinDays=60`));
    expect(wider.measures.dueSoon).toBeGreaterThan(stats.measures.dueSoon);
    expect(wider.measures.overdue).toBe(stats.measures.overdue);
  });

  it('computes the completion rates with and without 视同完成', async () => {
    const { problems, measures } = stats;
    expect(stats.completionRate).toBe(rate(problems.completed + problems.deemedCompleted, problems.total));
    expect(stats.measureCompletionRate).toBe(rate(measures.completed + measures.deemedCompleted, measures.total));
    const strict = await statistics(officer, '?countDeemedAsComplete=false');
    expect(strict.countDeemedAsComplete).toBe(false);
    expect(strict.completionRate).toBe(rate(problems.completed, problems.total));
    expect(strict.measureCompletionRate).toBe(rate(measures.completed, measures.total));
    expect(strict.completionRate).toBeLessThan(stats.completionRate);
    expect(strict.problems).toEqual(problems);
    const explicit = await statistics(officer, '?countDeemedAsComplete=true');
    expect(explicit.completionRate).toBe(stats.completionRate);
  });

  it('gives each unit its assigned measures (lead or co-unit), as the measure list filtered by unit does', async () => {
    expect(stats.byUnit.length).toBeGreaterThan(1);
    // every measure has exactly one lead unit and co-units are counted as well, so the units hold at least the total
    expect(sum(stats.byUnit, (u) => u.assigned)).toBeGreaterThanOrEqual(stats.measures.total);
    expect(sum(stats.byUnit, (u) => u.overdue)).toBeGreaterThanOrEqual(stats.measures.overdue);
    const base = `/api/measures?inspectionId=${inspectionId}&pageSize=1`;
    for (const unit of stats.byUnit) {
      expect(unit.assigned).toBe(await total(officer, `${base}&unitId=${unit.unitId}`));
      expect(unit.overdue).toBe(await total(officer, `${base}&unitId=${unit.unitId}&light=red`));
      expect(unit.dueSoon).toBe(await total(officer, `${base}&unitId=${unit.unitId}&light=yellow`));
      expect(unit.awaitingSignOff).toBe(await total(officer, `${base}&unitId=${unit.unitId}&status=pending_review`));
      expect(unit.completed + unit.deemedCompleted + unit.awaitingSignOff).toBeLessThanOrEqual(unit.assigned);
      const done = unit.completed + unit.deemedCompleted;
      if (done === 0) expect(unit.onTimeRate).toBeNull();
      else expect(unit.onTimeRate).toBeGreaterThanOrEqual(0);
      const expected =
        unit.overdue > 0 ? 'red' : unit.dueSoon > 0 ? 'yellow' : done === unit.assigned ? 'grey' : 'green';
      expect(unit.light).toBe(expected);
      expect(unit.extensions).toBe(0);
    }
  });

  it('counts on-time completions on the China calendar', async () => {
    const unit = stats.byUnit.find((u) => u.completed + u.deemedCompleted >= 2)!;
    const doneOf = async () =>
      (await t.dataSource.query(
        `SELECT m.id, m.completed_at AS "completedAt", m.deadline FROM measure m
         WHERE m.inspection_id = $1 AND m.status IN ('completed', 'deemed_completed')
           AND (m.lead_unit_id = $2 OR EXISTS (SELECT 1 FROM measure_unit mu WHERE mu.measure_id = m.id AND mu.unit_id = $2))
         ORDER BY m.deadline NULLS LAST, m.id`,
        [inspectionId, unit.unitId],
      )) as Array<{ id: string; completedAt: Date | null; deadline: string | null }>;
    const [late, onTime] = await doneOf();
    // 00:30 in China the day after the deadline is still the deadline day in UTC: late all the same
    await t.dataSource.query(
      `UPDATE measure SET completed_at = ($2::date + 1 + time '00:30') AT TIME ZONE 'Asia/Shanghai' WHERE id = $1`,
      [late.id, late.deadline],
    );
    await t.dataSource.query(
      `UPDATE measure SET completed_at = ($2::date + time '23:30') AT TIME ZONE 'Asia/Shanghai' WHERE id = $1`,
      [onTime.id, onTime.deadline],
    );
    const rows = await doneOf();
    const inTime = rows.filter(
      (row) => !row.completedAt || !row.deadline || chinaDate(row.completedAt) <= row.deadline,
    ).length;
    expect(inTime).toBe(rows.length - 1);
    const after = (await statistics(officer)).byUnit.find((u) => u.unitId === unit.unitId)!;
    expect(after.onTimeRate).toBe(rate(inTime, rows.length));
    expect(after.onTimeRate).toBeLessThan(100);
  });

  it('draws the weekly trend from the week of the feedback date to this week, Mondays on the China calendar', async () => {
    const trend = (await statistics(officer)).weeklyTrend;
    // feedback on Wednesday 2023-11-01; today Friday 2024-03-15
    expect(trend[0].weekStart).toBe('2023-10-30');
    expect(trend.at(-1)!.weekStart).toBe('2024-03-11');
    for (const [index, week] of trend.entries()) {
      expect(new Date(`${week.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
      if (index === 0) continue;
      expect(Date.parse(week.weekStart) - Date.parse(trend[index - 1].weekStart)).toBe(7 * DAY_MS);
      expect(week.cumulative).toBe(trend[index - 1].cumulative + week.completed);
    }
    const done = (await t.dataSource.query(
      `SELECT completed_at AS "completedAt" FROM measure WHERE inspection_id = $1 AND status IN ('completed', 'deemed_completed')`,
      [inspectionId],
    )) as Array<{ completedAt: Date }>;
    const doneOn = done.map((row) => chinaDate(row.completedAt));
    expect(trend.at(-1)!.cumulative).toBe(doneOn.filter((day) => day <= '2024-03-17').length);
    expect(trend.at(-1)!.cumulative).toBeGreaterThan(0);
    for (const week of trend) {
      const end = new Date(Date.parse(week.weekStart) + 6 * DAY_MS).toISOString().slice(0, 10);
      expect(week.completed).toBe(doneOn.filter((day) => day >= week.weekStart && day <= end).length);
    }
  });

  it('adds up the outcomes: people and person-times held accountable, rules, funds', async () => {
    const actions = (await t.dataSource.query(
      'SELECT form, count, count_unit FROM accountability_action WHERE inspection_id = $1',
      [inspectionId],
    )) as Array<{ form: string; count: number | null; count_unit: string | null }>;
    const counted = (unit: string) =>
      sum(
        actions.filter((a) => a.count_unit === unit),
        (a) => a.count ?? 0,
      );
    expect(stats.outcomes.accountability.people).toBe(counted('人'));
    expect(stats.outcomes.accountability.personTimes).toBe(counted('人次'));
    expect(sum(stats.outcomes.accountability.byForm, (f) => f.count)).toBe(sum(actions, (a) => a.count ?? 0));
    const [{ rules }] = (await t.dataSource.query(
      `SELECT count(*)::int AS rules FROM rule_document WHERE inspection_id = $1 AND role IN ('issued', 'revised')`,
      [inspectionId],
    )) as Array<{ rules: number }>;
    expect(stats.outcomes.rules).toBe(rules);
    expect(rules).toBeGreaterThan(0);
    const [{ funds }] = (await t.dataSource.query(
      'SELECT COALESCE(sum(amount), 0)::float8 AS funds FROM fund_recovery WHERE inspection_id = $1',
      [inspectionId],
    )) as Array<{ funds: number }>;
    expect(stats.outcomes.funds).toBeCloseTo(funds, 2);
  });

  it("limits a unit leader to their unit's measures and the problems they can see", async () => {
    const unitlead = await signIn(t.http, 'unitlead');
    const me = (await unitlead.agent.get('/api/auth/me').expect(200)).body as { unitIds: string[] };
    const own = await statistics(unitlead);
    expect(own.byUnit.map((u) => u.unitId)).toEqual(me.unitIds);
    expect(own.problems.total).toBeLessThan(stats.problems.total);
    expect(own.problems.total).toBe(await total(unitlead, `/api/problems?inspectionId=${inspectionId}`));
    expect(own.problems.completed).toBe(
      await total(unitlead, `/api/problems?inspectionId=${inspectionId}&status=completed`),
    );
    expect(own.measures.total).toBeLessThan(stats.measures.total);
    expect(own.measures.total).toBe(await total(unitlead, `/api/measures?inspectionId=${inspectionId}`));
    expect(own.measures.total).toBe(own.byUnit[0].assigned);
    expect(own.measures.overdue).toBe(await total(unitlead, `/api/measures?inspectionId=${inspectionId}&light=red`));
    for (const item of [...own.overdueList, ...own.dueSoonList]) {
      await unitlead.agent.get(`/api/measures/${item.id}`).expect(200);
    }
    const everything = await statistics(officer);
    expect(own.byUnit[0]).toEqual(everything.byUnit.find((u) => u.unitId === me.unitIds[0]));

    const other = await signIn(t.http, 'unitlead2');
    const theirs = await statistics(other);
    expect(theirs.byUnit).toHaveLength(1);
    expect(theirs.byUnit[0].unitId).not.toBe(own.byUnit[0].unitId);
    expect(theirs.measures).not.toEqual(own.measures);
    expect(theirs.measures.total).toBe(await total(other, `/api/measures?inspectionId=${inspectionId}`));
  });

  it('answers bad parameters with 400 and Chinese field errors', async () => {
    const bad = await officer.agent
      .get(`/api/inspections/${inspectionId}/statistics?countDeemedAsComplete=maybe&dueSoonDays=-1`)
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.errors.countDeemedAsComplete).toEqual(['必须是 true 或 false']);
    expect(bad.body.errors.dueSoonDays).toEqual(['不能小于 0']);
    const words = await officer.agent.get(`/api/inspections/${inspectionId}/statistics?dueSoonDays=abc`).expect(400);
    expect(words.body.errors.dueSoonDays).toContain('必须是整数');
    const big = await officer.agent.get(`/api/inspections/${inspectionId}/statistics?dueSoonDays=400`).expect(400);
    expect(big.body.errors.dueSoonDays).toEqual(['不能大于 365']);
    const unknown = await officer.agent.get(`/api/inspections/${inspectionId}/statistics?light=red`).expect(400);
    expect(unknown.body.errors.light).toEqual(['不允许提交此字段']);
  });

  it('answers 404 for an unknown inspection and keeps admin roles out', async () => {
    const missing = await officer.agent
      .get('/api/inspections/00000000-0000-4000-8000-000000000000/statistics')
      .expect(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND', message: '巡视（巡察）不存在或无权查看' });
    await officer.agent.get('/api/inspections/not-a-uuid/statistics').expect(404);
    const sysadmin = await signIn(t.http, 'sysadmin');
    await sysadmin.agent.get(`/api/inspections/${inspectionId}/statistics`).expect(403);
  });

  it('hides an inspection in which a unit has nothing to do', async () => {
    const [{ id }] = (await t.dataSource.query(
      `INSERT INTO inspection (title, kind, feedback_date) VALUES ('另一轮巡察', 'xuncha', '2024-01-10') RETURNING id`,
    )) as Array<{ id: string }>;
    const unitlead = await signIn(t.http, 'unitlead');
    await unitlead.agent.get(`/api/inspections/${id}/statistics`).expect(404);
    const empty = await officer.agent.get(`/api/inspections/${id}/statistics`).expect(200);
    expect(empty.body).toMatchObject({
      problems: { total: 0 },
      completionRate: 0,
      measures: { total: 0 },
      byUnit: [],
      overdueList: [],
    });
    expect(empty.body.weeklyTrend[0].weekStart).toBe('2024-01-08');
  });

  it('counts deadline extensions per unit', async () => {
    const item = stats.overdueList[0];
    const before = (await statistics(officer)).byUnit.find((u) => u.unitId === item.leadUnit!.id)!;
    await t.dataSource.query(
      `INSERT INTO deadline_extension (measure_id, unit_id, previous_deadline, requested_deadline, reason, status)
       VALUES ($1, $2, $3, $3::date + 30, '汛期施工受限，申请延期', 'pending'), ($1, $2, $3, $3::date + 60, '再次申请', 'refused')`,
      [item.id, item.leadUnit!.id, item.deadline],
    );
    const after = (await statistics(officer)).byUnit.find((u) => u.unitId === item.leadUnit!.id)!;
    expect(after.extensions).toBe(before.extensions + 2);
  });

  it('moves measures into overdue when the calendar moves on', async () => {
    const start = t.clock.now();
    try {
      const soon = stats.dueSoonList.map((item) => item.id);
      t.clock.set(new Date(start.getTime() + 10 * DAY_MS));
      // ten days idle ends the session: sign in again on the new day
      officer = await signIn(t.http, 'officer');
      const later = await statistics(officer);
      expect(later.today).toBe('2024-03-25');
      expect(later.measures.overdue).toBeGreaterThanOrEqual(stats.measures.overdue + soon.length);
      const overdueIds = new Set(later.overdueList.map((item) => item.id));
      if (later.measures.overdue <= 50) for (const id of soon) expect(overdueIds.has(id)).toBe(true);
      expect(later.measures.overdue).toBe(await total(officer, `/api/measures?inspectionId=${inspectionId}&light=red`));
      expect(later.weeklyTrend.at(-1)!.weekStart).toBe('2024-03-25');
      expect(later.generatedAt).toBe(t.clock.now().toISOString());
    } finally {
      t.clock.set(start);
    }
  });
  it('leaves out deleted problems and their measures, as the lists do', async () => {
    officer = await signIn(t.http, 'officer');
    const before = await statistics(officer);
    const problemId = before.overdueList[0].problemId;
    const [{ measures }] = (await t.dataSource.query(
      'SELECT count(*)::int AS measures FROM measure WHERE problem_id = $1 AND deleted_at IS NULL',
      [problemId],
    )) as Array<{ measures: number }>;
    await t.dataSource.query('UPDATE problem SET deleted_at = now() WHERE id = $1', [problemId]);
    const after = await statistics(officer);
    expect(after.problems.total).toBe(before.problems.total - 1);
    expect(after.measures.total).toBe(before.measures.total - measures);
    expect(after.problems.total).toBe(await total(officer, `/api/problems?inspectionId=${inspectionId}`));
    expect(after.measures.total).toBe(await total(officer, `/api/measures?inspectionId=${inspectionId}`));
    expect(after.measures.overdue).toBe(await total(officer, `/api/measures?inspectionId=${inspectionId}&light=red`));
    expect(after.overdueList.some((item) => item.problemId === problemId)).toBe(false);
  });
});
