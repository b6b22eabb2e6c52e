import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';

describe('reading the ledger (HTTP)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let inspectionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t.http, 'officer');
    const list = await officer.agent.get('/api/inspections').expect(200);
    inspectionId = list.body.items[0].id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the demo inspection with the metadata of the notice', async () => {
    const response = await officer.agent.get(`/api/inspections/${inspectionId}`).expect(200);
    expect(response.body).toMatchObject({
      issuer: '中共武汉经开区党工委',
      kind: 'xunshi',
      term: '十二届',
      round: 4,
      group: '省委第六巡视组',
      inspectionType: '常规巡视',
      target: '武汉经开区',
      onSiteFrom: '2023-07-18',
      onSiteTo: '2023-09-15',
      feedbackDate: '2023-11-01',
      publicityFrom: '2024-07-18',
      publicityTo: '2024-08-08',
      problemCount: 41,
    });
  });

  it('lists the 41 problems in official order, each labelled 已完成, 视同完成 or 未完成', async () => {
    const response = await officer.agent.get(`/api/problems?inspectionId=${inspectionId}&pageSize=100`).expect(200);
    expect(response.body).toMatchObject({ total: 41, page: 1, pageSize: 100 });
    const items = response.body.items as Array<{
      seq: number;
      label: string;
      statusLabel: string;
      measureCount: number;
    }>;
    expect(items.map((item) => item.seq)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    expect(items.map((item) => item.label)).toEqual(Array.from({ length: 41 }, (_, i) => `${i + 1}.`));
    for (const item of items) expect(['已完成', '视同完成', '未完成']).toContain(item.statusLabel);
    expect(new Set(items.map((item) => item.statusLabel)).size).toBe(3);
    expect(items.reduce((sum, item) => sum + item.measureCount, 0)).toBe(114);
  });

  it('gives problem 7 its quoted title and its measures', async () => {
    const list = await officer.agent.get(`/api/problems?inspectionId=${inspectionId}&q=清四乱`).expect(200);
    expect(list.body.total).toBe(1);
    const problem = await officer.agent.get(`/api/problems/${list.body.items[0].id}`).expect(200);
    expect(problem.body).toMatchObject({ seq: 7, label: '7.', title: '‘清四乱’、退垸还湖攻坚不力' });
    expect(problem.body.measures).toHaveLength(2);
    expect(problem.body.measures[0]).toMatchObject({ seq: 1, leadUnit: { name: '区水务和湖泊局' } });
    for (const measure of problem.body.measures) {
      expect(['未启动', '推进中', '待审核', '已完成', '视同完成']).toContain(measure.statusLabel);
      expect(['red', 'yellow', 'green', 'grey']).toContain(measure.light);
      expect(measure.version).toBeGreaterThanOrEqual(1);
    }
  });

  it('paginates and filters measures by status and light', async () => {
    const page = await officer.agent.get(`/api/measures?inspectionId=${inspectionId}&pageSize=10&page=2`).expect(200);
    expect(page.body).toMatchObject({ total: 114, page: 2, pageSize: 10 });
    expect(page.body.items).toHaveLength(10);
    const red = await officer.agent
      .get(`/api/measures?inspectionId=${inspectionId}&light=red&pageSize=200`)
      .expect(200);
    expect(red.body.total).toBeGreaterThan(0);
    for (const measure of red.body.items) expect(measure).toMatchObject({ light: 'red', overdue: true });
    const pending = await officer.agent.get(`/api/measures?status=pending_review&pageSize=200`).expect(200);
    expect(pending.body.total).toBeGreaterThan(0);
    for (const measure of pending.body.items) expect(measure.statusLabel).toBe('待审核');
  });

  it('shows a unit leader only the problems and measures of their unit', async () => {
    const unitlead = await signIn(t.http, 'unitlead');
    const me = await unitlead.agent.get('/api/auth/me').expect(200);
    const unitId = me.body.unitIds[0] as string;
    const measures = await unitlead.agent.get('/api/measures?pageSize=200').expect(200);
    expect(measures.body.total).toBeGreaterThan(0);
    expect(measures.body.total).toBeLessThan(114);
    for (const measure of measures.body.items) {
      const unitIds = (measure.units as Array<{ id: string }>).map((unit) => unit.id);
      expect(unitIds).toContain(unitId);
    }
    const problems = await unitlead.agent.get('/api/problems?pageSize=100').expect(200);
    expect(problems.body.total).toBeLessThan(41);

    const foreign = await officer.agent.get(`/api/measures?pageSize=200&q=汽车`).expect(200);
    const other = (foreign.body.items as Array<{ id: string; units: Array<{ id: string }> }>).find(
      (measure) => !measure.units.some((unit) => unit.id === unitId),
    );
    expect(other).toBeDefined();
    const hidden = await unitlead.agent.get(`/api/measures/${other!.id}`).expect(404);
    expect(hidden.body.code).toBe('NOT_FOUND');
  });

  it('filters problems by light, term and leader, each the same as reading every problem and narrowing', async () => {
    type Row = { id: string; light: string; term: string; leadLeader: { id: string } | null; measureCount: number };
    const all = (await officer.agent.get(`/api/problems?inspectionId=${inspectionId}&pageSize=100`).expect(200)).body
      .items as Row[];
    const ids = (rows: Row[]) => rows.map((row) => row.id).sort();
    let lightsSeen = 0;
    for (const light of ['red', 'yellow', 'green', 'grey']) {
      const page = await officer.agent
        .get(`/api/problems?inspectionId=${inspectionId}&light=${light}&pageSize=100`)
        .expect(200);
      const expected = all.filter((row) => row.light === light);
      expect(page.body.total).toBe(expected.length);
      expect(ids(page.body.items)).toEqual(ids(expected));
      if (expected.length > 0) lightsSeen += 1;
    }
    expect(lightsSeen).toBeGreaterThanOrEqual(3);
    for (const term of ['immediate', 'concentrated', 'long_term']) {
      const page = await officer.agent.get(`/api/problems?inspectionId=${inspectionId}&term=${term}&pageSize=100`);
      expect(page.status).toBe(200);
      expect(ids(page.body.items)).toEqual(ids(all.filter((row) => row.term === term)));
    }

    const led = all.find((row) => row.leadLeader)!;
    const byLeader = await officer.agent
      .get(`/api/problems?inspectionId=${inspectionId}&leaderId=${led.leadLeader!.id}&pageSize=100`)
      .expect(200);
    expect(ids(byLeader.body.items)).toContain(led.id);
    const measures = await officer.agent.get(`/api/measures?inspectionId=${inspectionId}&pageSize=200`).expect(200);
    for (const problem of byLeader.body.items as Row[]) {
      const viaMeasure = (
        measures.body.items as Array<{ problemId: string; responsibleLeader: { id: string } | null }>
      ).some((m) => m.problemId === problem.id && m.responsibleLeader?.id === led.leadLeader!.id);
      expect(problem.leadLeader?.id === led.leadLeader!.id || viaMeasure).toBe(true);
    }

    // a unit leader's light filter counts only their own measures, like their list does
    const unitlead = await signIn(t.http, 'unitlead');
    const own = (await unitlead.agent.get('/api/problems?pageSize=100').expect(200)).body.items as Row[];
    const red = await unitlead.agent.get('/api/problems?light=red&pageSize=100').expect(200);
    expect(ids(red.body.items)).toEqual(ids(own.filter((row) => row.light === 'red')));

    const bad = await officer.agent.get('/api/problems?light=blue&term=x&leaderId=1').expect(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['leaderId', 'light', 'term']);
  });

  it('answers bad filters with 400 and Chinese field errors, and unknown ids with 404', async () => {
    const bad = await officer.agent.get('/api/measures?status=done&pageSize=0').expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.errors.status[0]).toMatch(/取值必须是以下之一/);
    expect(bad.body.errors.pageSize[0]).toBe('不能小于 1');
    await officer.agent.get('/api/problems/not-a-uuid').expect(404);
    await officer.agent.get('/api/problems/00000000-0000-4000-8000-000000000000').expect(404);
    const nul = await officer.agent.get('/api/problems?q=%00').expect(400);
    expect(nul.body.code).toBe('VALIDATION_FAILED');
  });

  it('keeps admin roles out of business data', async () => {
    const sysadmin = await signIn(t.http, 'sysadmin');
    const response = await sysadmin.agent.get('/api/problems').expect(403);
    expect(response.body).toEqual({ code: 'FORBIDDEN', message: '没有权限执行此操作' });
  });
});
