import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../src/common/http/request-context.js';
import { InspectionsWriteService } from '../../src/modules/inspections/inspections-write.service.js';
import { ProblemsWriteService } from '../../src/modules/problems/problems-write.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { actorOf, asActor, writeCounts } from '../support/medium.js';

describe('InspectionsWriteService and ProblemsWriteService writes (stored rows)', () => {
  let t: TestApp;
  let inspections: InspectionsWriteService;
  let problems: ProblemsWriteService;
  let officer: Actor;
  const query = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const audits = (id: string) =>
    query(
      `SELECT action, actor_username, before, after FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at, id`,
      [id],
    );
  const as = <T>(fn: () => Promise<T>) => asActor(officer, fn);

  beforeAll(async () => {
    t = await createTestApp();
    inspections = t.app.get(InspectionsWriteService);
    problems = t.app.get(ProblemsWriteService);
    officer = await actorOf(t.dataSource, 'officer');
  });
  afterAll(async () => t?.close());

  it('creates, updates under a version, soft-deletes and restores an inspection, each audited', async () => {
    const created = await as(() =>
      inspections.create(
        {
          title: '区委第一轮巡察',
          kind: 'xuncha',
          yellowDays: 5,
          onSiteFrom: '2024-04-01',
          onSiteTo: '2024-05-31',
        } as never,
        officer,
      ),
    );
    const row = async () =>
      (
        await query(
          `SELECT title, kind, yellow_days, on_site_from::text AS on_site_from, on_site_to::text AS on_site_to, issuer,
                  version, deleted_at IS NOT NULL AS deleted FROM inspection WHERE id = $1`,
          [created.id],
        )
      )[0];
    expect(await row()).toEqual({
      title: '区委第一轮巡察',
      kind: 'xuncha',
      yellow_days: 5,
      on_site_from: '2024-04-01',
      on_site_to: '2024-05-31',
      issuer: null,
      version: 1,
      deleted: false,
    });
    await as(() =>
      inspections.update(created.id, { version: 1, title: ' 区委第一轮巡察（修订） ', issuer: '' } as never, officer),
    );
    expect(await row()).toMatchObject({ title: '区委第一轮巡察（修订）', issuer: null, version: 2 });

    const before = await writeCounts(t.dataSource);
    await expect(
      as(() => inspections.update(created.id, { version: 1, title: '过期' } as never, officer)),
    ).rejects.toMatchObject({
      status: 409,
    });
    await expect(
      as(() => inspections.update(created.id, { version: 2, title: ' ' } as never, officer)),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      as(() => inspections.update(created.id, { version: 2, onSiteTo: '2024-03-01' } as never, officer)),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await writeCounts(t.dataSource)).toEqual(before);
    expect(await row()).toMatchObject({ title: '区委第一轮巡察（修订）', version: 2 });

    await as(() => inspections.remove(created.id, 2, officer));
    expect(await row()).toMatchObject({ version: 3, deleted: true });
    await as(() => inspections.restore(created.id, officer));
    expect(await row()).toMatchObject({ version: 4, deleted: false });
    const trail = await audits(created.id);
    expect(trail.map((a: { action: string }) => a.action)).toEqual([
      'INSPECTION_CREATED',
      'INSPECTION_UPDATED',
      'INSPECTION_DELETED',
      'INSPECTION_RESTORED',
    ]);
    expect(trail[1]).toMatchObject({
      actor_username: 'officer',
      before: { title: '区委第一轮巡察', issuer: null },
      after: { title: '区委第一轮巡察（修订）', issuer: null },
    });
  });

  it('creates, renames and deletes a category; refuses to delete one still holding problems', async () => {
    const [inspection] = await query(`SELECT id FROM inspection WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1`);
    const category = await as(() =>
      inspections.createCategory(inspection.id, { title: ' 党的建设方面 ', label: '一、' } as never, officer),
    );
    const row = async () =>
      (await query(`SELECT seq, label, title, version FROM category WHERE id = $1`, [category.id]))[0];
    const [{ next }] = await query(`SELECT max(seq) AS next FROM category WHERE inspection_id = $1`, [inspection.id]);
    expect(await row()).toEqual({ seq: next, label: '一、', title: '党的建设方面', version: 1 });
    await as(() => inspections.updateCategory(category.id, { version: 1, title: '党建方面' } as never, officer));
    expect(await row()).toMatchObject({ title: '党建方面', version: 2 });

    const [problem] = await query(`SELECT id, version FROM problem WHERE inspection_id = $1 ORDER BY seq LIMIT 1`, [
      inspection.id,
    ]);
    await as(() =>
      problems.update(problem.id, { version: problem.version, categoryId: category.id } as never, officer),
    );
    await expect(as(() => inspections.removeCategory(category.id, officer))).rejects.toMatchObject({
      code: 'REFERENCE_CONFLICT',
    });
    expect(await row()).toBeDefined();
    await as(() => problems.update(problem.id, { version: problem.version + 1, categoryId: null } as never, officer));
    await as(() => inspections.removeCategory(category.id, officer));
    expect(await query(`SELECT id FROM category WHERE id = $1`, [category.id])).toEqual([]);
    expect((await audits(category.id)).map((a: { action: string }) => a.action)).toEqual([
      'CATEGORY_CREATED',
      'CATEGORY_UPDATED',
      'CATEGORY_DELETED',
    ]);
  });

  it('creates a problem with the next number and derived defaults, and refuses a taken number writing nothing', async () => {
    const [inspection] = await query(`SELECT id FROM inspection WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1`);
    const created = await as(() =>
      problems.create({ inspectionId: inspection.id, title: ' 新发现的问题 ' } as never, officer),
    );
    expect(
      await query(`SELECT seq, label, title, term, source, status, version, category_id FROM problem WHERE id = $1`, [
        created.id,
      ]),
    ).toEqual([
      {
        seq: 42,
        label: '42.',
        title: '新发现的问题',
        term: 'concentrated',
        source: 'feedback',
        status: 'in_progress',
        version: 1,
        category_id: null,
      },
    ]);
    const [audit] = await audits(created.id);
    expect(audit).toMatchObject({ action: 'PROBLEM_CREATED', after: { inspectionId: inspection.id, seq: 42 } });
    const before = await writeCounts(t.dataSource);
    await expect(
      as(() => problems.create({ inspectionId: inspection.id, seq: 42, title: '重号' } as never, officer)),
    ).rejects.toMatchObject({ code: 'DUPLICATE' });
    expect(await writeCounts(t.dataSource)).toEqual(before);
  });

  it('updates a problem under a version (never its status), soft-deletes and restores it, each audited', async () => {
    const [problem] = await query(
      `SELECT id, title, remarks, status, version FROM problem WHERE status = 'completed' LIMIT 1`,
    );
    const row = async () =>
      (
        await query(
          `SELECT title, remarks, status, version, deleted_at IS NOT NULL AS deleted FROM problem WHERE id = $1`,
          [problem.id],
        )
      )[0];
    await as(() =>
      problems.update(
        problem.id,
        { version: problem.version, title: '修订标题', remarks: '备注', status: 'in_progress' } as never,
        officer,
      ),
    );
    expect(await row()).toEqual({
      title: '修订标题',
      remarks: '备注',
      status: 'completed',
      version: problem.version + 1,
      deleted: false,
    });
    const before = await writeCounts(t.dataSource);
    await expect(
      as(() => problems.update(problem.id, { version: problem.version, title: '过期' } as never, officer)),
    ).rejects.toMatchObject({
      status: 409,
    });
    await expect(as(() => problems.remove(problem.id, problem.version, officer))).rejects.toMatchObject({
      status: 409,
    });
    expect(await writeCounts(t.dataSource)).toEqual(before);
    await as(() => problems.remove(problem.id, problem.version + 1, officer));
    expect(await row()).toMatchObject({ deleted: true, version: problem.version + 2 });
    await as(() => problems.restore(problem.id, officer));
    expect(await row()).toMatchObject({ deleted: false, version: problem.version + 3 });
    const trail = await audits(problem.id);
    expect(trail.map((a: { action: string }) => a.action)).toEqual([
      'PROBLEM_UPDATED',
      'PROBLEM_DELETED',
      'PROBLEM_RESTORED',
    ]);
    expect(trail[0]).toMatchObject({
      before: { title: problem.title, remarks: problem.remarks },
      after: { title: '修订标题', remarks: '备注' },
    });
  });
});
