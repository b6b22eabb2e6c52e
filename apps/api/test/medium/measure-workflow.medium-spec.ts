import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../src/common/http/request-context.js';
import { MeasureWorkflowService } from '../../src/modules/measures/measure-workflow.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertEvidence, soleUnitMeasures } from '../support/fixtures.js';
import { actorOf, asActor, writeCounts } from '../support/medium.js';

describe('MeasureWorkflowService writes (stored rows)', () => {
  let t: TestApp;
  let workflow: MeasureWorkflowService;
  let officer: Actor;
  let unitlead: Actor;
  const query = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const state = async (id: string) =>
    (
      await query(
        `SELECT m.status, m.version, m.submitted_at, m.completed_at, p.status AS problem_status,
                array(SELECT mu.status FROM measure_unit mu WHERE mu.measure_id = m.id) AS unit_statuses
         FROM measure m JOIN problem p ON p.id = m.problem_id WHERE m.id = $1`,
        [id],
      )
    )[0];
  const lastEvent = async (id: string) =>
    (
      await query(
        `SELECT action, from_status, to_status, unit_id, actor_id, opinion, attachment_ids, detail FROM measure_event
         WHERE measure_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT 1`,
        [id],
      )
    )[0];
  const audits = async (id: string) =>
    query(`SELECT action, before, after, detail FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at, id`, [id]);

  beforeAll(async () => {
    t = await createTestApp();
    workflow = t.app.get(MeasureWorkflowService);
    officer = await actorOf(t.dataSource, 'officer');
    unitlead = await actorOf(t.dataSource, 'unitlead');
  });
  afterAll(async () => t?.close());

  /** A measure in progress whose problem's other live measures are all completed (so its sign-off decides the problem). */
  async function lastOpenMeasure() {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    await query(`UPDATE measure SET status = 'completed' WHERE problem_id = $1 AND id <> $2`, [
      measure.problemId,
      measure.id,
    ]);
    return measure;
  }

  it('submits with evidence: unit share and measure pending_review, submitted_at, event, audit, notice to officers', async () => {
    const measure = await lastOpenMeasure();
    const evidence = await insertEvidence(t.dataSource, measure.id);
    await asActor(unitlead, () =>
      workflow.submit(
        measure.id,
        { version: measure.version, note: '已整改到位', attachmentIds: [evidence] },
        unitlead,
      ),
    );
    expect(await state(measure.id)).toEqual({
      status: 'pending_review',
      version: measure.version + 1,
      submitted_at: t.clock.now(),
      completed_at: null,
      problem_status: 'in_progress',
      unit_statuses: ['pending_review'],
    });
    expect(await lastEvent(measure.id)).toEqual({
      action: 'submit',
      from_status: 'in_progress',
      to_status: 'pending_review',
      unit_id: unitlead.unitId,
      actor_id: unitlead.id,
      opinion: '已整改到位',
      attachment_ids: [evidence],
      detail: null,
    });
    const [audit] = await audits(measure.id);
    expect(audit).toMatchObject({
      action: 'MEASURE_SUBMIT',
      before: { status: 'in_progress', version: measure.version },
      after: { status: 'pending_review', version: measure.version + 1 },
      detail: { opinion: '已整改到位', attachmentIds: [evidence] },
    });
    const notified = await query(
      `SELECT n.user_id FROM notification n JOIN user_account u ON u.id = n.user_id
       WHERE n.kind = 'measure.submitted' AND NOT ('task_force_officer' = ANY(u.roles))`,
    );
    expect(notified).toEqual([]);
    expect(
      (await query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'measure.submitted'`))[0].n,
    ).toBeGreaterThan(0);
  });

  it('refuses a submission without evidence or with a stale version, writing nothing', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    const evidence = await insertEvidence(t.dataSource, measure.id);
    const counts = await writeCounts(t.dataSource);
    await expect(
      asActor(unitlead, () =>
        workflow.submit(measure.id, { version: measure.version, note: '无材料', attachmentIds: [] }, unitlead),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      asActor(unitlead, () =>
        workflow.submit(
          measure.id,
          { version: measure.version + 5, note: '旧版本', attachmentIds: [evidence] },
          unitlead,
        ),
      ),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      asActor(officer, () => workflow.approve(measure.id, { version: measure.version, outcome: 'completed' }, officer)),
    ).rejects.toMatchObject({ status: expect.any(Number) });
    expect(await writeCounts(t.dataSource)).toEqual(counts);
    expect((await state(measure.id)).status).toBe('in_progress');
  });

  it('approves as completed: the problem is derived completed (audited), then reopen brings both back to in progress', async () => {
    const measure = await lastOpenMeasure();
    const evidence = await insertEvidence(t.dataSource, measure.id);
    await asActor(unitlead, () =>
      workflow.submit(measure.id, { version: measure.version, note: '完成', attachmentIds: [evidence] }, unitlead),
    );
    await asActor(officer, () =>
      workflow.approve(
        measure.id,
        { version: measure.version + 1, outcome: 'completed', opinion: '同意销号' },
        officer,
      ),
    );
    expect(await state(measure.id)).toMatchObject({
      status: 'completed',
      version: measure.version + 2,
      completed_at: t.clock.now(),
      problem_status: 'completed',
      unit_statuses: ['completed'],
    });
    expect(await lastEvent(measure.id)).toMatchObject({
      action: 'approve',
      from_status: 'pending_review',
      to_status: 'completed',
      unit_id: null,
      opinion: '同意销号',
      attachment_ids: [evidence],
    });
    const problemAudits = await audits(measure.problemId);
    expect(problemAudits.at(-1)).toMatchObject({
      action: 'PROBLEM_STATUS_DERIVED',
      before: { status: 'in_progress' },
      after: { status: 'completed' },
    });
    expect(
      (await query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'measure.approved'`))[0].n,
    ).toBeGreaterThan(0);

    await asActor(officer, () =>
      workflow.reopen(measure.id, { version: measure.version + 2, reason: ' 回头看发现反弹 ' }, officer),
    );
    expect(await state(measure.id)).toMatchObject({
      status: 'in_progress',
      submitted_at: null,
      completed_at: null,
      problem_status: 'in_progress',
      unit_statuses: ['in_progress'],
    });
    expect(await lastEvent(measure.id)).toMatchObject({
      action: 'reopen',
      from_status: 'completed',
      to_status: 'in_progress',
      opinion: '回头看发现反弹',
    });
    expect((await audits(measure.id)).map((row: { action: string }) => row.action)).toEqual([
      'MEASURE_SUBMIT',
      'MEASURE_APPROVE',
      'MEASURE_REOPEN',
    ]);
  });

  it('approves as 视同完成: stage outcome, mechanism, checkpoint row, term long_term, problem deemed_completed', async () => {
    const measure = await lastOpenMeasure();
    const evidence = await insertEvidence(t.dataSource, measure.id);
    await asActor(unitlead, () =>
      workflow.submit(measure.id, { version: measure.version, note: '阶段完成', attachmentIds: [evidence] }, unitlead),
    );
    await asActor(officer, () =>
      workflow.approve(
        measure.id,
        {
          version: measure.version + 1,
          outcome: 'deemed_completed',
          stageOutcome: ' 阶段成果 ',
          longTermMechanism: ' 长效机制 ',
          nextCheckpoint: '2024-09-30',
        },
        officer,
      ),
    );
    expect(
      await query(
        `SELECT status, term, stage_outcome, long_term_mechanism, next_checkpoint::text AS next_checkpoint FROM measure WHERE id = $1`,
        [measure.id],
      ),
    ).toEqual([
      {
        status: 'deemed_completed',
        term: 'long_term',
        stage_outcome: '阶段成果',
        long_term_mechanism: '长效机制',
        next_checkpoint: '2024-09-30',
      },
    ]);
    expect(
      await query(`SELECT due_on::text AS due_on, title FROM measure_checkpoint WHERE measure_id = $1`, [measure.id]),
    ).toEqual([{ due_on: '2024-09-30', title: '视同完成后检查节点' }]);
    expect((await state(measure.id)).problem_status).toBe('deemed_completed');
    expect((await lastEvent(measure.id)).detail).toEqual({ nextCheckpoint: '2024-09-30' });
  });

  it('returns a submission with an opinion: in progress again, submitted_at cleared, return event and audit', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    const evidence = await insertEvidence(t.dataSource, measure.id);
    await asActor(unitlead, () =>
      workflow.submit(measure.id, { version: measure.version, note: '完成', attachmentIds: [evidence] }, unitlead),
    );
    const counts = await writeCounts(t.dataSource);
    await expect(
      asActor(officer, () =>
        workflow.returnSubmission(measure.id, { version: measure.version + 1, reason: ' ' }, officer),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await writeCounts(t.dataSource)).toEqual(counts);
    await asActor(officer, () =>
      workflow.returnSubmission(measure.id, { version: measure.version + 1, reason: '佐证材料不完整' }, officer),
    );
    expect(await state(measure.id)).toMatchObject({
      status: 'in_progress',
      version: measure.version + 2,
      submitted_at: null,
      unit_statuses: ['in_progress'],
    });
    expect(await lastEvent(measure.id)).toMatchObject({
      action: 'return',
      from_status: 'pending_review',
      to_status: 'in_progress',
      opinion: '佐证材料不完整',
    });
    expect((await audits(measure.id)).at(-1)).toMatchObject({
      action: 'MEASURE_RETURN',
      detail: { opinion: '佐证材料不完整', attachmentIds: [] },
    });
    expect(
      (await query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'measure.returned'`))[0].n,
    ).toBeGreaterThan(0);
  });
});
