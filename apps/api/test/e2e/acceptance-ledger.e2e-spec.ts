import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';

// The ledger issue's acceptance, over HTTP as a user would do it: a real evidence upload, the sign-off, and the
// effect on the measure, its problem, the statistics and the audit trail.
describe('acceptance: a unit submits with evidence, the task force signs off (HTTP)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let unitlead: SignedIn;
  let inspectionId: string;
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t.http, 'officer');
    unitlead = await signIn(t.http, 'unitlead');
    inspectionId = (await officer.agent.get('/api/inspections')).body.items[0].id;
  });
  afterAll(async () => {
    await t.close();
  });

  const statistics = async () =>
    (await officer.agent.get(`/api/inspections/${inspectionId}/statistics`).expect(200)).body;
  const auditActions = async (entityId: string) =>
    (
      (await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [
        entityId,
      ])) as Array<{ action: string }>
    ).map((row) => row.action);

  // a measure of unitlead's unit that the unit alone carries, not yet submitted
  async function ownOpenMeasure(exclude: string[] = []) {
    const list = await unitlead.agent.get('/api/measures?pageSize=200').expect(200);
    const measure = list.body.items.find(
      (item: { id: string; status: string; units: unknown[] }) =>
        ['in_progress', 'not_started'].includes(item.status) && item.units.length === 1 && !exclude.includes(item.id),
    );
    expect(measure).toBeDefined();
    return measure as { id: string; problemId: string; version: number };
  }

  async function submitWithEvidence(measure: { id: string; version: number }) {
    const upload = await unitlead.agent
      .post(`/api/measures/${measure.id}/attachments`)
      .set('X-CSRF-Token', unitlead.csrfToken)
      .attach('file', pdf, '整改完成报告.pdf')
      .expect(201);
    const current = (await unitlead.agent.get(`/api/measures/${measure.id}`)).body;
    const response = await unitlead.agent
      .post(`/api/measures/${measure.id}/submit`)
      .set('X-CSRF-Token', unitlead.csrfToken)
      .send({ version: current.version, note: '已完成整改，附整改报告', attachmentIds: [upload.body.id] })
      .expect(200);
    return Object.assign(response, { attachmentId: upload.body.id as string });
  }

  it('signs off as 已完成: measure, problem, statistics and audit trail all follow', async () => {
    const measure = await ownOpenMeasure();
    const before = await statistics();
    const submitted = await submitWithEvidence(measure);
    expect(submitted.body.statusLabel).toBe('待审核');
    expect((await statistics()).measures.awaitingSignOff).toBe(before.measures.awaitingSignOff + 1);

    const approved = await officer.agent
      .post(`/api/measures/${measure.id}/approve`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ version: submitted.body.version, outcome: 'completed', opinion: '佐证充分，同意销号' })
      .expect(200);
    expect(approved.body.statusLabel).toBe('已完成');

    const problem = (await officer.agent.get(`/api/problems/${measure.problemId}`)).body;
    const open = problem.measures.some(
      (m: { status: string }) => !['completed', 'deemed_completed'].includes(m.status),
    );
    const deemed = problem.measures.some((m: { status: string }) => m.status === 'deemed_completed');
    expect(problem.statusLabel).toBe(open ? '未完成' : deemed ? '视同完成' : '已完成');

    const after = await statistics();
    expect(after.measures.completed).toBe(before.measures.completed + 1);
    expect(after.measures.awaitingSignOff).toBe(before.measures.awaitingSignOff);
    const problemsDone = after.problems.completed + after.problems.deemedCompleted + after.problems.inProgress;
    expect(problemsDone).toBe(41);

    expect(await auditActions(measure.id)).toEqual(expect.arrayContaining(['MEASURE_SUBMIT', 'MEASURE_APPROVE']));
    expect(await auditActions(submitted.attachmentId)).toContain('ATTACHMENT_UPLOADED');
  });

  it('signs off as 视同完成 only with the next checkpoint date', async () => {
    const measure = await ownOpenMeasure();
    const submitted = await submitWithEvidence(measure);
    const refused = await officer.agent
      .post(`/api/measures/${measure.id}/approve`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({
        version: submitted.body.version,
        outcome: 'deemed_completed',
        stageOutcome: '阶段目标已完成',
        longTermMechanism: '按季度调度',
      })
      .expect(400);
    expect(refused.body.errors.nextCheckpoint).toEqual(['视同完成须填写下一检查节点日期']);
    const approved = await officer.agent
      .post(`/api/measures/${measure.id}/approve`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({
        version: submitted.body.version,
        outcome: 'deemed_completed',
        stageOutcome: '阶段目标已完成',
        longTermMechanism: '按季度调度',
        nextCheckpoint: '2024-09-30',
      })
      .expect(200);
    expect(approved.body).toMatchObject({ statusLabel: '视同完成', nextCheckpoint: '2024-09-30' });
  });
});
