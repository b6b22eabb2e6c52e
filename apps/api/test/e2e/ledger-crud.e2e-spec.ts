import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';

describe('ledger maintenance: inspections, categories, problems, measures, units, outcomes (HTTP)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let unitlead: SignedIn;
  let supervisor: SignedIn;
  let sysadmin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    [officer, unitlead, supervisor, sysadmin] = await Promise.all(
      ['officer', 'unitlead', 'supervisor', 'sysadmin'].map((name) => signIn(t.http, name)),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const send = (who: SignedIn, method: 'post' | 'patch' | 'put' | 'delete', url: string, body: object = {}) =>
    who.agent[method](url).set('X-CSRF-Token', who.csrfToken).send(body);
  const audits = async (action: string) =>
    (
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = $1`, [action])) as Array<{
        n: number;
      }>
    )[0].n;

  it('builds a new inspection ledger from scratch, each step audited', async () => {
    const inspection = await send(officer, 'post', '/api/inspections', {
      title: '区委第一巡察组巡察区城管局整改',
      kind: 'xuncha',
      group: '区委第一巡察组',
      inspectionType: '常规巡察',
      target: '区城管局',
      onSiteFrom: '2024-03-01',
      onSiteTo: '2024-04-15',
      feedbackDate: '2024-05-10',
      yellowDays: 10,
    }).expect(201);
    expect(inspection.body).toMatchObject({
      kind: 'xuncha',
      group: '区委第一巡察组',
      yellowDays: 10,
      problemCount: 0,
      version: 1,
    });

    const category = await send(officer, 'post', `/api/inspections/${inspection.body.id}/categories`, {
      label: '（一）',
      title: '在贯彻落实上级决策部署方面',
    }).expect(201);
    expect(category.body).toMatchObject({ seq: 1, label: '（一）', problemCount: 0 });

    const problem = await send(officer, 'post', '/api/problems', {
      inspectionId: inspection.body.id,
      categoryId: category.body.id,
      label: '（1）',
      title: '垃圾分类推进不力',
      description: '部分小区垃圾分类设施不全。',
    }).expect(201);
    expect(problem.body).toMatchObject({
      seq: 1,
      label: '（1）',
      categoryTitle: '在贯彻落实上级决策部署方面',
      statusLabel: '未完成',
      measures: [],
    });

    const units = await officer.agent.get('/api/units').expect(200);
    const lead = units.body.find((unit: { name: string }) => unit.name === '区城市管理执法局');
    const co = units.body.find((unit: { name: string }) => unit.name === '区水务和湖泊局');
    const measure = await send(officer, 'post', '/api/measures', {
      problemId: problem.body.id,
      text: '完善小区垃圾分类设施',
      deadline: '2024-08-31',
      leadUnitId: lead.id,
      coUnitIds: [co.id],
    }).expect(201);
    expect(measure.body).toMatchObject({
      seq: 1,
      statusLabel: '未启动',
      leadUnit: { name: '区城市管理执法局' },
      coUnits: [{ name: '区水务和湖泊局', role: 'co' }],
    });

    // the co-unit sees the measure and its problem; the ledger counts it
    const seen = await unitlead.agent.get(`/api/problems/${problem.body.id}`).expect(200);
    expect(seen.body.measures).toHaveLength(1);

    const renamed = await send(officer, 'patch', `/api/problems/${problem.body.id}`, {
      version: problem.body.version,
      title: '垃圾分类工作推进不力',
    }).expect(200);
    expect(renamed.body.title).toBe('垃圾分类工作推进不力');
    await send(officer, 'patch', `/api/problems/${problem.body.id}`, {
      version: problem.body.version,
      title: '旧版本覆盖',
    }).expect(409);

    const moved = await send(officer, 'put', `/api/measures/${measure.body.id}/units`, {
      version: measure.body.version,
      leadUnitId: co.id,
      coUnitIds: [],
    }).expect(200);
    expect(moved.body).toMatchObject({ leadUnit: { name: '区水务和湖泊局' }, coUnits: [] });

    for (const action of [
      'INSPECTION_CREATED',
      'CATEGORY_CREATED',
      'PROBLEM_CREATED',
      'MEASURE_CREATED',
      'PROBLEM_UPDATED',
      'MEASURE_UNITS_SET',
    ]) {
      expect(await audits(action)).toBeGreaterThanOrEqual(1);
    }
  });

  it('validates inspections with Chinese field errors and cross-field date rules', async () => {
    const bad = await send(officer, 'post', '/api/inspections', {
      title: '',
      kind: 'other',
      onSiteFrom: '2024-13-01',
    }).expect(400);
    expect(bad.body.errors).toMatchObject({
      title: ['不能为空'],
      kind: [expect.stringMatching(/取值必须是以下之一/)],
      onSiteFrom: ['日期格式应为 YYYY-MM-DD，且须为有效日期'],
    });
    const order = await send(officer, 'post', '/api/inspections', {
      title: '测试',
      kind: 'xunshi',
      onSiteFrom: '2024-05-01',
      onSiteTo: '2024-04-01',
    }).expect(400);
    expect(order.body.errors.onSiteTo).toEqual(['进驻结束日期不能早于开始日期']);
  });

  it('updates inspection settings: clears optional fields, keeps required ones, refuses a stale version', async () => {
    const created = await send(officer, 'post', '/api/inspections', {
      title: '设置测试',
      kind: 'xuncha',
      contactPhone: '027-1234567',
      publicityFrom: '2024-06-01',
      publicityTo: '2024-06-30',
    }).expect(201);
    const url = `/api/inspections/${created.body.id}`;

    const cleared = await send(officer, 'patch', url, {
      version: 1,
      contactPhone: '  ',
      publicityFrom: null,
      publicityTo: null,
      contactHours: ' 工作日 9:00-17:00 ',
      yellowDays: 14,
    }).expect(200);
    expect(cleared.body).toMatchObject({
      contactPhone: null,
      publicityFrom: null,
      publicityTo: null,
      contactHours: '工作日 9:00-17:00',
      yellowDays: 14,
      version: 2,
    });

    const required = await send(officer, 'patch', url, { version: 2, title: null, yellowDays: null }).expect(400);
    expect(required.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(required.body.errors).toEqual({ title: ['标题不能为空'], yellowDays: ['黄灯提前天数不能为空'] });

    const stale = await send(officer, 'patch', url, { version: 1, yellowDays: 3 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', current: { version: 2, yellowDays: 14 } });
    await send(unitlead, 'patch', url, { version: 2, yellowDays: 3 }).expect(403);
    expect(await audits('INSPECTION_UPDATED')).toBeGreaterThanOrEqual(1);
  });

  it('creates once under one Idempotency-Key, even with 20 concurrent retries', async () => {
    const body = { title: '幂等测试巡察', kind: 'xuncha' };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        officer.agent
          .post('/api/inspections')
          .set('X-CSRF-Token', officer.csrfToken)
          .set('Idempotency-Key', 'create-inspection-0001')
          .send(body),
      ),
    );
    expect(new Set(responses.map((response) => response.status))).toEqual(new Set([201]));
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    const rows = (await t.dataSource.query(`SELECT count(*)::int AS n FROM inspection WHERE title = $1`, [
      body.title,
    ])) as Array<{ n: number }>;
    expect(rows[0].n).toBe(1);
    const reused = await officer.agent
      .post('/api/inspections')
      .set('X-CSRF-Token', officer.csrfToken)
      .set('Idempotency-Key', 'create-inspection-0001')
      .send({ ...body, title: '另一个' })
      .expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('marks an Idempotency-Key committed inside the write transaction, and answers a retry after a fault rightly', async () => {
    const create = (key: string, title: string) =>
      officer.agent
        .post('/api/inspections')
        .set('X-CSRF-Token', officer.csrfToken)
        .set('Idempotency-Key', key)
        .send({ title, kind: 'xuncha' });
    const titles = async (title: string) =>
      (
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM inspection WHERE title = $1`, [title])) as Array<{
          n: number;
        }>
      )[0].n;
    // a normal create: the mark was written in its transaction
    await create('commit-mark-0001', '幂等标记巡察').expect(201);
    const [marked] = await t.dataSource.query(
      `SELECT committed_at IS NOT NULL AS committed, status FROM idempotency_key WHERE key = 'commit-mark-0001'`,
    );
    expect(marked).toEqual({ committed: true, status: 201 });

    // a key left pending by a request that died: the hash the interceptor would compute for the retry
    const [{ id: userId }] = await t.dataSource.query(`SELECT id FROM user_account WHERE username = 'officer'`);
    const hashOf = (title: string) =>
      createHash('sha256')
        .update(`POST /api/inspections ${JSON.stringify({ title, kind: 'xuncha' })}`)
        .digest('hex');
    const pending = (key: string, title: string, committed: boolean) =>
      t.dataSource.query(
        `INSERT INTO idempotency_key (user_id, key, method, path, request_hash, created_at, committed_at)
         VALUES ($1, $2, 'POST', '/api/inspections', $3, now() - interval '10 minutes', $4)`,
        [userId, key, hashOf(title), committed ? new Date() : null],
      );
    // …having committed nothing: the retry takes the key over and creates once
    await pending('died-before-commit', '断线前未提交', false);
    await create('died-before-commit', '断线前未提交').expect(201);
    expect(await titles('断线前未提交')).toBe(1);
    await create('died-before-commit', '断线前未提交').expect(201);
    expect(await titles('断线前未提交')).toBe(1);
    // …having committed its write but lost its answer: the retry must not write again
    await pending('died-after-commit', '断线后已提交', true);
    const done = await create('died-after-commit', '断线后已提交').expect(409);
    expect(done.body).toMatchObject({ code: 'IDEMPOTENT_REQUEST_DONE', message: expect.stringMatching(/已处理成功/) });
    expect(await titles('断线后已提交')).toBe(0);
  });

  it('soft-deletes and restores a problem; its measures disappear from every list meanwhile', async () => {
    const list = await officer.agent.get('/api/problems?q=码头').expect(200);
    const problem = list.body.items[0];
    const measuresBefore = (await officer.agent.get('/api/measures?pageSize=200')).body.total;
    await officer.agent
      .delete(`/api/problems/${problem.id}?version=${problem.version}`)
      .set('X-CSRF-Token', officer.csrfToken)
      .expect(204);
    await officer.agent.get(`/api/problems/${problem.id}`).expect(404);
    expect((await officer.agent.get('/api/problems?q=码头')).body.total).toBe(0);
    expect((await officer.agent.get('/api/measures?pageSize=200')).body.total).toBe(
      measuresBefore - problem.measureCount,
    );
    await send(supervisor, 'post', `/api/problems/${problem.id}/restore`).expect(403);
    const restored = await send(officer, 'post', `/api/problems/${problem.id}/restore`).expect(200);
    expect(restored.body).toMatchObject({ id: problem.id, measureCount: problem.measureCount });
  });

  it('keeps the outcome ledger of a problem with totals in 人 and 人次', async () => {
    const list = await officer.agent.get('/api/problems?q=采购监管').expect(200);
    const problem = list.body.items[0];
    const before = await officer.agent.get(`/api/problems/${problem.id}/outcomes`).expect(200);
    expect(before.body.totals.personTimes).toBe(11);
    const added = await send(officer, 'post', `/api/problems/${problem.id}/accountability-actions`, {
      form: '诫勉',
      count: 2,
      countUnit: '人',
    }).expect(201);
    const rule = await send(officer, 'post', `/api/problems/${problem.id}/rule-documents`, {
      title: '《政府采购内部控制办法》',
      role: 'issued',
    }).expect(201);
    expect(rule.body.title).toBe('政府采购内部控制办法');
    await send(officer, 'post', `/api/problems/${problem.id}/fund-recoveries`, { kind: '追缴', amount: 12.5 }).expect(
      201,
    );
    const after = await officer.agent.get(`/api/problems/${problem.id}/outcomes`).expect(200);
    expect(after.body.totals).toMatchObject({
      people: before.body.totals.people + 2,
      personTimes: 11,
      funds: before.body.totals.funds + 12.5,
    });
    const updated = await send(officer, 'patch', `/api/accountability-actions/${added.body.id}`, {
      version: added.body.version,
      count: 3,
    }).expect(200);
    expect(updated.body.count).toBe(3);
    await send(officer, 'patch', `/api/accountability-actions/${added.body.id}`, {
      version: added.body.version,
      count: 4,
    }).expect(409);
    await send(unitlead, 'post', `/api/problems/${problem.id}/fund-recoveries`, { kind: '追缴', amount: 1 }).expect(
      403,
    );
    await send(officer, 'delete', `/api/accountability-actions/${added.body.id}`).expect(204);
    const bad = await send(officer, 'post', `/api/problems/${problem.id}/fund-recoveries`, {
      kind: '罚没',
      amount: -1,
    }).expect(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['amount', 'kind']);
  });

  it('maintains units as a tree without cycles, and refuses to delete a unit in use', async () => {
    const parent = await send(sysadmin, 'post', '/api/units', { name: '区测试委员会', kind: '部门' }).expect(201);
    const child = await send(sysadmin, 'post', '/api/units', {
      name: '区测试委员会办公室',
      parentId: parent.body.id,
    }).expect(201);
    const cycle = await send(sysadmin, 'patch', `/api/units/${parent.body.id}`, {
      version: parent.body.version,
      parentId: child.body.id,
    }).expect(400);
    expect(cycle.body.errors.parentId).toEqual(['会形成循环']);
    await send(sysadmin, 'delete', `/api/units/${parent.body.id}`).expect(409);
    await send(sysadmin, 'delete', `/api/units/${child.body.id}`).expect(204);
    await send(sysadmin, 'delete', `/api/units/${parent.body.id}`).expect(204);
    const water = (await officer.agent.get('/api/units')).body.find(
      (unit: { name: string }) => unit.name === '区水务和湖泊局',
    );
    expect(water.measureCount).toBeGreaterThan(0);
    await send(officer, 'delete', `/api/units/${water.id}`).expect(409);
    const duplicate = await send(officer, 'post', '/api/units', { name: '区水务和湖泊局' }).expect(409);
    expect(duplicate.body.code).toBe('DUPLICATE');
    await send(unitlead, 'post', '/api/units', { name: '越权单位' }).expect(403);
    const person = await send(officer, 'post', '/api/persons', {
      name: '周某',
      title: '副局长',
      unitId: water.id,
    }).expect(201);
    expect(person.body).toMatchObject({ unitName: '区水务和湖泊局', isLeader: false });
  });

  it('searches Chinese substrings in problems and measures', async () => {
    const problems = await officer.agent.get(`/api/problems?q=${encodeURIComponent('退垸还湖')}`).expect(200);
    expect(problems.body.items.map((item: { seq: number }) => item.seq)).toEqual([7]);
    const measures = await officer.agent.get(`/api/measures?q=${encodeURIComponent('硃山湖')}`).expect(200);
    expect(measures.body.total).toBe(1);
    const wildcard = await officer.agent.get(`/api/problems?q=${encodeURIComponent('%')}`).expect(200);
    expect(wildcard.body.total).toBe(0);
  });
});
