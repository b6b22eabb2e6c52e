import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { StatisticsRepository } from '../../src/modules/statistics/statistics.repository.js';
import { DEMO_TODAY } from '../support/database.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { soleUnitMeasures } from '../support/fixtures.js';

// The statistics cache (issue 28 step 4): every change through the API shows in the next answer, scopes never share
// an answer, a new day recomputes, and two API processes on one database share one cache.
interface Stats {
  today: string;
  generatedAt: string;
  measures: { total: number; awaitingSignOff: number; completed: number; overdue: number; dueSoon: number };
  byUnit: Array<{ unitId: string; name: string; assigned: number; extensions: number }>;
  dueSoonList: Array<{ id: string }>;
}

// less than the session idle limit (30 minutes)
const LATER_MS = 10 * 60_000;
const DAY_MS = 86_400_000;

describe('statistics cache (HTTP)', () => {
  let one: TestApp;
  let two: TestApp;
  let officer: SignedIn;
  let officerTwo: SignedIn;
  let unitlead: SignedIn;
  let unitlead2: SignedIn;
  let inspectionId: string;

  const statistics = async (who: SignedIn, query = ''): Promise<Stats> =>
    (await who.agent.get(`/api/inspections/${inspectionId}/statistics${query}`).expect(200)).body as Stats;
  const send = (who: SignedIn, method: 'post' | 'patch' | 'put' | 'delete', url: string, body: object = {}) =>
    who.agent[method](url).set('X-CSRF-Token', who.csrfToken).send(body);
  const version = async (id: string): Promise<number> =>
    (await officer.agent.get(`/api/measures/${id}`).expect(200)).body.version as number;
  const unitOf = async (username: string): Promise<string> =>
    (
      (await one.dataSource.query(`SELECT unit_id FROM user_account WHERE username = $1`, [username])) as Array<{
        unit_id: string;
      }>
    )[0].unit_id;

  beforeAll(async () => {
    one = await createTestApp();
    two = await createTestApp({ database: one.database });
    [officer, unitlead, unitlead2] = await Promise.all(
      ['officer', 'unitlead', 'unitlead2'].map((name) => signIn(one.http, name)),
    );
    officerTwo = await signIn(two.http, 'officer');
    inspectionId = (await officer.agent.get('/api/inspections').expect(200)).body.items[0].id;
  });
  afterAll(async () => {
    await two.close();
    await one.close();
  });

  it('serves a repeated read from the cache, with the time it was counted', async () => {
    const first = await statistics(officer);
    one.clock.advance(LATER_MS);
    const again = await statistics(officer);
    expect(again).toEqual(first);
    expect(again.generatedAt).not.toBe(one.clock.now().toISOString());
    const rows = await one.dataSource.query(`SELECT computed_on::text FROM statistics_cache WHERE inspection_id = $1`, [
      inspectionId,
    ]);
    expect(rows).toEqual([{ computed_on: DEMO_TODAY }]);
  });

  it('shows a PATCHed deadline at once', async () => {
    const before = await statistics(officer);
    const id = before.dueSoonList[0].id;
    await send(officer, 'patch', `/api/measures/${id}`, { version: await version(id), deadline: '2024-01-10' }).expect(
      200,
    );
    const after = await statistics(officer);
    expect(after.measures.overdue).toBe(before.measures.overdue + 1);
    expect(after.measures.dueSoon).toBe(before.measures.dueSoon - 1);
    expect(after.generatedAt).toBe(one.clock.now().toISOString());
  });

  it('shows a sign-off at once', async () => {
    const [measure] = await soleUnitMeasures(one.dataSource, 'unitlead', 'pending_review', 1);
    await one.dataSource.query(`UPDATE measure SET inspection_id = $2 WHERE id = $1`, [measure.id, inspectionId]);
    const before = await statistics(officer);
    await send(officer, 'post', `/api/measures/${measure.id}/approve`, {
      version: await version(measure.id),
      outcome: 'completed',
    }).expect(200);
    const after = await statistics(officer);
    expect(after.measures.awaitingSignOff).toBe(before.measures.awaitingSignOff - 1);
    expect(after.measures.completed).toBe(before.measures.completed + 1);
  });

  it('shows a deleted measure at once', async () => {
    const before = await statistics(officer);
    const id = before.dueSoonList[0].id;
    await officer.agent
      .delete(`/api/measures/${id}?version=${await version(id)}`)
      .set('X-CSRF-Token', officer.csrfToken)
      .expect(204);
    const after = await statistics(officer);
    expect(after.measures.total).toBe(before.measures.total - 1);
  });

  it('shows a unit reassignment at once, to the officer and to both unit leaders', async () => {
    const [measure] = await soleUnitMeasures(one.dataSource, 'unitlead', 'in_progress', 1);
    await one.dataSource.query(`UPDATE measure SET inspection_id = $2 WHERE id = $1`, [measure.id, inspectionId]);
    const [from, to] = [await unitOf('unitlead'), await unitOf('unitlead2')];
    const assigned = (stats: Stats, unitId: string) => stats.byUnit.find((u) => u.unitId === unitId)?.assigned ?? 0;
    const before = await statistics(officer);
    const leadBefore = await statistics(unitlead);
    const lead2Before = await statistics(unitlead2);
    await send(officer, 'put', `/api/measures/${measure.id}/units`, {
      version: await version(measure.id),
      leadUnitId: to,
      coUnitIds: [],
    }).expect(200);
    const after = await statistics(officer);
    expect(assigned(after, from)).toBe(assigned(before, from) - 1);
    expect(assigned(after, to)).toBe(assigned(before, to) + 1);
    expect((await statistics(unitlead)).measures.total).toBe(leadBefore.measures.total - 1);
    expect((await statistics(unitlead2)).measures.total).toBe(lead2Before.measures.total + 1);
  });

  it('shows a deadline extension request and its approval at once', async () => {
    const [measure] = await soleUnitMeasures(one.dataSource, 'unitlead', 'in_progress', 1);
    await one.dataSource.query(`UPDATE measure SET inspection_id = $2, deadline = '2024-03-01' WHERE id = $1`, [
      measure.id,
      inspectionId,
    ]);
    const unit = await unitOf('unitlead');
    const extensions = (stats: Stats) => stats.byUnit.find((u) => u.unitId === unit)?.extensions ?? 0;
    const before = await statistics(officer);
    const requested = await send(unitlead, 'post', `/api/measures/${measure.id}/extensions`, {
      requestedDeadline: '2024-04-30',
      reason: '需要更多时间',
    }).expect(201);
    const asked = await statistics(officer);
    expect(extensions(asked)).toBe(extensions(before) + 1);
    expect(asked.measures.overdue).toBe(before.measures.overdue);
    await send(officer, 'post', `/api/extensions/${requested.body.id}/approve`, {
      version: requested.body.version,
    }).expect(200);
    const approved = await statistics(officer);
    expect(approved.measures.overdue).toBe(before.measures.overdue - 1);
  });

  it("keeps every scope's answer to itself: a unit leader's cached figures never reach the officer or another unit", async () => {
    await one.dataSource.query(`DELETE FROM statistics_cache`);
    const lead = await statistics(unitlead);
    const all = await statistics(officer);
    const lead2 = await statistics(unitlead2);
    const [unit, unit2] = [await unitOf('unitlead'), await unitOf('unitlead2')];
    expect(all.measures.total).toBeGreaterThan(lead.measures.total);
    expect(lead.byUnit.map((u) => u.unitId)).toEqual([unit]);
    expect(lead2.byUnit.map((u) => u.unitId)).toEqual([unit2]);
    // a second round is served from the cache and still each scope's own
    expect(await statistics(officer)).toEqual(all);
    expect(await statistics(unitlead)).toEqual(lead);
    expect(await statistics(unitlead2)).toEqual(lead2);
    const keys = await one.dataSource.query(`SELECT count(DISTINCT scope_key)::int AS n FROM statistics_cache`);
    expect(keys).toEqual([{ n: 3 }]);
  });

  it('recomputes on a new day (the lights depend on it)', async () => {
    const before = await statistics(officer);
    one.clock.advance(DAY_MS);
    two.clock.set(one.clock.now());
    // a day idle ends the sessions
    officer = await signIn(one.http, 'officer');
    officerTwo = await signIn(two.http, 'officer');
    const tomorrow = await statistics(officer);
    expect(tomorrow.today).not.toBe(before.today);
    expect(tomorrow.generatedAt).toBe(one.clock.now().toISOString());
  });

  it('is shared by two API processes on one database, and a write through either shows in both', async () => {
    const counted = await statistics(officer);
    two.clock.advance(LATER_MS);
    const fromTwo = await statistics(officerTwo);
    expect(fromTwo).toEqual(counted);
    const id = counted.dueSoonList[0]?.id;
    const target = id ?? ((await statistics(officer, '?dueSoonDays=365')).dueSoonList[0].id as string);
    await send(officerTwo, 'patch', `/api/measures/${target}`, {
      version: await version(target),
      deadline: '2024-01-10',
    }).expect(200);
    expect((await statistics(officer)).measures.overdue).toBe(counted.measures.overdue + 1);
  });

  it('computes once for many concurrent misses', async () => {
    await one.dataSource.query(`UPDATE inspection SET title = title WHERE id = $1`, [inspectionId]);
    const spy = jest.spyOn(one.app.get(StatisticsRepository), 'aggregateFigures');
    const answers = await Promise.all(Array.from({ length: 12 }, () => statistics(officer)));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    spy.mockRestore();
  });
});
