import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { binary } from '../support/http.js';

// 成效评估: an officer rates a signed-off problem's rectification; versioned and audited; it feeds the notice's
// summary and the look-back report.
describe('effectiveness evaluation (成效评估)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let unitlead: SignedIn;
  let unitlead2: SignedIn;
  let inspectionId: string;
  let done: { id: string };
  let open: { id: string };

  const put = (caller: SignedIn, problemId: string, body: object) =>
    caller.agent.put(`/api/problems/${problemId}/effectiveness`).set('X-CSRF-Token', caller.csrfToken).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t.http, 'officer');
    unitlead = await signIn(t.http, 'unitlead');
    unitlead2 = await signIn(t.http, 'unitlead2');
    [{ id: inspectionId }] = (await officer.agent.get('/api/inspections').expect(200)).body.items;
    // a signed-off problem the unit leader sees (led by its unit or with a measure of it), and an open one
    [done] = await t.dataSource.query(
      `SELECT p.id FROM problem p, user_account ua
       WHERE ua.username = 'unitlead' AND p.inspection_id = $1 AND p.status IN ('completed', 'deemed_completed')
         AND p.deleted_at IS NULL
         AND (p.lead_unit_id = ua.unit_id OR EXISTS (SELECT 1 FROM measure m JOIN measure_unit mu ON mu.measure_id = m.id
                                                    WHERE m.problem_id = p.id AND mu.unit_id = ua.unit_id))
       ORDER BY p.seq LIMIT 1`,
      [inspectionId],
    );
    [open] = await t.dataSource.query(
      `SELECT id FROM problem WHERE inspection_id = $1 AND status = 'in_progress' AND deleted_at IS NULL ORDER BY seq LIMIT 1`,
      [inspectionId],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('rates a signed-off problem once per version, audited; a stale save is 409', async () => {
    const empty = (await officer.agent.get(`/api/problems/${done.id}/effectiveness`).expect(200)).body;
    expect(empty).toMatchObject({ problemId: done.id, rating: null, evaluable: true, version: 0 });

    const first = await put(officer, done.id, {
      version: 0,
      rating: 'good',
      text: '问题整改到位，群众满意度明显提升。',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      rating: 'good',
      ratingLabel: '好',
      version: 1,
      evaluatedBy: { name: expect.any(String) },
    });
    const stale = await put(officer, done.id, { version: 0, rating: 'poor', text: '另一人的评估' }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const second = await put(officer, done.id, {
      version: 1,
      rating: 'fair',
      text: '整改基本到位，长效机制尚待检验。',
    });
    expect(second.body).toMatchObject({ rating: 'fair', ratingLabel: '较好', version: 2 });

    const audit = await t.dataSource.query(
      `SELECT before, after FROM audit_event WHERE action = 'EFFECTIVENESS_EVALUATED' AND entity_id = $1 ORDER BY id`,
      [done.id],
    );
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ before: { rating: 'good', version: 1 }, after: { rating: 'fair', version: 2 } });
    // the unit sees it; another unit's leader does not see the problem at all
    expect((await unitlead.agent.get(`/api/problems/${done.id}/effectiveness`).expect(200)).body.ratingLabel).toBe(
      '较好',
    );
    await unitlead2.agent.get(`/api/problems/${done.id}/effectiveness`).expect(404);
  });

  it('refuses bad input and problems not signed off with a clear 4xx, and units may not rate', async () => {
    for (const body of [
      { version: 2, rating: 'excellent', text: '评估' },
      { version: 2, rating: 'good', text: '' },
      { rating: 'good', text: '缺版本' },
    ]) {
      const response = await put(officer, done.id, body).expect(400);
      expect(response.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const notDone = await put(officer, open.id, { version: 0, rating: 'good', text: '尚未销号的问题' }).expect(409);
    expect(notDone.body).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    expect((await officer.agent.get(`/api/problems/${open.id}/effectiveness`).expect(200)).body.evaluable).toBe(false);
    await put(unitlead, done.id, { version: 2, rating: 'good', text: '自评' }).expect(403);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM problem_evaluation`);
    expect(count).toBe(1);
  });

  it('feeds the notice’s summary and the look-back report', async () => {
    const notice = await officer.agent.get(`/api/inspections/${inspectionId}/exports/notice.txt`).expect(200);
    expect(notice.text).toContain('已对1个问题开展整改成效评估，其中成效较好的1个。');

    const lookback = await officer.agent
      .post(`/api/inspections/${inspectionId}/lookbacks`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ title: '成效评估回头看', sampleRatePct: 100, seed: 'effect' })
      .expect(201);
    const rated = lookback.body.items.filter((item: { problemId: string }) => item.problemId === done.id);
    expect(rated.length).toBeGreaterThan(0);
    for (const item of rated) expect(item.effectivenessLabel).toBe('较好');
    const xlsx = await officer.agent
      .get(`/api/lookbacks/${lookback.body.id}/exports/report.xlsx`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(2).getCell(13).value).toBe('成效评估');
    const values = Array.from({ length: sheet.rowCount - 2 }, (_, i) => sheet.getRow(i + 3).getCell(13).value);
    expect(values.filter((value) => value === '较好')).toHaveLength(rated.length);
  });
});
