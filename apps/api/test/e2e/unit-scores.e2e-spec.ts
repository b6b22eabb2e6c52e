import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import {
  DEFAULT_SCORING_WEIGHTS,
  describeScoringFormula,
  rankUnits,
  scoringComponents,
  unitScore,
  type ScoringWeights,
  type UnitScoreComponents,
  type UnitScoreCounts,
} from '@zhenggai/domain';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { DEMO_TODAY } from '../support/database.js';
import { binary } from '../support/http.js';

const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Item {
  unit: { id: string; name: string };
  score: number;
  rank: number;
  components: UnitScoreComponents;
}
interface Scores {
  formula: { weights: ScoringWeights; text: string };
  items: Item[];
}

// 考核 on the demo data: every unit's score is what packages/domain computes from counts read here independently
// (raw rows, counted in the test), ranked over all units; the weights are a versioned, audited policy.
describe('unit scoring (考核)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let supervisor: SignedIn;
  let unitlead: SignedIn;
  let inspectionId: string;
  let ownUnits: string[];

  const put = (caller: SignedIn, body: object) =>
    caller.agent
      .put(`/api/inspections/${inspectionId}/scoring-policy`)
      .set('X-CSRF-Token', caller.csrfToken)
      .send(body);
  const scores = async (caller = officer) =>
    (await caller.agent.get(`/api/inspections/${inspectionId}/unit-scores`).expect(200)).body as Scores;

  /** The counts per unit, from raw rows counted here (not the API's SQL). */
  async function counts(): Promise<Map<string, UnitScoreCounts & { name: string }>> {
    const q = (sql: string) => t.dataSource.query(sql, [inspectionId]) as Promise<Array<Record<string, unknown>>>;
    const measures = await q(
      `SELECT m.id, m.status, m.deadline, to_char(m.completed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS done_on,
              array_remove(array_append(ARRAY(SELECT mu.unit_id FROM measure_unit mu WHERE mu.measure_id = m.id),
                                        m.lead_unit_id), NULL) AS units
       FROM measure m JOIN problem p ON p.id = m.problem_id
       WHERE m.inspection_id = $1 AND m.deleted_at IS NULL AND p.deleted_at IS NULL`,
    );
    const events = await q(
      `SELECT me.measure_id, me.unit_id, me.action FROM measure_event me JOIN measure m ON m.id = me.measure_id
       WHERE m.inspection_id = $1 AND me.action IN ('return', 'urge')`,
    );
    const items = await q(
      `SELECT li.measure_id FROM lookback_item li JOIN measure m ON m.id = li.measure_id
       WHERE m.inspection_id = $1 AND li.result = 'rebounded'`,
    );
    const places = await q(
      `SELECT rru.unit_id, rru.punctuality FROM report_round_unit rru JOIN report_round r ON r.id = rru.round_id
       WHERE r.inspection_id = $1 AND r.status = 'closed'`,
    );
    const names = new Map(
      (
        (await t.dataSource.query(`SELECT id, name FROM unit WHERE deleted_at IS NULL`)) as Array<{
          id: string;
          name: string;
        }>
      ).map((unit) => [unit.id, unit.name]),
    );
    const result = new Map<string, UnitScoreCounts & { name: string }>();
    const unitsOf = new Map<string, Set<string>>();
    for (const measure of measures) {
      const units = new Set(measure.units as string[]);
      unitsOf.set(measure.id as string, units);
      for (const unitId of units) {
        if (!names.has(unitId)) continue;
        const entry = result.get(unitId) ?? {
          name: names.get(unitId)!,
          measures: 0,
          done: 0,
          doneOnTime: 0,
          openNotOverdue: 0,
          roundPlaces: 0,
          roundsOnTime: 0,
          roundsLate: 0,
          returnedCount: 0,
          reboundCount: 0,
          urgedCount: 0,
        };
        const deadline = measure.deadline as string | null;
        const doneOn = measure.done_on as string | null;
        entry.measures += 1;
        if (['completed', 'deemed_completed'].includes(measure.status as string)) {
          entry.done += 1;
          if (!deadline || !doneOn || doneOn <= deadline) entry.doneOnTime += 1;
        } else if (!deadline || deadline >= DEMO_TODAY) entry.openNotOverdue += 1;
        result.set(unitId, entry);
      }
    }
    for (const event of events) {
      for (const unitId of unitsOf.get(event.measure_id as string) ?? []) {
        const entry = result.get(unitId);
        if (!entry || (event.unit_id && event.unit_id !== unitId)) continue;
        if (event.action === 'return') entry.returnedCount += 1;
        else entry.urgedCount += 1;
      }
    }
    for (const item of items)
      for (const unitId of unitsOf.get(item.measure_id as string) ?? []) {
        const entry = result.get(unitId);
        if (entry) entry.reboundCount += 1;
      }
    for (const place of places) {
      const entry = result.get(place.unit_id as string);
      if (!entry) continue;
      entry.roundPlaces += 1;
      if (place.punctuality === 'on_time') entry.roundsOnTime += 1;
      if (place.punctuality === 'late') entry.roundsLate += 1;
    }
    return result;
  }

  /** What the API must answer, computed with the domain functions from the independent counts. */
  async function expected(weights: ScoringWeights) {
    const scored = [...(await counts()).entries()].map(([unitId, entry]) => {
      const components = scoringComponents(entry);
      return { unit: { id: unitId, name: entry.name }, score: unitScore(components, weights), components };
    });
    return rankUnits(scored, (a, b) => a.unit.name.localeCompare(b.unit.name, 'zh-CN'));
  }

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t.http, 'officer');
    supervisor = await signIn(t.http, 'supervisor');
    unitlead = await signIn(t.http, 'unitlead');
    [{ id: inspectionId }] = (await officer.agent.get('/api/inspections').expect(200)).body.items;
    ownUnits = (await unitlead.agent.get('/api/auth/me').expect(200)).body.unitIds;
  });
  afterAll(async () => {
    await t.close();
  });

  it('scores every unit with the default weights exactly as the domain function does, ranked over all units', async () => {
    const answer = await scores();
    expect(answer.formula).toEqual({
      weights: DEFAULT_SCORING_WEIGHTS,
      text: '得分 = 完成率×50 + 按期率×30 + 报送及时率×20 − 退回次数×2 − 反弹次数×5 − 被催办次数×1（最低0分）',
    });
    const want = await expected(DEFAULT_SCORING_WEIGHTS);
    expect(want.length).toBeGreaterThan(3);
    expect(answer.items).toEqual(want);
    // sorted by rank, ranks start at 1 and ties share one
    expect(answer.items[0].rank).toBe(1);
    answer.items.forEach((item, i) => {
      if (i > 0) expect(item.rank).toBe(item.score === answer.items[i - 1].score ? answer.items[i - 1].rank : i + 1);
    });
    // the demo exercises the components: reports late or missing, a rebound, returns or urges somewhere
    const all = answer.items.map((item) => item.components);
    expect(all.some((c) => c.reportPunctuality > 0 && c.reportPunctuality < 1)).toBe(true);
    expect(all.some((c) => c.reboundCount > 0)).toBe(true);
    expect(all.some((c) => c.completionRate > 0)).toBe(true);
    // supervisors read the same ranking
    expect((await scores(supervisor)).items).toEqual(answer.items);
  });

  it('shows a unit leader only its own units, with their ranks among all units', async () => {
    const all = await scores();
    const mine = await scores(unitlead);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((item) => ownUnits.includes(item.unit.id))).toBe(true);
    expect(mine.items).toEqual(all.items.filter((item) => ownUnits.includes(item.unit.id)));
    expect(mine.formula).toEqual(all.formula);
  });

  it('deducts a returned sign-off request and a 催办 from the units of the measure', async () => {
    const [pending] = (await t.dataSource.query(
      `SELECT m.id, m.version, m.lead_unit_id AS "unitId" FROM measure m JOIN problem p ON p.id = m.problem_id
       WHERE m.inspection_id = $1 AND m.status = 'pending_review' AND m.deleted_at IS NULL AND p.deleted_at IS NULL
         AND m.lead_unit_id IS NOT NULL
       ORDER BY m.id LIMIT 1`,
      [inspectionId],
    )) as Array<{ id: string; version: number; unitId: string }>;
    expect(pending).toBeDefined();
    const before = (await scores()).items.find((i) => i.unit.id === pending.unitId)!;
    await officer.agent
      .post(`/api/measures/${pending.id}/return`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ version: pending.version, reason: '佐证材料不足，请补充后重新提交' })
      .expect(200);
    await officer.agent
      .post(`/api/measures/${pending.id}/urge`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ message: '请抓紧整改' })
      .expect(201);
    const after = await scores();
    const unit = after.items.find((i) => i.unit.id === pending.unitId)!;
    expect(unit.components.returnedCount).toBe(before.components.returnedCount + 1);
    expect(unit.components.urgedCount).toBe(before.components.urgedCount + 1);
    expect(unit.score).toBeLessThan(before.score);
    expect(after.items).toEqual(await expected(DEFAULT_SCORING_WEIGHTS));
  });

  it('lowers a unit’s score when a look-back finds one of its measures rebounded', async () => {
    const lookback = (
      await officer.agent
        .post(`/api/inspections/${inspectionId}/lookbacks`)
        .set('X-CSRF-Token', officer.csrfToken)
        .send({ title: '考核测试回头看', sampleRatePct: 100, seed: 'scoring-e2e' })
        .expect(201)
    ).body as { id: string; items: Array<{ id: string; measureId: string; unit: { id: string } | null }> };
    const item = lookback.items.find((i) => i.unit && ownUnits.includes(i.unit.id))!;
    expect(item).toBeDefined();
    const unitId = item.unit!.id;
    const before = (await scores()).items.find((i) => i.unit.id === unitId)!;
    await officer.agent
      .post(`/api/lookbacks/${lookback.id}/items/${item.id}/result`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ result: 'rebounded', finding: '问题反弹', deadline: plusDays(DEMO_TODAY, 30) })
      .expect(200);
    const after = await scores();
    const unit = after.items.find((i) => i.unit.id === unitId)!;
    expect(unit.components.reboundCount).toBe(before.components.reboundCount + 1);
    expect(unit.score).toBeLessThan(before.score);
    expect(after.items).toEqual(await expected(DEFAULT_SCORING_WEIGHTS));
  });

  it('reads the weights as a versioned policy; a change re-scores, rewrites the formula and is audited', async () => {
    const policy = await officer.agent.get(`/api/inspections/${inspectionId}/scoring-policy`).expect(200);
    expect(policy.body).toMatchObject({
      weights: DEFAULT_SCORING_WEIGHTS,
      isDefault: true,
      version: 1,
      text: describeScoringFormula(DEFAULT_SCORING_WEIGHTS),
      updatedBy: null,
    });
    const before = await scores();
    const weights = { completion: 40, onTime: 40, punctuality: 20, returned: 0, rebound: 10, urged: 0.5 };
    const saved = await put(officer, { version: 1, weights }).expect(200);
    expect(saved.body).toMatchObject({ weights, isDefault: false, version: 2 });
    expect(saved.body.text).toBe(
      '得分 = 完成率×40 + 按期率×40 + 报送及时率×20 − 反弹次数×10 − 被催办次数×0.5（最低0分）',
    );
    expect(saved.body.updatedBy.name).toBeTruthy();

    const after = await scores();
    expect(after.formula).toEqual({ weights, text: saved.body.text });
    expect(after.items).toEqual(await expected(weights));
    expect(after.items.map((item) => item.score)).not.toEqual(
      after.items.map((item) => before.items.find((b) => b.unit.id === item.unit.id)!.score),
    );
    // every reader sees the same policy
    expect((await unitlead.agent.get(`/api/inspections/${inspectionId}/scoring-policy`).expect(200)).body.version).toBe(
      2,
    );
    const [audit] = await t.dataSource.query(
      `SELECT before, after FROM audit_event WHERE action = 'SCORING_POLICY_UPDATED' AND entity_id = $1`,
      [inspectionId],
    );
    expect(audit.before.weights).toEqual(DEFAULT_SCORING_WEIGHTS);
    expect(audit.after).toEqual({ weights, text: saved.body.text });
  });

  it('answers 409 to a stale or missing version, 400 with Chinese messages to bad weights, 403 to non-officers', async () => {
    const stale = await put(officer, { version: 1, weights: DEFAULT_SCORING_WEIGHTS }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.current).toMatchObject({ version: 2, isDefault: false });
    expect((await put(officer, { weights: DEFAULT_SCORING_WEIGHTS }).expect(409)).body.code).toBe('VERSION_REQUIRED');

    const sum = await put(officer, { version: 2, weights: { ...DEFAULT_SCORING_WEIGHTS, punctuality: 30 } }).expect(
      400,
    );
    expect(sum.body.code).toBe('VALIDATION_FAILED');
    expect(sum.body.message).toBe('完成率、按期率、报送及时率的分值合计须为 100 分（现为 110 分）');
    expect(sum.body.errors.weights).toEqual([sum.body.message]);
    const negative = await put(officer, { version: 2, weights: { ...DEFAULT_SCORING_WEIGHTS, rebound: -5 } }).expect(
      400,
    );
    expect(negative.body.errors.rebound[0]).toContain('反弹次数每次扣分须为 0 至 20');
    const notNumber = await put(officer, { version: 2, weights: { ...DEFAULT_SCORING_WEIGHTS, urged: '一' } }).expect(
      400,
    );
    expect(notNumber.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(notNumber.body)).toContain('被催办次数每次扣分须为数字');

    await put(unitlead, { version: 2, weights: DEFAULT_SCORING_WEIGHTS }).expect(403);
    await put(supervisor, { version: 2, weights: DEFAULT_SCORING_WEIGHTS }).expect(403);
    // nothing changed
    const policy = await officer.agent.get(`/api/inspections/${inspectionId}/scoring-policy`).expect(200);
    expect(policy.body.version).toBe(2);
  });

  it('exports the ranking as a workbook: one row per unit in rank order, scoped like the list; audited', async () => {
    const download = (caller: SignedIn) =>
      caller.agent.get(`/api/inspections/${inspectionId}/unit-scores/export.xlsx`).buffer(true).parse(binary);
    const answer = await scores();
    const xlsx = await download(officer).expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(xlsx.headers['content-disposition'])).toContain('单位考核排名.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const [sheet] = book.worksheets;
    expect(sheet.name).toBe('考核排名');
    expect(String(sheet.getRow(1).getCell(1).value)).toContain(answer.formula.text);
    expect(sheet.rowCount - 2).toBe(answer.items.length);
    const rows = Array.from({ length: sheet.rowCount - 2 }, (_, i) => sheet.getRow(i + 3));
    expect(rows.map((row) => [row.getCell(1).value, row.getCell(2).value, row.getCell(3).value])).toEqual(
      answer.items.map((item) => [item.rank, item.unit.name, item.score]),
    );
    expect(new Set(rows.map((row) => row.getCell(2).value)).size).toBe(rows.length);

    const mine = await download(unitlead).expect(200);
    const own = new ExcelJS.Workbook();
    await own.xlsx.load(mine.body as unknown as ArrayBuffer);
    expect(own.worksheets[0].rowCount - 2).toBe((await scores(unitlead)).items.length);
    const audit = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'UNIT_SCORES_EXPORTED' AND entity_id = $1`,
      [inspectionId],
    );
    expect(audit[0].n).toBe(2);
  });
});
