import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Light, MeasureTerm, ProblemStatus } from '@zhenggai/domain';
import type { AccessScope } from '../../common/auth/access-scope.js';
import { likePattern } from '../../common/http/pagination.js';
import { assignedToSql, problemVisibleSql, SqlParams } from '../../common/sql.js';

export interface ProblemRow {
  id: string;
  inspectionId: string;
  categoryId: string | null;
  categoryTitle: string | null;
  seq: number;
  label: string;
  title: string;
  description: string | null;
  overview: string | null;
  status: ProblemStatus;
  term: MeasureTerm;
  yellowDays: number;
  leadUnitId: string | null;
  leadUnitName: string | null;
  leadLeaderId: string | null;
  leadLeaderName: string | null;
  measureCount: number;
  completedMeasureCount: number;
  nextDeadline: string | null;
  /** the earliest checkpoint not yet reviewed of its 视同完成 measures */
  openCheckpoint: string | null;
  version: number;
}

export interface ProblemFilter {
  id?: string;
  inspectionId?: string;
  categoryId?: string;
  status?: ProblemStatus;
  unitId?: string;
  /** the problem's lead leader, or the responsible leader of one of its (visible) measures */
  leaderId?: string;
  /** the problem's light: that of its most urgent unfinished measure, grey when all are done */
  light?: Light;
  term?: MeasureTerm;
  q?: string;
}

// the light of a problem from its aggregate row `agg` (see findPage), the same rule as mapProblem's
function lightSql(light: Light, params: SqlParams, todayValue: string): string {
  const allDone = `(agg.measure_count > 0 AND agg.done_count = agg.measure_count)`;
  const today = params.add(todayValue);
  // a 视同完成 measure with a checkpoint past its date and not reviewed is red (measureLight's openCheckpoint)
  const checkpointOverdue = `coalesce(agg.open_checkpoint < ${today}::date, false)`;
  switch (light) {
    case 'grey':
      return `(${allDone} AND NOT ${checkpointOverdue})`;
    case 'red':
      return `((NOT ${allDone} AND agg.next_deadline < ${today}::date) OR ${checkpointOverdue})`;
    case 'yellow':
      return `(NOT ${allDone} AND NOT ${checkpointOverdue} AND agg.next_deadline >= ${today}::date AND agg.next_deadline <= ${today}::date + i.yellow_days)`;
    case 'green':
      return `(NOT ${allDone} AND NOT ${checkpointOverdue} AND (agg.next_deadline IS NULL OR agg.next_deadline > ${today}::date + i.yellow_days))`;
  }
}

@Injectable()
export class ProblemsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findPage(
    filter: ProblemFilter,
    scope: AccessScope,
    window: { offset: number; limit: number },
    today: string,
  ): Promise<{ rows: ProblemRow[]; total: number }> {
    const params = new SqlParams();
    // the aggregate covers only the measures the scope may see, so counts never reveal another unit's work
    const scopeUnits = scope.all ? null : params.add(scope.unitIds);
    const visibleMeasure = (alias: string) => (scopeUnits ? assignedToSql(alias, scopeUnits) : 'TRUE');
    const where = ['p.deleted_at IS NULL', 'i.deleted_at IS NULL', problemVisibleSql('p', scope, params)];
    if (filter.id) where.push(`p.id = ${params.add(filter.id)}`);
    if (filter.inspectionId) where.push(`p.inspection_id = ${params.add(filter.inspectionId)}`);
    if (filter.categoryId) where.push(`p.category_id = ${params.add(filter.categoryId)}`);
    if (filter.status) where.push(`p.status = ${params.add(filter.status)}`);
    if (filter.term) where.push(`p.term = ${params.add(filter.term)}`);
    if (filter.unitId) {
      const unit = params.add([filter.unitId]);
      where.push(`(p.lead_unit_id = ANY(${unit}) OR EXISTS (SELECT 1 FROM measure um WHERE um.problem_id = p.id
        AND um.deleted_at IS NULL AND ${assignedToSql('um', unit)}))`);
    }
    if (filter.leaderId) {
      const leader = params.add(filter.leaderId);
      where.push(`(p.lead_leader_id = ${leader} OR EXISTS (SELECT 1 FROM measure lm WHERE lm.problem_id = p.id
        AND lm.deleted_at IS NULL AND lm.responsible_leader_id = ${leader} AND ${visibleMeasure('lm')}))`);
    }
    if (filter.light) where.push(lightSql(filter.light, params, today));
    if (filter.q) {
      const q = params.add(likePattern(filter.q));
      where.push(`(p.title ILIKE ${q} OR p.description ILIKE ${q} OR p.label ILIKE ${q})`);
    }
    const whereSql = where.join(' AND ');
    const from = `FROM problem p JOIN inspection i ON i.id = p.inspection_id
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS measure_count,
          (count(*) FILTER (WHERE m.status IN ('completed', 'deemed_completed')))::int AS done_count,
          min(m.deadline) FILTER (WHERE m.status NOT IN ('completed', 'deemed_completed')) AS next_deadline,
          min((SELECT min(oc.due_on) FROM measure_checkpoint oc WHERE oc.measure_id = m.id
               AND oc.review_status <> 'done' AND oc.done_on IS NULL))
            FILTER (WHERE m.status = 'deemed_completed') AS open_checkpoint
        FROM measure m WHERE m.problem_id = p.id AND m.deleted_at IS NULL AND ${visibleMeasure('m')}
      ) agg ON TRUE`;
    // the count needs the aggregate only to filter by light; then it uses every parameter of the page query
    const countFrom = filter.light || scopeUnits ? from : `FROM problem p JOIN inspection i ON i.id = p.inspection_id`;
    const countParams = [...params.values];
    const limit = params.add(window.limit);
    const offset = params.add(window.offset);
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT p.id, p.inspection_id AS "inspectionId", p.category_id AS "categoryId", c.title AS "categoryTitle",
           p.seq, p.label, p.title, p.description, p.overview, p.status, p.term, i.yellow_days AS "yellowDays",
           p.lead_unit_id AS "leadUnitId", lu.name AS "leadUnitName", p.lead_leader_id AS "leadLeaderId",
           ll.name AS "leadLeaderName", agg.measure_count AS "measureCount", agg.done_count AS "completedMeasureCount",
           agg.next_deadline AS "nextDeadline", to_char(agg.open_checkpoint, 'YYYY-MM-DD') AS "openCheckpoint", p.version
         ${from}
         LEFT JOIN category c ON c.id = p.category_id
         LEFT JOIN unit lu ON lu.id = p.lead_unit_id
         LEFT JOIN person ll ON ll.id = p.lead_leader_id
         WHERE ${whereSql}
         ORDER BY i.feedback_date DESC NULLS LAST, p.inspection_id, p.seq, p.id
         LIMIT ${limit} OFFSET ${offset}`,
        params.values,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total ${countFrom} WHERE ${whereSql}`, countParams),
    ]);
    return { rows: rows as ProblemRow[], total: (count as { total: number }[])[0].total };
  }
}
