import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';

// Bad inputs that drill R3 (test/drills/r3-bad-input.drill-spec.ts) found answering 500 or reaching a handler.
describe('bad input (regressions of drill R3)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let problemId: string;
  let inspectionId: string;

  const post = (url: string) => officer.agent.post(url).set('X-CSRF-Token', officer.csrfToken);
  const count = async (table: string): Promise<number> =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t.http, 'officer');
    [{ id: problemId, inspection_id: inspectionId }] = await t.dataSource.query(
      `SELECT id, inspection_id FROM problem WHERE deleted_at IS NULL LIMIT 1`,
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a write whose body is XML, text or a form with 415 UNSUPPORTED_MEDIA_TYPE, storing nothing', async () => {
    const before = await count('inspection');
    for (const [type, body] of [
      ['text/xml', '<inspection><title>xml</title></inspection>'],
      ['text/plain', 'title=plain'],
      ['application/x-www-form-urlencoded', 'title=form&kind=xuncha'],
    ]) {
      const response = await post('/api/inspections').set('Content-Type', type).send(body).expect(415);
      expect(response.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(response.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await count('inspection')).toBe(before);
    // a write that takes no body does not act when one of another type comes along
    await officer.agent
      .delete(`/api/problems/${problemId}`)
      .set('X-CSRF-Token', officer.csrfToken)
      .set('Content-Type', 'text/xml')
      .send('<a/>')
      .expect(415);
    const [{ deleted_at: deletedAt }] = await t.dataSource.query(`SELECT deleted_at FROM problem WHERE id = $1`, [
      problemId,
    ]);
    expect(deletedAt).toBeNull();
    // JSON (with a charset) and bodiless writes are what the API takes
    await post('/api/notifications/read-all').expect(200);
    await post(`/api/inspections/${inspectionId}/categories`)
      .set('Content-Type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ title: '演练方面' }))
      .expect(201);
  });

  it('refuses a null rule-document role with 400 instead of a 500', async () => {
    const before = await count('rule_document');
    const response = await post(`/api/problems/${problemId}/rule-documents`)
      .send({ title: '演练制度', role: null })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors).toHaveProperty('role');
    expect(await count('rule_document')).toBe(before);
  });

  it('refuses a version beyond the integer range with 400 instead of a 500', async () => {
    const rule = await post(`/api/problems/${problemId}/rule-documents`).send({ title: '演练制度' }).expect(201);
    const response = await officer.agent
      .patch(`/api/rule-documents/${rule.body.id}`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ version: 2 ** 53, title: '改名' })
      .expect(400);
    expect(response.body.errors).toHaveProperty('version');
  });

  it('refuses a notice commit without its inspection with 400 instead of a 500', async () => {
    const before = await count('inspection');
    const response = await post('/api/imports/notice/commit')
      .send({ categories: [], problems: [], warnings: [], sourceText: '演练' })
      .expect(400);
    expect(response.body.errors).toHaveProperty('inspection');
    expect(await count('inspection')).toBe(before);
  });
});
