import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';

// GET /api/measures reads a page in one statement (the page's ids from the narrow rows in index order, then the wide
// columns and units of those rows) with the exact count beside it (docs/performance.md, "Measure lists").
interface Item {
  id: string;
  problemId: string;
  problemSeq: number;
  seq: number;
  units: Array<{ id: string; role: string; name: string; urges: number }>;
  leadUnit: { id: string; name: string } | null;
}

async function everyPage(agent: SignedIn['agent'], query: string, pageSize: number) {
  const items: Item[] = [];
  const totals = new Set<number>();
  for (let page = 1; page < 100; page += 1) {
    const response = await agent.get(`/api/measures?${query}&pageSize=${pageSize}&page=${page}`).expect(200);
    totals.add(response.body.total as number);
    items.push(...(response.body.items as Item[]));
    if (response.body.items.length < pageSize) break;
  }
  return { items, totals };
}

const officialOrder = (a: Item, b: Item) =>
  a.problemSeq - b.problemSeq || a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('the measure list (HTTP)', () => {
  let t: TestApp;
  let officer: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t.http, 'officer');
  });
  afterAll(async () => {
    await t.close();
  });

  it('walks the whole list in the official order (问题编号, 措施序号) page after page, each measure once', async () => {
    const { items, totals } = await everyPage(officer.agent, 'sort=official', 7);
    expect([...totals]).toEqual([items.length]);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    expect(items).toEqual([...items].sort(officialOrder));
    // the default order is the official one
    const first = await officer.agent.get('/api/measures?pageSize=7').expect(200);
    expect((first.body.items as Item[]).map((item) => item.id)).toEqual(items.slice(0, 7).map((item) => item.id));
  });

  it('answers a page past the end with no items and the total (page and count are one statement)', async () => {
    const first = await officer.agent.get('/api/measures?pageSize=10').expect(200);
    const past = await officer.agent.get('/api/measures?pageSize=10&page=999').expect(200);
    expect(past.body).toEqual({ items: [], total: first.body.total, page: 999, pageSize: 10 });
    const none = await officer.agent.get('/api/measures?q=没有这样的措施zzz').expect(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });

  it('gives each listed measure its units, lead first, as the measure itself answers', async () => {
    const list = await officer.agent.get('/api/measures?sort=deadline&pageSize=50').expect(200);
    const items = list.body.items as Item[];
    expect(items.some((item) => item.units.length > 1)).toBe(true);
    for (const item of items) {
      expect(item.units[0]).toMatchObject({ role: 'lead', id: item.leadUnit?.id });
      expect(item.units.slice(1).every((unit) => unit.role === 'co')).toBe(true);
    }
    const withCoUnits = items.find((item) => item.units.length > 1)!;
    const one = await officer.agent.get(`/api/measures/${withCoUnits.id}`).expect(200);
    expect(one.body).toEqual(items.find((item) => item.id === withCoUnits.id));
  });

  it("counts and pages a unit's measures through measure_unit, the same as filtering the whole list", async () => {
    const { items: all } = await everyPage(officer.agent, 'sort=deadline', 200);
    const unitId = all.find((item) => item.units.length > 1)!.units[1].id;
    const expected = all.filter((item) => item.units.some((unit) => unit.id === unitId)).map((item) => item.id);
    const { items, totals } = await everyPage(officer.agent, `unitId=${unitId}&sort=deadline`, 3);
    expect([...totals]).toEqual([expected.length]);
    expect(items.map((item) => item.id)).toEqual(expected);
  });

  it('leaves the measures of a deleted problem out of both the page and the total', async () => {
    const before = await officer.agent.get('/api/measures?pageSize=1').expect(200);
    const { items } = await everyPage(officer.agent, 'sort=official', 200);
    const problemId = items[0].problemId;
    const gone = items.filter((item) => item.problemId === problemId).length;
    await t.dataSource.query(`UPDATE problem SET deleted_at = now() WHERE id = $1`, [problemId]);
    try {
      const after = await everyPage(officer.agent, 'sort=official', 200);
      expect([...after.totals]).toEqual([before.body.total - gone]);
      expect(after.items.some((item) => item.problemId === problemId)).toBe(false);
    } finally {
      await t.dataSource.query(`UPDATE problem SET deleted_at = NULL WHERE id = $1`, [problemId]);
    }
  });

  it('can read page 1 of the official order through idx_problem_seq (no sort of every measure)', async () => {
    // the demo data is small enough for a plain sort to win; with scans that read everything priced out, the planner
    // must find the index path the province-sized data uses (p.seq in index order, then an incremental sort)
    const runner = t.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query('SET LOCAL enable_seqscan = off');
      await runner.query('SET LOCAL enable_bitmapscan = off');
      const [row] = (await runner.query(
        `EXPLAIN (FORMAT JSON) SELECT m.id FROM measure m
           JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL
           JOIN inspection i ON i.id = m.inspection_id AND i.deleted_at IS NULL
         WHERE m.deleted_at IS NULL ORDER BY p.seq, m.seq, m.id LIMIT 20`,
      )) as Array<{ 'QUERY PLAN': unknown }>;
      const plan = JSON.stringify(row['QUERY PLAN']);
      expect(plan).toContain('idx_problem_seq');
      expect(plan).toContain('Incremental Sort');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
