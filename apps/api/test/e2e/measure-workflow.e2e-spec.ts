import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { insertEvidence, soleUnitMeasures } from '../support/fixtures.js';

describe('measure sign-off workflow (HTTP)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let unitlead: SignedIn;
  let unitlead2: SignedIn;
  let supervisor: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    [officer, unitlead, unitlead2, supervisor] = await Promise.all(
      ['officer', 'unitlead', 'unitlead2', 'supervisor'].map((name) => signIn(t.http, name)),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (who: SignedIn, url: string, body: object) =>
    who.agent.post(url).set('X-CSRF-Token', who.csrfToken).send(body);
  const patch = (who: SignedIn, url: string, body: object) =>
    who.agent.patch(url).set('X-CSRF-Token', who.csrfToken).send(body);
  const auditActions = async (entityId: string) =>
    (
      (await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [
        entityId,
      ])) as Array<{ action: string }>
    ).map((row) => row.action);

  it('runs submit → approve 已完成, updating the measure, its problem and the audit trail', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    const evidence = await insertEvidence(t.dataSource, measure.id);

    const noEvidence = await post(unitlead, `/api/measures/${measure.id}/submit`, {
      version: measure.version,
      note: '已完成',
      attachmentIds: [],
    }).expect(400);
    expect(noEvidence.body.errors.attachmentIds).toEqual(['请至少上传一份佐证材料']);

    const submitted = await post(unitlead, `/api/measures/${measure.id}/submit`, {
      version: measure.version,
      note: '已按要求完成整改',
      attachmentIds: [evidence],
    }).expect(200);
    expect(submitted.body).toMatchObject({
      status: 'pending_review',
      statusLabel: '待审核',
      version: measure.version + 1,
    });

    const again = await post(unitlead, `/api/measures/${measure.id}/submit`, {
      version: submitted.body.version,
      note: '再次',
      attachmentIds: [evidence],
    }).expect(409);
    expect(again.body.code).toBe('TRANSITION_NOT_ALLOWED');
    await post(unitlead2, `/api/measures/${measure.id}/submit`, {
      version: submitted.body.version,
      note: 'x',
      attachmentIds: [evidence],
    }).expect(404);
    await post(unitlead, `/api/measures/${measure.id}/approve`, {
      version: submitted.body.version,
      outcome: 'completed',
    }).expect(403);
    await post(supervisor, `/api/measures/${measure.id}/approve`, {
      version: submitted.body.version,
      outcome: 'completed',
    }).expect(403);

    const approved = await post(officer, `/api/measures/${measure.id}/approve`, {
      version: submitted.body.version,
      outcome: 'completed',
      opinion: '同意销号',
    }).expect(200);
    expect(approved.body).toMatchObject({ status: 'completed', statusLabel: '已完成', light: 'grey' });
    expect(approved.body.units.every((unit: { statusLabel: string }) => unit.statusLabel === '已完成')).toBe(true);

    const problem = await officer.agent.get(`/api/problems/${measure.problemId}`).expect(200);
    const expected = problem.body.measures.every((m: { status: string }) => m.status === 'completed')
      ? '已完成'
      : problem.body.measures.some((m: { status: string }) => !['completed', 'deemed_completed'].includes(m.status))
        ? '未完成'
        : '视同完成';
    expect(problem.body.statusLabel).toBe(expected);

    const history = await officer.agent.get(`/api/measures/${measure.id}/history`).expect(200);
    expect(history.body.slice(0, 2).map((event: { action: string }) => event.action)).toEqual(['approve', 'submit']);
    expect(history.body[0]).toMatchObject({
      opinion: '同意销号',
      actor: { name: '专班干部' },
      fromStatus: 'pending_review',
      toStatus: 'completed',
    });
    expect(history.body[1]).toMatchObject({
      opinion: '已按要求完成整改',
      attachmentIds: [evidence],
      unit: { name: '区水务和湖泊局' },
    });
    expect(await auditActions(measure.id)).toEqual(expect.arrayContaining(['MEASURE_SUBMIT', 'MEASURE_APPROVE']));

    const twice = await post(officer, `/api/measures/${measure.id}/approve`, {
      version: approved.body.version,
      outcome: 'completed',
    }).expect(409);
    expect(twice.body).toEqual({ code: 'TRANSITION_NOT_ALLOWED', message: '整改措施当前状态为“已完成”，不能审核通过' });

    const reopened = await post(officer, `/api/measures/${measure.id}/reopen`, {
      version: approved.body.version,
      reason: '回头看发现反弹',
    }).expect(200);
    expect(reopened.body).toMatchObject({ status: 'in_progress', statusLabel: '推进中', completedAt: null });
    const after = await officer.agent.get(`/api/measures/${measure.id}/history`).expect(200);
    expect(after.body.map((event: { action: string }) => event.action).slice(0, 3)).toEqual([
      'reopen',
      'approve',
      'submit',
    ]);
  });

  it('requires the stage outcome, mechanism and next checkpoint for 视同完成', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    const evidence = await insertEvidence(t.dataSource, measure.id);
    const submitted = await post(unitlead, `/api/measures/${measure.id}/submit`, {
      version: measure.version,
      note: '阶段目标完成',
      attachmentIds: [evidence],
    }).expect(200);
    const missing = await post(officer, `/api/measures/${measure.id}/approve`, {
      version: submitted.body.version,
      outcome: 'deemed_completed',
    }).expect(400);
    expect(Object.keys(missing.body.errors).sort()).toEqual(['longTermMechanism', 'nextCheckpoint', 'stageOutcome']);
    const deemed = await post(officer, `/api/measures/${measure.id}/approve`, {
      version: submitted.body.version,
      outcome: 'deemed_completed',
      stageOutcome: '完成阶段目标',
      longTermMechanism: '按季度调度',
      nextCheckpoint: '2024-06-30',
    }).expect(200);
    expect(deemed.body).toMatchObject({
      statusLabel: '视同完成',
      term: 'long_term',
      nextCheckpoint: '2024-06-30',
      stageOutcome: '完成阶段目标',
    });
    const checkpoints = await officer.agent.get(`/api/measures/${measure.id}/checkpoints`).expect(200);
    expect(checkpoints.body.map((c: { dueOn: string }) => c.dueOn)).toContain('2024-06-30');
  });

  it('returns a submission only with a reason', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    const evidence = await insertEvidence(t.dataSource, measure.id);
    const submitted = await post(unitlead, `/api/measures/${measure.id}/submit`, {
      version: measure.version,
      note: '完成',
      attachmentIds: [evidence],
    }).expect(200);
    const noReason = await post(officer, `/api/measures/${measure.id}/return`, {
      version: submitted.body.version,
      reason: ' ',
    }).expect(400);
    expect(noReason.body.errors.reason).toBeDefined();
    const returned = await post(officer, `/api/measures/${measure.id}/return`, {
      version: submitted.body.version,
      reason: '佐证材料不完整',
    }).expect(200);
    expect(returned.body).toMatchObject({ statusLabel: '推进中' });
    const [latest] = (await officer.agent.get(`/api/measures/${measure.id}/history`)).body;
    expect(latest).toMatchObject({ action: 'return', opinion: '佐证材料不完整' });

    // the submission reached the task force's bell, the return the unit's, each with the measure to open
    const officerBell = (await officer.agent.get('/api/notifications').expect(200)).body.items;
    expect(officerBell[0]).toMatchObject({
      kind: 'measure.submitted',
      title: expect.stringMatching(/^待审核销号：/),
      body: expect.stringContaining('完成情况：完成'),
      link: '/reviews',
    });
    const unitBell = (await unitlead.agent.get('/api/notifications').expect(200)).body.items;
    expect(unitBell[0]).toMatchObject({
      kind: 'measure.returned',
      title: expect.stringMatching(/^销号申请被退回：/),
      body: expect.stringContaining('意见：佐证材料不完整'),
      link: `/problems/${measure.problemId}#measure-${measure.id}`,
    });
    const otherUnit = (await unitlead2.agent.get('/api/notifications').expect(200)).body.items;
    expect(otherUnit.some((item: { link: string }) => item.link?.includes(measure.id))).toBe(false);
  });

  it('answers a stale or missing version with 409 and the current state, and changes nothing', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead2', 'in_progress', 1);
    const fresh = await patch(officer, `/api/measures/${measure.id}`, {
      version: measure.version,
      remarks: '第一次修改',
    }).expect(200);
    const stale = await patch(officer, `/api/measures/${measure.id}`, {
      version: measure.version,
      remarks: '覆盖',
    }).expect(409);
    expect(stale.body).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: { id: measure.id, version: fresh.body.version, remarks: '第一次修改' },
    });
    const missing = await patch(officer, `/api/measures/${measure.id}`, { remarks: '无版本' }).expect(409);
    expect(missing.body.code).toBe('VERSION_REQUIRED');
    const now = await officer.agent.get(`/api/measures/${measure.id}`).expect(200);
    expect(now.body).toMatchObject({ remarks: '第一次修改', version: fresh.body.version });
  });

  it('lets exactly one of 20 concurrent updates with one version win', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead2', 'in_progress', 1);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        patch(officer, `/api/measures/${measure.id}`, { version: measure.version, remarks: `并发 ${i}` }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const [row] = await t.dataSource.query(`SELECT version FROM measure WHERE id = $1`, [measure.id]);
    expect(row.version).toBe(measure.version + 1);
    expect((await auditActions(measure.id)).filter((action) => action === 'MEASURE_UPDATED')).toHaveLength(1);
  });

  it('records the exact before and after of an edit in the history and the audit trail, with the actor', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead2', 'in_progress', 1);
    const [old] = (await t.dataSource.query(`SELECT deadline::text AS deadline, remarks FROM measure WHERE id = $1`, [
      measure.id,
    ])) as Array<{ deadline: string | null; remarks: string | null }>;
    const updated = await patch(officer, `/api/measures/${measure.id}`, {
      version: measure.version,
      deadline: '2031-06-30',
      remarks: '按新方案调整',
    }).expect(200);
    expect(updated.body).toMatchObject({
      deadline: '2031-06-30',
      remarks: '按新方案调整',
      version: measure.version + 1,
    });

    const [audit] = (await t.dataSource.query(
      `SELECT actor_username, actor_roles, request_id, before, after FROM audit_event
       WHERE entity_id = $1 AND action = 'MEASURE_UPDATED' ORDER BY id DESC LIMIT 1`,
      [measure.id],
    )) as Array<Record<string, unknown>>;
    expect(audit).toMatchObject({
      actor_username: 'officer',
      actor_roles: ['task_force_officer'],
      before: { deadline: old.deadline, remarks: old.remarks },
      after: { deadline: '2031-06-30', remarks: '按新方案调整' },
    });
    expect(audit.request_id).toEqual(expect.any(String));
    const [event] = (await officer.agent.get(`/api/measures/${measure.id}/history`).expect(200)).body;
    expect(event).toMatchObject({ action: 'update', actor: { name: '专班干部' } });
  });

  it('keeps units to their own fields and supervisors read-only', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'not_started', 1);
    const denied = await patch(unitlead, `/api/measures/${measure.id}`, {
      version: measure.version,
      deadline: '2030-01-01',
    }).expect(403);
    expect(denied.body.errors).toEqual({ deadline: ['责任单位无权修改此项'] });
    await patch(unitlead, `/api/measures/${measure.id}`, { version: measure.version, remarks: '单位备注' }).expect(200);
    await patch(supervisor, `/api/measures/${measure.id}`, { version: measure.version + 1, remarks: 'x' }).expect(403);
    await patch(unitlead2, `/api/measures/${measure.id}`, { version: measure.version + 1, remarks: 'x' }).expect(404);
  });

  it('starts a measure with its first progress report', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'not_started', 1);
    const progress = await post(unitlead, `/api/measures/${measure.id}/progress`, {
      text: '已完成现场排查',
      progress: 30,
      facts: [{ label: '排查点位', done: 12, total: 40, unit: '处' }],
    }).expect(201);
    expect(progress.body).toMatchObject({
      text: '已完成现场排查',
      unit: { name: '区水务和湖泊局' },
      reportedOn: '2024-03-15',
    });
    const after = await unitlead.agent.get(`/api/measures/${measure.id}`).expect(200);
    expect(after.body).toMatchObject({ statusLabel: '推进中' });
    expect(after.body.units[0]).toMatchObject({ progress: 30, statusLabel: '推进中' });
    const history = await unitlead.agent.get(`/api/measures/${measure.id}/history`).expect(200);
    expect(history.body.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['start', 'progress']),
    );
  });

  it('moves a deadline only through an approved extension, keeping the history of dates', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead2', 'in_progress', 1);
    const before = await officer.agent.get(`/api/measures/${measure.id}`).expect(200);
    const requested = await post(unitlead2, `/api/measures/${measure.id}/extensions`, {
      requestedDeadline: '2024-12-31',
      reason: '受汛期影响施工暂停',
    }).expect(201);
    expect(requested.body).toMatchObject({
      status: 'pending',
      statusLabel: '待审批',
      previousDeadline: before.body.deadline,
      requestedDeadline: '2024-12-31',
    });
    const duplicate = await post(unitlead2, `/api/measures/${measure.id}/extensions`, {
      requestedDeadline: '2025-01-31',
      reason: '再申请',
    }).expect(409);
    expect(duplicate.body.code).toBe('DUPLICATE');
    await post(unitlead, `/api/measures/${measure.id}/extensions`, {
      requestedDeadline: '2024-12-31',
      reason: '别的单位',
    }).expect(404);

    const pending = await officer.agent.get('/api/extensions?status=pending').expect(200);
    expect(pending.body.items.map((item: { id: string }) => item.id)).toContain(requested.body.id);
    await post(officer, `/api/extensions/${requested.body.id}/refuse`, { version: requested.body.version }).expect(400);
    const approved = await post(officer, `/api/extensions/${requested.body.id}/approve`, {
      version: requested.body.version,
      opinion: '同意',
    }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: { name: '专班干部' } });
    const after = await officer.agent.get(`/api/measures/${measure.id}`).expect(200);
    expect(after.body.deadline).toBe('2024-12-31');
    const list = await officer.agent.get(`/api/measures/${measure.id}/extensions`).expect(200);
    expect(list.body[0]).toMatchObject({
      previousDeadline: before.body.deadline,
      requestedDeadline: '2024-12-31',
      status: 'approved',
    });
    await post(officer, `/api/extensions/${requested.body.id}/approve`, { version: approved.body.version }).expect(409);

    // the request reached the task force's bell, the decision the requesting unit's
    const officerBell = (await officer.agent.get('/api/notifications').expect(200)).body.items;
    expect(officerBell).toContainEqual(
      expect.objectContaining({
        kind: 'extension.requested',
        body: expect.stringContaining('申请延期至 2024-12-31。理由：受汛期影响施工暂停'),
        link: '/reviews',
      }),
    );
    const [decision] = (await unitlead2.agent.get('/api/notifications').expect(200)).body.items;
    expect(decision).toMatchObject({
      kind: 'extension.approved',
      title: expect.stringMatching(/^同意延期：/),
      body: expect.stringContaining('完成时限调整为 2024-12-31。'),
      link: `/problems/${measure.problemId}#measure-${measure.id}`,
    });
  });

  it('turns a measure red on the China date after its deadline (fake clock)', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead2', 'not_started', 1);
    const current = await officer.agent.get(`/api/measures/${measure.id}`).expect(200);
    await patch(officer, `/api/measures/${measure.id}`, {
      version: current.body.version,
      deadline: '2024-03-20',
    }).expect(200);
    try {
      // a jump of days outlasts the session's idle limit: sign in again at each instant
      t.clock.set(new Date('2024-03-20T15:59:00Z'));
      const before = await signIn(t.http, 'officer');
      expect((await before.agent.get(`/api/measures/${measure.id}`)).body).toMatchObject({
        light: 'yellow',
        overdue: false,
      });
      t.clock.set(new Date('2024-03-20T16:00:00Z'));
      const after = await signIn(t.http, 'officer');
      expect((await after.agent.get(`/api/measures/${measure.id}`)).body).toMatchObject({
        light: 'red',
        overdue: true,
      });
    } finally {
      t.clock.set(new Date('2024-03-15T12:00:00+08:00'));
    }
  });

  it('soft-deletes and restores a measure, hiding it everywhere meanwhile', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead2', 'pending_review', 1);
    const current = await officer.agent.get(`/api/measures/${measure.id}`).expect(200);
    await officer.agent
      .delete(`/api/measures/${measure.id}?version=${current.body.version}`)
      .set('X-CSRF-Token', officer.csrfToken)
      .expect(204);
    await officer.agent.get(`/api/measures/${measure.id}`).expect(404);
    const list = await officer.agent.get(`/api/measures?problemId=${current.body.problemId}`).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(measure.id);
    await post(unitlead2, `/api/measures/${measure.id}/restore`, {}).expect(403);
    const restored = await post(officer, `/api/measures/${measure.id}/restore`, {}).expect(200);
    expect(restored.body).toMatchObject({ id: measure.id, statusLabel: '待审核' });
    expect(await auditActions(measure.id)).toEqual(expect.arrayContaining(['MEASURE_DELETED', 'MEASURE_RESTORED']));
  });

  it('refuses to change or delete audit rows, whatever the database role', async () => {
    await expect(t.dataSource.query(`UPDATE audit_event SET action = 'TAMPERED'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });
});
