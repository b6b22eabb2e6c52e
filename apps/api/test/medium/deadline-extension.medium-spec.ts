import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../src/common/http/request-context.js';
import { DeadlineExtensionsService } from '../../src/modules/measures/deadline-extensions.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { soleUnitMeasures } from '../support/fixtures.js';
import { actorOf, asActor, writeCounts } from '../support/medium.js';

describe('DeadlineExtensionsService writes (stored rows)', () => {
  let t: TestApp;
  let extensions: DeadlineExtensionsService;
  let officer: Actor;
  let unitlead: Actor;
  const query = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id).sort();
  const officers = async () =>
    ids(await query(`SELECT id FROM user_account WHERE 'task_force_officer' = ANY(roles) AND disabled_at IS NULL`));
  const unitAccounts = async () =>
    ids(await query(`SELECT id FROM user_account WHERE unit_id = $1 AND disabled_at IS NULL`, [unitlead.unitId]));
  const notified = async (kind: string) =>
    ids(await query(`SELECT user_id AS id FROM notification WHERE kind = $1`, [kind]));

  beforeAll(async () => {
    t = await createTestApp();
    extensions = t.app.get(DeadlineExtensionsService);
    officer = await actorOf(t.dataSource, 'officer');
    unitlead = await actorOf(t.dataSource, 'unitlead');
  });
  afterAll(async () => t?.close());

  async function requestOne(requestedDeadline = '2024-12-31') {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    const extension = await asActor(unitlead, () =>
      extensions.request(measure.id, { requestedDeadline, reason: ' 汛期施工受限 ' }, unitlead),
    );
    return { measure, extension };
  }

  it('stores a request as pending with an event and an audit row, and notifies every officer', async () => {
    const { measure, extension } = await requestOne();
    expect(
      await query(
        `SELECT measure_id, unit_id, requested_by_id, previous_deadline::text AS previous, requested_deadline::text AS requested,
                reason, status, decided_by_id, version FROM deadline_extension WHERE id = $1`,
        [extension.id],
      ),
    ).toEqual([
      {
        measure_id: measure.id,
        unit_id: unitlead.unitId,
        requested_by_id: unitlead.id,
        previous: '2024-06-30',
        requested: '2024-12-31',
        reason: '汛期施工受限',
        status: 'pending',
        decided_by_id: null,
        version: 1,
      },
    ]);
    expect(
      await query(
        `SELECT action, unit_id, opinion, detail FROM measure_event WHERE measure_id = $1 AND action NOT IN ('order', 'order_reply', 'rebound')`,
        [measure.id],
      ),
    ).toEqual([
      {
        action: 'extension_requested',
        unit_id: unitlead.unitId,
        opinion: '汛期施工受限',
        detail: { extensionId: extension.id, previousDeadline: '2024-06-30', requestedDeadline: '2024-12-31' },
      },
    ]);
    const [audit] = await query(`SELECT action, actor_username, after FROM audit_event WHERE entity_id = $1`, [
      extension.id,
    ]);
    expect(audit).toEqual({
      action: 'EXTENSION_REQUESTED',
      actor_username: 'unitlead',
      after: { measureId: measure.id, requestedDeadline: '2024-12-31', reason: ' 汛期施工受限 ' },
    });
    expect(await notified('extension.requested')).toEqual(await officers());
    // the deadline itself is unchanged until a decision
    expect(await query(`SELECT deadline::text AS deadline FROM measure WHERE id = $1`, [measure.id])).toEqual([
      { deadline: '2024-06-30' },
    ]);
  });

  it('refuses a second pending request and a deadline not later than the current one, writing nothing', async () => {
    const { measure } = await requestOne('2024-11-30');
    const counts = await writeCounts(t.dataSource);
    await expect(
      asActor(unitlead, () =>
        extensions.request(measure.id, { requestedDeadline: '2025-01-31', reason: '再次申请' }, unitlead),
      ),
    ).rejects.toMatchObject({ code: 'DUPLICATE' });
    await expect(
      asActor(unitlead, () =>
        extensions.request(measure.id, { requestedDeadline: '2024-03-15', reason: '今天' }, unitlead),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await writeCounts(t.dataSource)).toEqual(counts);
  });

  it('approves: extension approved, measure deadline moved and version + 1, event, audit, notice to the unit', async () => {
    const { measure, extension } = await requestOne('2024-10-31');
    await asActor(officer, () => extensions.decide(extension.id, true, { version: 1, opinion: '同意' }, officer));
    const [row] = await query(
      `SELECT status, decided_by_id, decided_at, opinion, version FROM deadline_extension WHERE id = $1`,
      [extension.id],
    );
    expect(row).toEqual({
      status: 'approved',
      decided_by_id: officer.id,
      decided_at: t.clock.now(),
      opinion: '同意',
      version: 2,
    });
    expect(await query(`SELECT deadline::text AS deadline, version FROM measure WHERE id = $1`, [measure.id])).toEqual([
      { deadline: '2024-10-31', version: measure.version + 1 },
    ]);
    const [event] = await query(
      `SELECT unit_id, actor_id, opinion, detail FROM measure_event WHERE measure_id = $1 AND action NOT IN ('order', 'order_reply', 'rebound') AND action = 'extension_approved'`,
      [measure.id],
    );
    expect(event).toEqual({
      unit_id: unitlead.unitId,
      actor_id: officer.id,
      opinion: '同意',
      detail: { extensionId: extension.id, previousDeadline: '2024-06-30', requestedDeadline: '2024-10-31' },
    });
    const [audit] = await query(
      `SELECT before, after FROM audit_event WHERE entity_id = $1 AND action = 'EXTENSION_APPROVED'`,
      [extension.id],
    );
    expect(audit).toEqual({
      before: { status: 'pending', deadline: '2024-06-30' },
      after: { status: 'approved', deadline: '2024-10-31' },
    });
    expect(await notified('extension.approved')).toEqual(await unitAccounts());
    // decided once: a second decision is refused
    await expect(
      asActor(officer, () => extensions.decide(extension.id, false, { version: 2, opinion: '不同意' }, officer)),
    ).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
  });

  it('refuses with an opinion: the deadline stays, a refused event and audit, a notice to the unit', async () => {
    const { measure, extension } = await requestOne('2024-09-30');
    const counts = await writeCounts(t.dataSource);
    await expect(
      asActor(officer, () => extensions.decide(extension.id, false, { version: 1 }, officer)),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      asActor(officer, () => extensions.decide(extension.id, false, { version: 7, opinion: '过期版本' }, officer)),
    ).rejects.toMatchObject({ status: 409 });
    expect(await writeCounts(t.dataSource)).toEqual(counts);
    await asActor(officer, () =>
      extensions.decide(extension.id, false, { version: 1, opinion: ' 理由不充分 ' }, officer),
    );
    expect(await query(`SELECT status, opinion FROM deadline_extension WHERE id = $1`, [extension.id])).toEqual([
      { status: 'refused', opinion: '理由不充分' },
    ]);
    expect(await query(`SELECT deadline::text AS deadline, version FROM measure WHERE id = $1`, [measure.id])).toEqual([
      { deadline: '2024-06-30', version: measure.version },
    ]);
    const actions = await query(
      `SELECT action FROM measure_event WHERE measure_id = $1 AND action NOT IN ('order', 'order_reply', 'rebound') ORDER BY action`,
      [measure.id],
    );
    expect(actions).toEqual([{ action: 'extension_refused' }, { action: 'extension_requested' }]);
    const [audit] = await query(`SELECT after FROM audit_event WHERE entity_id = $1 AND action = 'EXTENSION_REFUSED'`, [
      extension.id,
    ]);
    expect(audit.after).toEqual({ status: 'refused', deadline: '2024-06-30' });
    expect(await notified('extension.refused')).toEqual(await unitAccounts());
  });
});
