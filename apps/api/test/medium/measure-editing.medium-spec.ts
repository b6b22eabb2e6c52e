import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rollUpMeasureStatus } from '@zhenggai/domain';
import type { Actor } from '../../src/common/http/request-context.js';
import { MeasureEditingService } from '../../src/modules/measures/measure-editing.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { soleUnitMeasures } from '../support/fixtures.js';
import { actorOf, asActor, countRows, writeCounts } from '../support/medium.js';

describe('MeasureEditingService writes (stored rows)', () => {
  let t: TestApp;
  let editing: MeasureEditingService;
  let officer: Actor;
  let unitlead: Actor;
  const query = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);

  beforeAll(async () => {
    t = await createTestApp();
    editing = t.app.get(MeasureEditingService);
    officer = await actorOf(t.dataSource, 'officer');
    unitlead = await actorOf(t.dataSource, 'unitlead');
  });
  afterAll(async () => t?.close());

  it('updates fields under a version: row, version + 1, an update event with before/after, an audit row', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    const [before] = await query(`SELECT remarks, deadline::text AS deadline FROM measure WHERE id = $1`, [measure.id]);
    await asActor(officer, () =>
      editing.update(measure.id, { version: measure.version, remarks: '按期推进', deadline: '2024-09-30' }, officer),
    );
    const [row] = await query(`SELECT remarks, deadline::text AS deadline, version FROM measure WHERE id = $1`, [
      measure.id,
    ]);
    expect(row).toEqual({ remarks: '按期推进', deadline: '2024-09-30', version: measure.version + 1 });
    const events = await query(
      `SELECT action, actor_id, detail FROM measure_event WHERE measure_id = $1 AND action NOT IN ('order', 'order_reply', 'rebound')`,
      [measure.id],
    );
    expect(events).toEqual([
      {
        action: 'update',
        actor_id: officer.id,
        detail: {
          before: { remarks: before.remarks, deadline: before.deadline },
          after: { remarks: '按期推进', deadline: '2024-09-30' },
        },
      },
    ]);
    const audits = await query(
      `SELECT actor_username, action, entity_type, result, before, after, request_id FROM audit_event WHERE entity_id = $1`,
      [measure.id],
    );
    expect(audits).toEqual([
      {
        actor_username: 'officer',
        action: 'MEASURE_UPDATED',
        entity_type: 'measure',
        result: 'success',
        before: { remarks: before.remarks, deadline: before.deadline },
        after: { remarks: '按期推进', deadline: '2024-09-30' },
        request_id: 'medium-spec',
      },
    ]);
  });

  it('refuses a stale version (409) and a unit editing the content (403), writing nothing', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    const counts = await writeCounts(t.dataSource);
    const [row] = await query(`SELECT text, remarks, version FROM measure WHERE id = $1`, [measure.id]);
    await expect(
      asActor(officer, () => editing.update(measure.id, { version: measure.version - 1, remarks: '过期' }, officer)),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      asActor(unitlead, () => editing.update(measure.id, { version: measure.version, text: '单位改写' }, unitlead)),
    ).rejects.toMatchObject({ status: 403 });
    expect(await query(`SELECT text, remarks, version FROM measure WHERE id = $1`, [measure.id])).toEqual([row]);
    expect(await writeCounts(t.dataSource)).toEqual(counts);
    // the unit may annotate its own measure
    await asActor(unitlead, () =>
      editing.update(measure.id, { version: measure.version, remarks: '单位备注' }, unitlead),
    );
    expect(await query(`SELECT remarks, version FROM measure WHERE id = $1`, [measure.id])).toEqual([
      { remarks: '单位备注', version: measure.version + 1 },
    ]);
  });

  it('sets the units: lead and co rows of measure_unit, lead mirrored, an assign event and MEASURE_UNITS_SET', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    const [lead, co] = (await query(
      `SELECT id FROM unit WHERE name IN ('区城市管理执法局', '区水务和湖泊局') ORDER BY name = '区城市管理执法局' DESC`,
    )) as Array<{ id: string }>;
    await asActor(officer, () =>
      editing.setUnits(
        measure.id,
        { version: measure.version, leadUnitId: lead.id, coUnitIds: [co.id, lead.id] },
        officer,
      ),
    );
    const units = await query(
      `SELECT unit_id, role, status FROM measure_unit WHERE measure_id = $1 ORDER BY role DESC`,
      [measure.id],
    );
    // the new lead share starts afresh; the share the measure already had keeps its status
    expect(co.id).toBe(unitlead.unitId);
    expect(units).toEqual([
      { unit_id: lead.id, role: 'lead', status: 'not_started' },
      { unit_id: co.id, role: 'co', status: 'in_progress' },
    ]);
    expect(await query(`SELECT lead_unit_id, status, version FROM measure WHERE id = $1`, [measure.id])).toEqual([
      {
        lead_unit_id: lead.id,
        status: rollUpMeasureStatus(['not_started', 'in_progress']),
        version: measure.version + 1,
      },
    ]);
    const [event] = await query(
      `SELECT action, from_status, to_status FROM measure_event WHERE measure_id = $1 AND action NOT IN ('order', 'order_reply', 'rebound') AND action = 'assign'`,
      [measure.id],
    );
    expect(event).toEqual({
      action: 'assign',
      from_status: 'in_progress',
      to_status: rollUpMeasureStatus(['not_started', 'in_progress']),
    });
    expect(
      await countRows(t.dataSource, 'audit_event', `action = 'MEASURE_UNITS_SET' AND entity_id = $1`, [measure.id]),
    ).toBe(1);
  });

  it('reports progress: a progress_update row, the unit and measure started, progress and start events, an audit row', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'not_started', 1);
    await asActor(unitlead, () =>
      editing.addProgress(
        measure.id,
        { text: ' 已完成排查 ', progress: 40, facts: [{ label: '排查', done: 3, total: 5 }] } as never,
        unitlead,
      ),
    );
    expect(
      await query(
        `SELECT unit_id, reported_on::text AS reported_on, text, facts, author_id FROM progress_update WHERE measure_id = $1 AND author_id = $2`,
        [measure.id, unitlead.id],
      ),
    ).toEqual([
      {
        unit_id: unitlead.unitId,
        reported_on: '2024-03-15',
        text: '已完成排查',
        facts: [{ label: '排查', done: 3, total: 5 }],
        author_id: unitlead.id,
      },
    ]);
    expect(await query(`SELECT status, progress FROM measure_unit WHERE measure_id = $1`, [measure.id])).toEqual([
      { status: 'in_progress', progress: 40 },
    ]);
    expect(await query(`SELECT status, version FROM measure WHERE id = $1`, [measure.id])).toEqual([
      { status: 'in_progress', version: measure.version + 1 },
    ]);
    const events = await query(
      `SELECT action, from_status, to_status, unit_id, opinion FROM measure_event WHERE measure_id = $1 AND action NOT IN ('order', 'order_reply', 'rebound') ORDER BY id`,
      [measure.id],
    );
    expect(events).toEqual(
      expect.arrayContaining([
        { action: 'progress', from_status: null, to_status: null, unit_id: unitlead.unitId, opinion: '已完成排查' },
        {
          action: 'start',
          from_status: 'not_started',
          to_status: 'in_progress',
          unit_id: unitlead.unitId,
          opinion: null,
        },
      ]),
    );
    const [audit] = await query(`SELECT after FROM audit_event WHERE action = 'PROGRESS_REPORTED' AND entity_id = $1`, [
      measure.id,
    ]);
    expect(audit.after).toMatchObject({ unitId: unitlead.unitId, progress: 40, reportedOn: '2024-03-15' });
  });

  it('creates, soft-deletes and restores a measure and adds a checkpoint to a long-term one', async () => {
    const [problem] = await query(`SELECT id, inspection_id FROM problem ORDER BY seq LIMIT 1`);
    const created = await asActor(officer, () =>
      editing.create(
        { problemId: problem.id, text: ' 新增措施 ', term: 'long_term', leadUnitId: unitlead.unitId! } as never,
        officer,
      ),
    );
    const [row] = await query(
      `SELECT problem_id, inspection_id, text, term, lead_unit_id, status, version, deleted_at,
              seq = (SELECT max(seq) FROM measure WHERE problem_id = $2) AS last
       FROM measure WHERE id = $1`,
      [created.id, problem.id],
    );
    expect(row).toEqual({
      problem_id: problem.id,
      inspection_id: problem.inspection_id,
      text: '新增措施',
      term: 'long_term',
      lead_unit_id: unitlead.unitId,
      status: 'not_started',
      version: 1,
      deleted_at: null,
      last: true,
    });
    expect(await query(`SELECT unit_id, role FROM measure_unit WHERE measure_id = $1`, [created.id])).toEqual([
      { unit_id: unitlead.unitId, role: 'lead' },
    ]);
    expect(await query(`SELECT status FROM problem WHERE id = $1`, [problem.id])).toEqual([{ status: 'in_progress' }]);

    await asActor(officer, () =>
      editing.addCheckpoint(created.id, { dueOn: '2024-06-30', title: '半年检查' }, officer),
    );
    expect(
      await query(`SELECT due_on::text AS due_on, title, done_on FROM measure_checkpoint WHERE measure_id = $1`, [
        created.id,
      ]),
    ).toEqual([{ due_on: '2024-06-30', title: '半年检查', done_on: null }]);
    await expect(
      asActor(officer, () => editing.addCheckpoint(created.id, { dueOn: '2024-06-30' }, officer)),
    ).rejects.toMatchObject({ code: 'DUPLICATE' });

    await asActor(officer, () => editing.remove(created.id, { version: 1 }, officer));
    const [deleted] = await query(`SELECT deleted_at IS NOT NULL AS deleted, version FROM measure WHERE id = $1`, [
      created.id,
    ]);
    expect(deleted).toEqual({ deleted: true, version: 2 });
    await asActor(officer, () => editing.restore(created.id, officer));
    expect(await query(`SELECT deleted_at, version FROM measure WHERE id = $1`, [created.id])).toEqual([
      { deleted_at: null, version: 3 },
    ]);
    const actions = await query(
      `SELECT action FROM measure_event WHERE measure_id = $1 AND action NOT IN ('order', 'order_reply', 'rebound') ORDER BY occurred_at, id`,
      [created.id],
    );
    expect(actions.map((e: { action: string }) => e.action).sort()).toEqual(
      ['checkpoint', 'create', 'delete', 'restore'].sort(),
    );
    const audits = await query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [created.id]);
    expect(audits.map((a: { action: string }) => a.action).sort()).toEqual(
      ['CHECKPOINT_ADDED', 'MEASURE_CREATED', 'MEASURE_DELETED', 'MEASURE_RESTORED'].sort(),
    );
  });
});
