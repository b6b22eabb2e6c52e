import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { drawSample } from '@zhenggai/domain';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { DEMO_TODAY } from '../support/database.js';
import { binary } from '../support/http.js';

const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Item {
  id: string;
  measureId: string;
  problemId: string;
  unit: { id: string; name: string } | null;
  manual: boolean;
  result: string | null;
  measureStatus: string;
}
interface Lookback {
  id: string;
  seq: number;
  number: string;
  seed: string;
  population: number;
  fingerprint: string;
  status: string;
  version: number;
  counts: { items: number; drawn: number; manual: number; checked: number; rebounded: number; reboundRatePct: number };
  items: Item[];
  units: Array<{ unit: { id: string } | null; items: number; rebounded: number; reboundRatePct: number }>;
}

// 回头看: a reproducible, stratified sample of the signed-off measures; each item found 巩固 or 反弹 once; a rebound
// reopens the measure through the one write path and the problem, the statistics and the history follow.
describe('look-backs (回头看)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let unitlead: SignedIn;
  let unitlead2: SignedIn;
  let inspectionId: string;
  let unitId: string;
  /** the look-back with one 巩固 and one 反弹 */
  let checked: Lookback;
  let reboundedMeasure: string;

  const post = (caller: SignedIn, path: string, body: object = {}) =>
    caller.agent.post(path).set('X-CSRF-Token', caller.csrfToken).send(body);
  const create = (body: object) =>
    post(officer, `/api/inspections/${inspectionId}/lookbacks`, { title: '2024年整改“回头看”', ...body });
  const read = async (id: string, caller = officer) =>
    (await caller.agent.get(`/api/lookbacks/${id}`).expect(200)).body as Lookback;
  const signedOff = async () =>
    (await t.dataSource.query(
      `SELECT m.id AS "measureId", m.lead_unit_id AS "unitId" FROM measure m JOIN problem p ON p.id = m.problem_id
       WHERE m.inspection_id = $1 AND m.deleted_at IS NULL AND p.deleted_at IS NULL
         AND m.status IN ('completed', 'deemed_completed')`,
      [inspectionId],
    )) as Array<{ measureId: string; unitId: string | null }>;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t.http, 'officer');
    unitlead = await signIn(t.http, 'unitlead');
    unitlead2 = await signIn(t.http, 'unitlead2');
    [{ id: inspectionId }] = (await officer.agent.get('/api/inspections').expect(200)).body.items;
    [{ unit_id: unitId }] = await t.dataSource.query(`SELECT unit_id FROM user_account WHERE username = 'unitlead'`);
  });
  afterAll(async () => {
    await t.close();
  });

  it('holds in the demo one finished look-back with a rebound, drawn by the sampler from its stored seed', async () => {
    const [demo] = (await officer.agent.get(`/api/inspections/${inspectionId}/lookbacks`).expect(200)).body;
    expect(demo).toMatchObject({ seq: 1, seed: 'demo2024', status: 'finished', statusLabel: '已完成' });
    expect(demo.counts).toMatchObject({ checked: demo.counts.items, rebounded: 1 });
    const full = await read(demo.id);
    const reopened = full.items.find((item) => item.result === 'rebounded')!;
    expect(reopened.measureStatus).toBe('in_progress');
    const history = (await officer.agent.get(`/api/measures/${reopened.measureId}/history`).expect(200)).body;
    expect(history.some((event: { action: string }) => event.action === 'rebound')).toBe(true);
    // redrawn today from the seed, the sample is the same but for the reopened measure, no longer signed off
    const redrawn = drawSample(await signedOff(), 10, 'demo2024').items.map((item) => item.measureId);
    const kept = full.items.filter((item) => item !== reopened).map((item) => item.measureId);
    expect(kept.filter((id) => redrawn.includes(id)).length).toBeGreaterThan(kept.length / 2);
    // the tests below number their own look-backs from 第1次
    await t.dataSource.query(`DELETE FROM lookback`);
  });

  it('draws a stratified sample with a stored seed; the same seed on the same ledger draws the same sample', async () => {
    const candidates = await signedOff();
    expect(candidates.length).toBeGreaterThan(10);
    const first = (await create({ sampleRatePct: 20, seed: 'e2e-seed-1' }).expect(201)).body as Lookback;
    expect(first).toMatchObject({ seq: 1, number: '第1次回头看', seed: 'e2e-seed-1', status: 'open' });
    expect(first.population).toBe(candidates.length);
    // the API draws exactly what the documented algorithm draws
    const expected = drawSample(candidates, 20, 'e2e-seed-1');
    expect(first.items.map((item) => item.measureId).sort()).toEqual(
      expected.items.map((item) => item.measureId).sort(),
    );
    expect(first.counts).toMatchObject({ items: expected.items.length, drawn: expected.items.length, manual: 0 });
    // every unit with signed-off measures has one, none twice, the rate within rounding
    const units = new Set(candidates.map((c) => c.unitId));
    expect(new Set(first.items.map((item) => item.unit?.id ?? null))).toEqual(units);
    expect(new Set(first.items.map((item) => item.measureId)).size).toBe(first.items.length);
    expect(first.items.length).toBe(Math.max(units.size, Math.round(candidates.length * 0.2)));

    const again = (await create({ sampleRatePct: 20, seed: 'e2e-seed-1' }).expect(201)).body as Lookback;
    expect(again.seq).toBe(2);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(again.items.map((item) => item.measureId)).toEqual(first.items.map((item) => item.measureId));

    const random = (await create({ sampleRatePct: 20 }).expect(201)).body as Lookback;
    expect(random.seed).toMatch(/^[0-9a-f]{8}$/);
    const listed = (await officer.agent.get(`/api/inspections/${inspectionId}/lookbacks`).expect(200)).body;
    expect(listed.map((l: Lookback) => l.seq)).toEqual([3, 2, 1]);
    const audit = await t.dataSource.query(
      `SELECT after FROM audit_event WHERE action = 'LOOKBACK_CREATED' AND entity_id = $1`,
      [first.id],
    );
    expect(audit[0].after).toMatchObject({ seed: 'e2e-seed-1', sampleRatePct: 20, drawn: first.items.length });
  });

  it('refuses bad input with a clear 4xx and creates nothing', async () => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM lookback`);
    for (const body of [
      { sampleRatePct: 0 },
      { sampleRatePct: 101 },
      { sampleRatePct: 12.5 },
      { sampleRatePct: 10, seed: '含中文' },
      { sampleRatePct: 10, title: '' },
    ]) {
      const response = await create(body).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    await post(officer, `/api/inspections/00000000-0000-4000-8000-000000000000/lookbacks`, {
      title: 'x',
      sampleRatePct: 10,
    }).expect(404);
    await post(unitlead, `/api/inspections/${inspectionId}/lookbacks`, { title: 'x', sampleRatePct: 10 }).expect(403);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM lookback`)).toEqual(before);
  });

  it('adds signed-off measures by hand, marked as such, once', async () => {
    const lookback = (await create({ sampleRatePct: 1, seed: 'by-hand' }).expect(201)).body as Lookback;
    const drawn = new Set(lookback.items.map((item) => item.measureId));
    const extra = (await signedOff()).find((c) => !drawn.has(c.measureId))!;
    const added = (
      await post(officer, `/api/lookbacks/${lookback.id}/items`, { measureId: extra.measureId }).expect(201)
    ).body as Lookback;
    expect(added.counts).toMatchObject({ items: lookback.counts.items + 1, manual: 1 });
    expect(added.items.at(-1)).toMatchObject({ measureId: extra.measureId, manual: true });
    const twice = await post(officer, `/api/lookbacks/${lookback.id}/items`, { measureId: extra.measureId }).expect(
      409,
    );
    expect(twice.body.code).toBe('DUPLICATE');
    const [open] = await t.dataSource.query(
      `SELECT id FROM measure WHERE inspection_id = $1 AND status = 'in_progress' AND deleted_at IS NULL LIMIT 1`,
      [inspectionId],
    );
    const refused = await post(officer, `/api/lookbacks/${lookback.id}/items`, { measureId: open.id }).expect(400);
    expect(refused.body.message).toContain('只能加抽已销号');
  });

  it('records 巩固 once; 反弹 reopens the measure, the problem turns 未完成, statistics, history and units follow', async () => {
    const lookback = (await create({ sampleRatePct: 10, seed: 'rebound' }).expect(201)).body as Lookback;
    // a completed measure of the unit leader's unit whose problem is 已完成 (added by hand unless drawn)
    const [candidate] = await t.dataSource.query(
      `SELECT m.id, p.status AS "problemStatus" FROM measure m JOIN problem p ON p.id = m.problem_id
       WHERE m.inspection_id = $1 AND m.status IN ('completed', 'deemed_completed') AND m.deleted_at IS NULL
         AND p.status IN ('completed', 'deemed_completed')
         AND m.id IN (SELECT measure_id FROM measure_unit WHERE unit_id = $2)
       ORDER BY p.status = 'completed' DESC, m.id LIMIT 1`,
      [inspectionId, unitId],
    );
    if (!lookback.items.some((item) => item.measureId === candidate.id))
      await post(officer, `/api/lookbacks/${lookback.id}/items`, { measureId: candidate.id }).expect(201);
    const [target] = await t.dataSource.query(
      `SELECT li.id AS "itemId", m.id AS "measureId", m.problem_id AS "problemId", m.version
       FROM lookback_item li JOIN measure m ON m.id = li.measure_id WHERE li.lookback_id = $1 AND m.id = $2`,
      [lookback.id, candidate.id],
    );
    expect(target).toBeDefined();
    const other = lookback.items.find((item) => item.measureId !== target.measureId)!;
    const result = (itemId: string, body: object, caller = officer) =>
      post(caller, `/api/lookbacks/${lookback.id}/items/${itemId}/result`, body);

    await result(other.id, { result: 'consolidated', finding: '整改成果巩固，未发现反弹' }).expect(200);
    const again = await result(other.id, { result: 'rebounded', finding: '再查', deadline: plusDays(DEMO_TODAY, 30) });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('LOOKBACK_ITEM_CHECKED');
    await result(target.itemId, { result: 'consolidated', finding: '单位自查' }, unitlead).expect(403);
    const noDeadline = await result(target.itemId, { result: 'rebounded', finding: '问题反弹' }).expect(400);
    expect(noDeadline.body.errors.deadline[0]).toBe('反弹的措施须重新确定整改时限');
    await result(target.itemId, {
      result: 'rebounded',
      finding: '问题反弹',
      deadline: plusDays(DEMO_TODAY, -1),
    }).expect(400);

    const statsBefore = (await officer.agent.get(`/api/inspections/${inspectionId}/statistics`).expect(200)).body;
    const deadline = plusDays(DEMO_TODAY, 45);
    const rebounded = (
      await result(target.itemId, { result: 'rebounded', finding: '违规收费问题再次出现', deadline }).expect(200)
    ).body as Lookback;
    expect(rebounded.counts).toMatchObject({ checked: 2, rebounded: 1, reboundRatePct: 50 });
    checked = rebounded;
    reboundedMeasure = target.measureId;
    expect(rebounded.items.find((item) => item.id === target.itemId)).toMatchObject({
      result: 'rebounded',
      resultLabel: '反弹',
      deadline,
      measureStatus: 'in_progress',
      measureStatusLabel: '推进中',
    });

    const measure = (await officer.agent.get(`/api/measures/${target.measureId}`).expect(200)).body;
    expect(measure).toMatchObject({ status: 'in_progress', deadline, version: target.version + 1 });
    const problem = (await officer.agent.get(`/api/problems/${target.problemId}`).expect(200)).body;
    expect(problem.status).toBe('in_progress');
    const statsAfter = (await officer.agent.get(`/api/inspections/${inspectionId}/statistics`).expect(200)).body;
    const done = candidate.problemStatus === 'completed' ? 'completed' : 'deemedCompleted';
    expect(statsAfter.problems[done]).toBe(statsBefore.problems[done] - 1);
    expect(statsAfter.problems.inProgress).toBe(statsBefore.problems.inProgress + 1);

    const history = (await officer.agent.get(`/api/measures/${target.measureId}/history`).expect(200)).body;
    expect(history.find((event: { action: string }) => event.action === 'rebound')).toMatchObject({
      actionLabel: '回头看反弹',
      toStatus: 'in_progress',
      opinion: '违规收费问题再次出现',
      detail: { lookbackId: lookback.id, number: `第${lookback.seq}次回头看`, deadline },
    });
    const notes = await t.dataSource.query(
      `SELECT ua.username, n.title, n.link FROM notification n JOIN user_account ua ON ua.id = n.user_id
       WHERE n.kind = 'lookback.rebounded'`,
    );
    expect(notes.map((n: { username: string }) => n.username)).toEqual(expect.arrayContaining(['unitlead', 'officer']));
    expect(notes.map((n: { username: string }) => n.username)).not.toContain('unitlead2');
    expect(notes[0].link).toBe(`/problems/${target.problemId}#measure-${target.measureId}`);
    const audit = await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = ANY($1) ORDER BY id`, [
      [target.measureId, target.problemId, lookback.id],
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['MEASURE_REBOUND', 'PROBLEM_STATUS_DERIVED', 'LOOKBACK_ITEM_CHECKED']),
    );
  });

  it('reports the sample, the results and the rebound rate per unit as GB/T 9704 docx and as xlsx', async () => {
    const download = (caller: SignedIn, url: string) => caller.agent.get(url).buffer(true).parse(binary);
    const docx = await download(officer, `/api/lookbacks/${checked.id}/exports/report.docx`).expect(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(docx.headers['content-disposition'])).toContain(`${checked.number}情况报告.docx`);
    const zip = await JSZip.loadAsync(docx.body as Buffer);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain(`${checked.number}情况报告`);
    expect(text).toContain(`随机种子为“${checked.seed}”`);
    expect(text).toContain(`共核查2项，其中巩固1项、反弹1项，反弹率50%`);
    const item = checked.items.find((i) => i.measureId === reboundedMeasure)!;
    const reboundPart = text.slice(text.indexOf('三、反弹问题及整改要求'), text.indexOf('四、抽查清单'));
    expect(reboundPart).toContain('违规收费问题再次出现');
    expect(reboundPart).toContain(item.unit!.name);

    const xlsx = await download(officer, `/api/lookbacks/${checked.id}/exports/report.xlsx`).expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const [items, units] = book.worksheets;
    expect([items.name, units.name]).toEqual(['抽查清单', '各单位反弹率']);
    expect(items.rowCount - 2).toBe(checked.items.length);
    const results = Array.from({ length: items.rowCount - 2 }, (_, i) => items.getRow(i + 3).getCell(8).value);
    expect(results.filter((r) => r === '反弹')).toHaveLength(1);
    expect(results.filter((r) => r === '巩固')).toHaveLength(1);
    const unitRows = Array.from({ length: units.rowCount - 2 }, (_, i) => units.getRow(i + 3));
    const reboundRow = unitRows.find((row) => row.getCell(2).value === item.unit!.name)!;
    expect(reboundRow.getCell(5).value).toBe(1);
    expect(units.rowCount - 2).toBe(checked.units.length);

    // a unit leader's export holds only its own items; another unit's leader gets nothing of a look-back without its items
    const mine = await download(unitlead, `/api/lookbacks/${checked.id}/exports/report.xlsx`).expect(200);
    const own = new ExcelJS.Workbook();
    await own.xlsx.load(mine.body as unknown as ArrayBuffer);
    expect(own.worksheets[0].rowCount - 2).toBe((await read(checked.id, unitlead)).items.length);
    const audit = await t.dataSource.query(
      `SELECT detail->>'format' AS format FROM audit_event WHERE action = 'LOOKBACK_EXPORTED' AND entity_id = $1`,
      [checked.id],
    );
    expect(audit.map((a: { format: string }) => a.format).sort()).toEqual(['docx', 'xlsx', 'xlsx']);
  });

  it('shows a unit leader only its own items, and another unit nothing of a look-back without its items', async () => {
    const lookback = (await create({ sampleRatePct: 30, seed: 'scope' }).expect(201)).body as Lookback;
    const mine = await read(lookback.id, unitlead);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.length).toBeLessThan(lookback.items.length);
    const assigned = new Set(
      (
        (await t.dataSource.query(`SELECT measure_id FROM measure_unit WHERE unit_id = $1`, [unitId])) as Array<{
          measure_id: string;
        }>
      ).map((row) => row.measure_id),
    );
    for (const item of mine.items) expect(assigned.has(item.measureId)).toBe(true);
    expect(mine.counts.items).toBe(mine.items.length);
    // a look-back holding only measures of unitlead's unit: invisible to unitlead2
    const [only] = await t.dataSource.query(
      `INSERT INTO lookback (inspection_id, seq, title, sample_rate_pct, seed, population, fingerprint)
       VALUES ($1, 900, '仅本单位', 10, 'x', 1, '00000000') RETURNING id`,
      [inspectionId],
    );
    const [measure] = await t.dataSource.query(
      `SELECT m.id FROM measure m WHERE m.inspection_id = $1 AND m.id IN (
         SELECT measure_id FROM measure_unit GROUP BY measure_id HAVING bool_and(unit_id = $2))
       LIMIT 1`,
      [inspectionId, unitId],
    );
    await t.dataSource.query(
      `INSERT INTO lookback_item (lookback_id, measure_id, unit_id, position, status_at_draw)
       VALUES ($1, $2, $3, 0, 'completed')`,
      [only.id, measure.id, unitId],
    );
    await unitlead2.agent.get(`/api/lookbacks/${only.id}`).expect(404);
    const list2 = (await unitlead2.agent.get(`/api/inspections/${inspectionId}/lookbacks`).expect(200)).body;
    expect(list2.map((l: Lookback) => l.id)).not.toContain(only.id);
    await unitlead.agent.get(`/api/lookbacks/${only.id}`).expect(200);
  });

  it('finishes only when every item has its finding; afterwards nothing changes; a stale version is 409', async () => {
    const lookback = (await create({ sampleRatePct: 1, seed: 'finish' }).expect(201)).body as Lookback;
    const early = await post(officer, `/api/lookbacks/${lookback.id}/finish`, { version: lookback.version }).expect(
      409,
    );
    expect(early.body.message).toMatch(/尚有 \d+ 项未登记核查结果/);
    for (const item of lookback.items)
      await post(officer, `/api/lookbacks/${lookback.id}/items/${item.id}/result`, {
        result: 'consolidated',
        finding: '已巩固',
      }).expect(200);
    const stale = await post(officer, `/api/lookbacks/${lookback.id}/finish`, { version: lookback.version });
    expect(stale.status).toBe(409);
    const current = await read(lookback.id);
    const finished = (
      await post(officer, `/api/lookbacks/${lookback.id}/finish`, { version: current.version }).expect(200)
    ).body as Lookback;
    expect(finished).toMatchObject({ status: 'finished', statusLabel: '已完成' });
    expect(finished.counts).toMatchObject({ checked: lookback.items.length, rebounded: 0, reboundRatePct: 0 });
    const after = await post(officer, `/api/lookbacks/${lookback.id}/items`, {
      measureId: (await signedOff())[0].measureId,
    }).expect(409);
    expect(after.body.code).toBe('LOOKBACK_FINISHED');
  });
});
