import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { soleUnitMeasures } from '../support/fixtures.js';

// 催办: the task force chases the units of a measure; every enabled account of those units hears of it once.
describe('urging measures (催办)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let unitlead: SignedIn;
  let waterUnitId: string;
  let waterUsers: number;

  const urge = (path: string, body: object, caller: SignedIn = officer) =>
    caller.agent.post(path).set('X-CSRF-Token', caller.csrfToken).send(body);
  const notificationsOf = async (caller: SignedIn) =>
    (await caller.agent.get('/api/notifications').expect(200)).body as {
      items: Array<{ kind: string; title: string; body: string; link: string }>;
      unread: number;
    };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t.http, 'officer');
    unitlead = await signIn(t.http, 'unitlead');
    [{ unit_id: waterUnitId }] = await t.dataSource.query(
      `SELECT unit_id FROM user_account WHERE username = 'unitlead'`,
    );
    [{ count: waterUsers }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM user_account WHERE unit_id = $1 AND disabled_at IS NULL`,
      [waterUnitId],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('notifies every account of the measure’s unit, records the urge in the history, the audit and the unit’s count', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    const before = await notificationsOf(unitlead);

    const response = await urge(`/api/measures/${measure.id}/urge`, {
      message: '  请于本周五前报送整改进展。 ',
    }).expect(201);
    expect(response.body).toEqual({ id: expect.any(String), measures: 1, recipients: waterUsers, unreachedUnits: [] });

    const after = await notificationsOf(unitlead);
    expect(after.unread).toBe(before.unread + 1);
    expect(after.items[0]).toMatchObject({
      kind: 'measure.urged',
      title: expect.stringMatching(/^整改专班催办：.+\(\d+\)$/),
      body: expect.stringContaining('请于本周五前报送整改进展。'),
      link: `/problems/${measure.problemId}#measure-${measure.id}`,
    });
    // nobody of another unit hears of it
    const other = await signIn(t.http, 'unitlead2');
    expect((await notificationsOf(other)).items.some((item) => item.kind === 'measure.urged')).toBe(false);

    const history = await unitlead.agent.get(`/api/measures/${measure.id}/history`).expect(200);
    expect(history.body[0]).toMatchObject({
      action: 'urge',
      actionLabel: '催办',
      opinion: '请于本周五前报送整改进展。',
      unit: { id: waterUnitId },
      actor: { name: expect.any(String) },
    });
    const [event] = await t.dataSource.query(
      `SELECT actor_username, detail FROM audit_event WHERE action = 'MEASURE_URGED'`,
    );
    expect(event).toMatchObject({
      actor_username: 'officer',
      detail: {
        message: '请于本周五前报送整改进展。',
        measureIds: [measure.id],
        recipients: waterUsers,
        unreachedUnitIds: [],
      },
    });

    // the measure panel shows it per unit
    const detail = await officer.agent.get(`/api/measures/${measure.id}`).expect(200);
    expect(detail.body.units).toEqual([expect.objectContaining({ id: waterUnitId, urges: 1 })]);

    const [{ inspection_id: inspectionId }] = await t.dataSource.query(
      `SELECT inspection_id FROM measure WHERE id = $1`,
      [measure.id],
    );
    const statistics = await officer.agent.get(`/api/inspections/${inspectionId}/statistics`).expect(200);
    const water = statistics.body.byUnit.find((unit: { unitId: string }) => unit.unitId === waterUnitId);
    expect(water.urges).toBe(1);
  });

  it('urges several measures in one request with one notification per recipient', async () => {
    const measures = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 3);
    const before = await notificationsOf(unitlead);
    const response = await urge('/api/measures/urge', {
      measureIds: measures.map((measure) => measure.id),
      message: '以下逾期措施请立即整改。',
    }).expect(201);
    expect(response.body).toMatchObject({ measures: 3, recipients: waterUsers });

    const after = await notificationsOf(unitlead);
    expect(after.unread).toBe(before.unread + 1);
    expect(after.items[0]).toMatchObject({ title: '整改专班催办：3 项整改措施', link: '/tasks' });
    expect(after.items[0].body.split('\n').filter(Boolean)).toHaveLength(4);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM measure_event WHERE action = 'urge' AND measure_id = ANY($1)`,
      [measures.map((measure) => measure.id)],
    );
    expect(count).toBe(3);
  });

  it('names the responsible units that have no account to notify', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    const [lonely] = await t.dataSource.query(
      `SELECT u.id, u.name FROM unit u WHERE NOT EXISTS (SELECT 1 FROM user_account a WHERE a.unit_id = u.id) ORDER BY u.name LIMIT 1`,
    );
    await t.dataSource.query(
      `INSERT INTO measure_unit (measure_id, unit_id, role, status) VALUES ($1, $2, 'co', 'in_progress')`,
      [measure.id, lonely.id],
    );
    const response = await urge(`/api/measures/${measure.id}/urge`, { message: '请配合推进。' }).expect(201);
    expect(response.body).toMatchObject({
      recipients: waterUsers,
      unreachedUnits: [{ id: lonely.id, name: lonely.name }],
    });
  });

  it('is for the task force, and refuses bad input with a stable code and a Chinese message', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    const refused = await urge(`/api/measures/${measure.id}/urge`, { message: '催' }, unitlead).expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');

    const missing = await urge('/api/measures/00000000-0000-4000-8000-000000000000/urge', { message: '催办' }).expect(
      404,
    );
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND', message: '整改措施不存在或已删除' });
    for (const message of ['', '   ', 'x'.repeat(10_000), 42]) {
      const bad = await urge(`/api/measures/${measure.id}/urge`, { message }).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(bad.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    await urge('/api/measures/urge', { measureIds: [], message: '催办' }).expect(400);
    await urge('/api/measures/urge', { measureIds: ['not-a-uuid'], message: '催办' }).expect(400);

    const [done] = await soleUnitMeasures(t.dataSource, 'unitlead', 'completed', 1);
    const finished = await urge(`/api/measures/${done.id}/urge`, { message: '催办' }).expect(409);
    expect(finished.body.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(finished.body.message).toMatch(/已完成销号，无需催办/);
    // nothing of a refused bulk urge is written
    const events = async () =>
      (await t.dataSource.query(`SELECT count(*)::int AS count FROM measure_event WHERE action = 'urge'`))[0].count;
    const written = await events();
    await urge('/api/measures/urge', { measureIds: [measure.id, done.id], message: '催办' }).expect(409);
    expect(await events()).toBe(written);
  });
});
