import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../src/common/http/request-context.js';
import { StatisticsService } from '../../src/modules/statistics/statistics.service.js';
import type { InspectionStatisticsDto } from '../../src/modules/statistics/dto/statistics.dto.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { DEMO_TODAY } from '../support/database.js';
import { actorOf, asActor } from '../support/medium.js';

// The figures of GET /api/inspections/:id/statistics against plain SQL over the stored rows of the demo.
describe('StatisticsService.forInspection against plain SQL (demo data)', () => {
  let t: TestApp;
  let statistics: StatisticsService;
  let officer: Actor;
  let unitlead: Actor;
  let inspectionId: string;
  let yellowDays: number;
  const query = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const figures = (actor: Actor, dto: Record<string, unknown> = {}) =>
    asActor(
      actor,
      async () => JSON.parse(await statistics.forInspectionJson(inspectionId, dto, actor)) as InspectionStatisticsDto,
    );

  // live measures of live problems of the inspection, optionally only those a unit set is assigned to
  const measureCounts = async (unitIds: string[] | null, dueSoonDays: number) =>
    (
      await query(
        `SELECT count(*)::int AS total,
           count(*) FILTER (WHERE m.status = 'not_started')::int AS "notStarted",
           count(*) FILTER (WHERE m.status = 'in_progress')::int AS "inProgress",
           count(*) FILTER (WHERE m.status = 'pending_review')::int AS "awaitingSignOff",
           count(*) FILTER (WHERE m.status = 'completed')::int AS completed,
           count(*) FILTER (WHERE m.status = 'deemed_completed')::int AS "deemedCompleted",
           count(*) FILTER (WHERE (m.status NOT IN ('completed', 'deemed_completed') AND m.deadline < $2::date)
             OR (m.status = 'deemed_completed' AND EXISTS (SELECT 1 FROM measure_checkpoint oc WHERE oc.measure_id = m.id
                AND oc.review_status <> 'done' AND oc.done_on IS NULL AND oc.due_on < $2::date)))::int AS overdue,
           count(*) FILTER (WHERE m.status NOT IN ('completed', 'deemed_completed')
                              AND m.deadline BETWEEN $2::date AND $2::date + $3::int)::int AS "dueSoon"
         FROM measure m JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL
         WHERE m.inspection_id = $1 AND m.deleted_at IS NULL
           AND ($4::uuid[] IS NULL OR EXISTS (SELECT 1 FROM measure_unit mu WHERE mu.measure_id = m.id AND mu.unit_id = ANY($4)))`,
        [inspectionId, DEMO_TODAY, dueSoonDays, unitIds],
      )
    )[0];

  beforeAll(async () => {
    t = await createTestApp();
    statistics = t.app.get(StatisticsService);
    officer = await actorOf(t.dataSource, 'officer');
    unitlead = await actorOf(t.dataSource, 'unitlead');
    [{ id: inspectionId, yellow_days: yellowDays }] = await query(
      `SELECT id, yellow_days FROM inspection WHERE deleted_at IS NULL LIMIT 1`,
    );
  });
  afterAll(async () => t?.close());

  it('gives the task force the problem and measure totals, done, overdue and due soon of the stored rows', async () => {
    const stats = await figures(officer);
    const [problems] = await query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'completed')::int AS completed,
              count(*) FILTER (WHERE status = 'deemed_completed')::int AS "deemedCompleted",
              count(*) FILTER (WHERE status NOT IN ('completed', 'deemed_completed'))::int AS "inProgress"
       FROM problem WHERE inspection_id = $1 AND deleted_at IS NULL`,
      [inspectionId],
    );
    expect(stats.problems).toMatchObject(problems);
    expect(problems.total).toBe(41);
    const measures = await measureCounts(null, yellowDays);
    expect(stats.measures).toMatchObject(measures);
    expect(measures).toMatchObject({ total: 114 });
    expect(measures.overdue).toBeGreaterThan(0);
    expect(stats.dueSoonDays).toBe(yellowDays);
    const overdueIds = new Set(
      (
        await query(
          `SELECT m.id FROM measure m WHERE m.inspection_id = $1 AND m.deleted_at IS NULL
             AND ((m.status NOT IN ('completed', 'deemed_completed') AND m.deadline < $2::date)
               OR (m.status = 'deemed_completed' AND EXISTS (SELECT 1 FROM measure_checkpoint oc WHERE oc.measure_id = m.id
                AND oc.review_status <> 'done' AND oc.done_on IS NULL AND oc.due_on < $2::date)))`,
          [inspectionId, DEMO_TODAY],
        )
      ).map((row: { id: string }) => row.id),
    );
    expect(stats.overdueList).toHaveLength(Math.min(50, overdueIds.size));
    for (const item of stats.overdueList) expect(overdueIds.has(item.id)).toBe(true);
    // a wider due-soon window counts more measures, as the SQL says
    const wide = await figures(officer, { dueSoonDays: 60 });
    expect(wide.measures.dueSoon).toBe((await measureCounts(null, 60)).dueSoon);
  });

  it('counts per unit the measures it leads or shares, with their done and overdue ones', async () => {
    const stats = await figures(officer);
    const rows: Array<{
      unitId: string;
      assigned: number;
      completed: number;
      deemedCompleted: number;
      overdue: number;
    }> = await query(
      `WITH pairs AS (
           SELECT m.id, m.status, m.deadline, m.lead_unit_id AS unit_id FROM measure m
           WHERE m.inspection_id = $1 AND m.deleted_at IS NULL AND m.lead_unit_id IS NOT NULL
           UNION
           SELECT m.id, m.status, m.deadline, mu.unit_id FROM measure m JOIN measure_unit mu ON mu.measure_id = m.id
           WHERE m.inspection_id = $1 AND m.deleted_at IS NULL)
         SELECT unit_id AS "unitId", count(*)::int AS assigned,
                count(*) FILTER (WHERE status = 'completed')::int AS completed,
                count(*) FILTER (WHERE status = 'deemed_completed')::int AS "deemedCompleted",
                count(*) FILTER (WHERE (status NOT IN ('completed', 'deemed_completed') AND deadline < $2::date)
                  OR (status = 'deemed_completed' AND EXISTS (SELECT 1 FROM measure_checkpoint oc WHERE oc.measure_id = pairs.id
                AND oc.review_status <> 'done' AND oc.done_on IS NULL AND oc.due_on < $2::date)))::int AS overdue
         FROM pairs GROUP BY unit_id`,
      [inspectionId, DEMO_TODAY],
    );
    const byUnit = Object.fromEntries(
      stats.byUnit.map((unit) => [
        unit.unitId,
        {
          unitId: unit.unitId,
          assigned: unit.assigned,
          completed: unit.completed,
          deemedCompleted: unit.deemedCompleted,
          overdue: unit.overdue,
        },
      ]),
    );
    expect(byUnit).toEqual(Object.fromEntries(rows.map((row) => [row.unitId, row])));
  });

  it("restricts a unit account to its units' measures and the problems it can see", async () => {
    const stats = await figures(unitlead);
    const measures = await measureCounts(unitlead.unitIds, yellowDays);
    expect(stats.measures).toMatchObject(measures);
    expect(measures.total).toBeGreaterThan(0);
    expect(measures.total).toBeLessThan(114);
    const [problems] = await query(
      `SELECT count(*)::int AS total FROM problem p WHERE p.inspection_id = $1 AND p.deleted_at IS NULL
         AND (p.lead_unit_id = ANY($2) OR EXISTS (SELECT 1 FROM measure m JOIN measure_unit mu ON mu.measure_id = m.id
              WHERE m.problem_id = p.id AND m.deleted_at IS NULL AND mu.unit_id = ANY($2)))`,
      [inspectionId, unitlead.unitIds],
    );
    expect(stats.problems.total).toBe(problems.total);
    expect(stats.byUnit.every((unit) => unitlead.unitIds.includes(unit.unitId))).toBe(true);
  });

  it('follows the stored rows: a soft-deleted measure and a deleted problem drop out of every figure', async () => {
    const [measure] = await query(
      `SELECT m.id FROM measure m WHERE m.inspection_id = $1 AND m.status NOT IN ('completed', 'deemed_completed')
         AND m.deadline < $2::date ORDER BY m.id LIMIT 1`,
      [inspectionId, DEMO_TODAY],
    );
    const before = await figures(officer);
    await query(`UPDATE measure SET deleted_at = now() WHERE id = $1`, [measure.id]);
    const after = await figures(officer);
    expect(after.measures.total).toBe(before.measures.total - 1);
    expect(after.measures.overdue).toBe(before.measures.overdue - 1);
    expect(after.measures).toMatchObject(await measureCounts(null, yellowDays));
    const [problem] = await query(`SELECT id FROM problem WHERE inspection_id = $1 ORDER BY seq DESC LIMIT 1`, [
      inspectionId,
    ]);
    await query(`UPDATE problem SET deleted_at = now() WHERE id = $1`, [problem.id]);
    const gone = await figures(officer);
    expect(gone.problems.total).toBe(40);
    expect(gone.measures).toMatchObject(await measureCounts(null, yellowDays));
  });
});
