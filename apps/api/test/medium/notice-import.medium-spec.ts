import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../src/common/http/request-context.js';
import type { NoticePreviewDto } from '../../src/modules/documents/dto/notice-preview.dto.js';
import { NoticeImportService } from '../../src/modules/documents/notice/notice-import.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { DEMO_NOTICE } from '../support/database.js';
import { asActor, countRows, writeCounts } from '../support/medium.js';

describe('NoticeImportService preview and commit into an empty database (stored rows)', () => {
  let t: TestApp;
  let notices: NoticeImportService;
  let officer: Actor;
  let preview: NoticePreviewDto;
  const query = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const commit = (body: unknown) => asActor(officer, () => notices.commit(body as never, officer));

  beforeAll(async () => {
    t = await createTestApp({ demo: false });
    notices = t.app.get(NoticeImportService);
    // an empty database has no accounts: the officer who imports is the only one
    const [account] = await query(
      `INSERT INTO user_account (username, display_name, password_hash, roles) VALUES ('officer', '专班干部', 'x', '{task_force_officer}')
       RETURNING id`,
    );
    officer = {
      id: account.id,
      username: 'officer',
      displayName: '专班干部',
      roles: ['task_force_officer'],
      unitId: null,
      unitIds: [],
    };
    preview = await notices.preview(DEMO_NOTICE, undefined);
  });
  afterAll(async () => t?.close());

  it('previews without writing anything', async () => {
    const counts = await writeCounts(t.dataSource);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    expect(preview.problems).toHaveLength(41);
    expect(preview.problems.reduce((sum, problem) => sum + problem.measures.length, 0)).toBe(114);
  });

  it('commits the notice: inspection, categories as previewed, 41 problems, 114 unassigned measures, events, outcomes, audit', async () => {
    const result = await commit(structuredClone(preview));
    expect(result).toEqual({ inspectionId: expect.any(String), problems: 41, measures: 114 });
    const { inspectionId } = result;
    expect(await writeCounts(t.dataSource)).toEqual({
      inspection: 1,
      category: preview.categories.length,
      problem: 41,
      measure: 114,
      measure_unit: 0,
      measure_event: 114,
      progress_update: 0,
      deadline_extension: 0,
      measure_checkpoint: 0,
      audit_event: 1,
      notification: 0,
    });
    const [inspection] = await query(
      `SELECT issuer, kind, inspection_group AS "group", on_site_to::text AS on_site_to, feedback_date::text AS feedback_date,
              source_text FROM inspection WHERE id = $1`,
      [inspectionId],
    );
    expect(inspection).toEqual({
      issuer: '中共武汉经开区党工委',
      kind: 'xunshi',
      group: '省委第六巡视组',
      on_site_to: '2023-09-15',
      feedback_date: '2023-11-01',
      source_text: preview.sourceText,
    });
    const problems = await query(
      `SELECT p.seq, p.label, p.title, p.status, p.lead_unit_id, c.seq AS category_seq FROM problem p
       LEFT JOIN category c ON c.id = p.category_id WHERE p.inspection_id = $1 ORDER BY p.seq`,
      [inspectionId],
    );
    expect(problems).toEqual(
      preview.problems.map((p) => ({
        seq: p.seq,
        label: p.label.trim(),
        title: p.title.trim(),
        status: 'in_progress',
        lead_unit_id: null,
        category_seq: p.categorySeq ?? null,
      })),
    );
    const [measures] = await query(
      `SELECT array_agg(DISTINCT status) AS statuses, count(*) FILTER (WHERE lead_unit_id IS NOT NULL)::int AS assigned,
              count(DISTINCT (problem_id, seq))::int AS numbered
       FROM measure WHERE inspection_id = $1`,
      [inspectionId],
    );
    expect(measures).toEqual({ statuses: ['not_started'], assigned: 0, numbered: 114 });
    expect(
      await query(`SELECT action, to_status, actor_id, actor_name, detail, count(*)::int AS n FROM measure_event
                   GROUP BY action, to_status, actor_id, actor_name, detail`),
    ).toEqual([
      {
        action: 'create',
        to_status: 'not_started',
        actor_id: officer.id,
        actor_name: '专班干部',
        detail: { source: 'notice' },
        n: 114,
      },
    ]);
    const accountability = preview.problems.reduce((sum, p) => sum + p.accountability.length, 0);
    const rules = preview.problems.reduce((sum, p) => sum + p.rules.length, 0);
    const funds = preview.problems.reduce((sum, p) => sum + p.funds.length, 0);
    expect(await countRows(t.dataSource, 'accountability_action', 'inspection_id = $1', [inspectionId])).toBe(
      accountability,
    );
    expect(await countRows(t.dataSource, 'rule_document', 'inspection_id = $1', [inspectionId])).toBe(rules);
    expect(await countRows(t.dataSource, 'fund_recovery', 'inspection_id = $1', [inspectionId])).toBe(funds);
    const [audit] = await query(`SELECT action, actor_username, entity_type, entity_id, detail FROM audit_event`);
    expect(audit).toEqual({
      action: 'NOTICE_IMPORTED',
      actor_username: 'officer',
      entity_type: 'inspection',
      entity_id: inspectionId,
      detail: {
        title: expect.any(String),
        categories: preview.categories.length,
        problems: 41,
        measures: 114,
        accountability,
        rules,
        funds,
        defaultLeadUnitId: null,
        warnings: preview.warnings.length,
      },
    });
  });

  it('writes nothing for a body with duplicate numbers or an unknown default lead unit', async () => {
    const before = await writeCounts(t.dataSource);
    const duplicate = structuredClone(preview);
    duplicate.problems[5].measures[1].seq = duplicate.problems[5].measures[0].seq;
    await expect(commit(duplicate)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      commit({ ...structuredClone(preview), defaultLeadUnitId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await writeCounts(t.dataSource)).toEqual(before);
  });

  it('assigns every problem and measure to the default lead unit when one is given', async () => {
    const [unit] = await query(`INSERT INTO unit (name) VALUES ('区纪工委') RETURNING id`);
    const before = await writeCounts(t.dataSource);
    const { inspectionId } = await commit({ ...structuredClone(preview), defaultLeadUnitId: unit.id });
    const after = await writeCounts(t.dataSource);
    expect(after.measure - before.measure).toBe(114);
    expect(after.measure_unit - before.measure_unit).toBe(114);
    const [row] = await query(
      `SELECT (SELECT count(*)::int FROM problem WHERE inspection_id = $1 AND lead_unit_id = $2) AS problems,
              (SELECT count(*)::int FROM measure WHERE inspection_id = $1 AND lead_unit_id = $2) AS measures,
              (SELECT count(*)::int FROM measure_unit mu JOIN measure m ON m.id = mu.measure_id
                 WHERE m.inspection_id = $1 AND mu.unit_id = $2 AND mu.role = 'lead' AND mu.status = 'not_started') AS shares`,
      [inspectionId, unit.id],
    );
    expect(row).toEqual({ problems: 41, measures: 114, shares: 114 });
    const [audit] = await query(`SELECT detail FROM audit_event WHERE action = 'NOTICE_IMPORTED' AND entity_id = $1`, [
      inspectionId,
    ]);
    expect(audit.detail.defaultLeadUnitId).toBe(unit.id);
  });
});
