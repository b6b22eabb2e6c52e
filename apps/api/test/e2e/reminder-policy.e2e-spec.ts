import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';

// 催办提醒规则: per inspection, the default until an officer saves one; versioned (409), audited, validated.
describe('reminder policy', () => {
  let t: TestApp;
  let officer: SignedIn;
  let inspectionId: string;
  const path = () => `/api/inspections/${inspectionId}/reminder-policy`;
  const put = (caller: SignedIn, body: object) =>
    caller.agent.put(path()).set('X-CSRF-Token', caller.csrfToken).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t.http, 'officer');
    [{ id: inspectionId }] = (await officer.agent.get('/api/inspections').expect(200)).body.items;
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the default policy until one is saved, for every role that sees the inspection', async () => {
    const policy = await officer.agent.get(path()).expect(200);
    expect(policy.body).toEqual({
      inspectionId,
      dueSoonDays: [7, 3, 1],
      escalation: [
        { afterOverdueDays: 0, notify: 'unit' },
        { afterOverdueDays: 3, notify: 'unit_leader' },
        { afterOverdueDays: 7, notify: 'task_force' },
        { afterOverdueDays: 14, notify: 'supervisor' },
      ],
      channels: ['in_app', 'email', 'webhook'],
      isDefault: true,
      text: '到期前 7、3、1 天提醒责任单位；逾期当天提醒责任单位全部账号，逾期 3 天提醒责任单位负责人，逾期 7 天提醒整改专班，逾期 14 天提醒监督人员。',
      updatedBy: null,
      updatedAt: null,
      version: 1,
    });
    for (const username of ['supervisor', 'unitlead']) {
      const reader = await signIn(t.http, username);
      await reader.agent.get(path()).expect(200);
      await put(reader, {
        version: 1,
        dueSoonDays: [5],
        escalation: policy.body.escalation,
        channels: ['in_app'],
      }).expect(403);
    }
    await officer.agent.get('/api/inspections/00000000-0000-4000-8000-000000000000/reminder-policy').expect(404);
  });

  it('saves a policy with its version, audits it, and refuses a stale version with the current one', async () => {
    const saved = await put(officer, {
      version: 1,
      dueSoonDays: [1, 5],
      escalation: [
        { afterOverdueDays: 0, notify: 'unit' },
        { afterOverdueDays: 2, notify: 'task_force' },
      ],
      channels: ['in_app', 'email'],
    }).expect(200);
    expect(saved.body).toMatchObject({
      dueSoonDays: [5, 1],
      channels: ['in_app', 'email'],
      isDefault: false,
      version: 2,
      updatedBy: { name: expect.any(String) },
      text: '到期前 5、1 天提醒责任单位；逾期当天提醒责任单位全部账号，逾期 2 天提醒整改专班。',
    });

    const stale = await put(officer, {
      version: 1,
      dueSoonDays: [3],
      escalation: [{ afterOverdueDays: 0, notify: 'unit' }],
      channels: ['in_app'],
    }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', current: { version: 2, dueSoonDays: [5, 1] } });
    await put(officer, {
      dueSoonDays: [3],
      escalation: [{ afterOverdueDays: 0, notify: 'unit' }],
      channels: ['in_app'],
    }).expect(409);

    const next = await put(officer, {
      version: 2,
      dueSoonDays: [],
      escalation: [{ afterOverdueDays: 1, notify: 'unit_leader' }],
      channels: ['in_app'],
    }).expect(200);
    expect(next.body).toMatchObject({
      version: 3,
      dueSoonDays: [],
      text: '到期前不提醒；逾期 1 天提醒责任单位负责人。',
    });

    const events = await t.dataSource.query(
      `SELECT before, after FROM audit_event WHERE action = 'REMINDER_POLICY_UPDATED' ORDER BY id`,
    );
    expect(events).toHaveLength(2);
    expect(events[0].before).toMatchObject({ dueSoonDays: [7, 3, 1] });
    expect(events[0].after).toMatchObject({ dueSoonDays: [5, 1], channels: ['in_app', 'email'] });
  });

  it('refuses a policy that makes no sense with a Chinese message per field', async () => {
    const [{ version }] = await t.dataSource.query(`SELECT version FROM reminder_policy WHERE inspection_id = $1`, [
      inspectionId,
    ]);
    const cases: Array<[object, string]> = [
      [
        { dueSoonDays: [3, 3], escalation: [{ afterOverdueDays: 0, notify: 'unit' }], channels: ['in_app'] },
        'dueSoonDays',
      ],
      [
        { dueSoonDays: [0], escalation: [{ afterOverdueDays: 0, notify: 'unit' }], channels: ['in_app'] },
        'dueSoonDays',
      ],
      [
        {
          dueSoonDays: [3],
          escalation: [
            { afterOverdueDays: 7, notify: 'task_force' },
            { afterOverdueDays: 3, notify: 'unit_leader' },
          ],
          channels: ['in_app'],
        },
        'escalation',
      ],
      [{ dueSoonDays: [3], escalation: [], channels: ['in_app'] }, 'escalation'],
      [
        { dueSoonDays: [3], escalation: [{ afterOverdueDays: 0, notify: 'mayor' }], channels: ['in_app'] },
        'escalation',
      ],
      [{ dueSoonDays: [3], escalation: [{ afterOverdueDays: 0, notify: 'unit' }], channels: ['email'] }, 'channels'],
      [{ dueSoonDays: [3], escalation: [{ afterOverdueDays: 0, notify: 'unit' }], channels: ['sms'] }, 'channels'],
      [
        { dueSoonDays: 'soon', escalation: [{ afterOverdueDays: 0, notify: 'unit' }], channels: ['in_app'] },
        'dueSoonDays',
      ],
    ];
    for (const [body, field] of cases) {
      const refused = await put(officer, { version, ...body }).expect(400);
      expect(refused.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(/\p{Script=Han}/u),
      });
      expect(JSON.stringify(refused.body.errors ?? {})).toContain(field);
    }
    const [{ version: after }] = await t.dataSource.query(
      `SELECT version FROM reminder_policy WHERE inspection_id = $1`,
      [inspectionId],
    );
    expect(after).toBe(version);
  });
});
