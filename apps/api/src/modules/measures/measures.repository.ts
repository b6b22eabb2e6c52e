import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Light, MeasureStatus, MeasureTerm, UnitRole } from '@zhenggai/domain';
import type { AccessScope } from '../../common/auth/access-scope.js';
import { likePattern } from '../../common/http/pagination.js';
import { assignedToSql, checkpointOverdueSql, doneSql, SqlParams } from '../../common/sql.js';
import { PgQuery } from '../../database/pg-query.js';

import type { CheckpointDto } from './dto/measure-records.dto.js';
import type { MeasureSort } from './dto/measure.dto.js';
import { measureExcerpt, measureLink, type MeasureNotice } from './measure-ledger.js';

export interface MeasureRow {
  id: string;
  problemId: string;
  inspectionId: string;
  problemLabel: string;
  problemSeq: number;
  problemTitle: string;
  seq: number;
  lead: string | null;
  text: string;
  term: MeasureTerm;
  status: MeasureStatus;
  deadline: string | null;
  /** the earliest checkpoint not yet reviewed */
  openCheckpoint: string | null;
  yellowDays: number;
  leadUnitId: string | null;
  leadUnitName: string | null;
  responsibleLeaderId: string | null;
  responsibleLeaderName: string | null;
  responsiblePersonId: string | null;
  responsiblePersonName: string | null;
  nextCheckpoint: string | null;
  stageOutcome: string | null;
  longTermMechanism: string | null;
  remarks: string | null;
  submittedAt: Date | null;
  completedAt: Date | null;
  version: number;
  updatedAt: Date;
  /** its units, lead first (MeasureUnitRow objects from json_agg) */
  units: MeasureUnitRow[];
}

export interface MeasureUnitRow {
  measureId: string;
  id: string;
  name: string;
  role: UnitRole;
  status: MeasureStatus;
  progress: number;
  urges: number;
}

export interface MeasureFilter {
  id?: string;
  inspectionId?: string;
  problemId?: string;
  unitId?: string;
  status?: MeasureStatus;
  light?: Light;
  term?: MeasureTerm;
  dueWithinDays?: number;
  q?: string;
  sort?: MeasureSort;
}

const DONE = doneSql('m');

// The wide columns of a list item, read for the page's rows only (see pageSql). The names of the lead unit and the
// persons are scalar subqueries rather than LEFT JOINs: with six joined tables the planner spent 20 ms per request
// searching join orders (more than the execution), with three it spends under 1 ms.
const SELECT = `SELECT m.id, m.problem_id AS "problemId", m.inspection_id AS "inspectionId", p.label AS "problemLabel",
  p.seq AS "problemSeq", p.title AS "problemTitle", m.seq, m.lead, m.text, m.term, m.status, m.deadline,
  i.yellow_days AS "yellowDays", m.lead_unit_id AS "leadUnitId",
  (SELECT lu.name FROM unit lu WHERE lu.id = m.lead_unit_id) AS "leadUnitName",
  m.responsible_leader_id AS "responsibleLeaderId",
  (SELECT rl.name FROM person rl WHERE rl.id = m.responsible_leader_id) AS "responsibleLeaderName",
  m.responsible_person_id AS "responsiblePersonId",
  (SELECT rp.name FROM person rp WHERE rp.id = m.responsible_person_id) AS "responsiblePersonName",
  m.next_checkpoint AS "nextCheckpoint", m.stage_outcome AS "stageOutcome",
  m.long_term_mechanism AS "longTermMechanism", m.remarks, m.submitted_at AS "submittedAt", m.completed_at AS "completedAt",
  m.version, m.updated_at AS "updatedAt",
  (SELECT to_char(min(oc.due_on), 'YYYY-MM-DD') FROM measure_checkpoint oc
   WHERE oc.measure_id = m.id AND oc.review_status <> 'done' AND oc.done_on IS NULL) AS "openCheckpoint",
  (SELECT coalesce(json_agg(json_build_object('measureId', mu.measure_id, 'id', u.id, 'name', u.name, 'role', mu.role,
            'status', mu.status, 'progress', mu.progress,
            'urges', (SELECT count(*)::int FROM measure_event me
                      WHERE me.measure_id = mu.measure_id AND me.unit_id = mu.unit_id AND me.action = 'urge'))
          ORDER BY CASE mu.role WHEN 'lead' THEN 0 ELSE 1 END, u.sort_order, u.name), '[]')
   FROM measure_unit mu JOIN unit u ON u.id = mu.unit_id WHERE mu.measure_id = m.id) AS units`;

// What a listed measure needs to exist: itself, its problem and its inspection not deleted. Filters may use p and i.
const FROM = `FROM measure m
  JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL
  JOIN inspection i ON i.id = m.inspection_id AND i.deleted_at IS NULL`;

// Every order ends in m.id, so it is total and a page is well defined. `official` (问题编号, 措施序号) spans two tables:
// idx_problem_seq gives p.seq in order and PostgreSQL sorts only the measures of each problem number (an incremental
// sort), so page 1 reads the first problem number's measures, not all of them.
const ORDER: Record<MeasureSort, string> = {
  official: 'p.seq, m.seq, m.id',
  deadline: 'm.deadline ASC NULLS LAST, m.id',
  '-deadline': 'm.deadline DESC NULLS LAST, m.id',
  '-updatedAt': 'm.updated_at DESC, m.id',
};
// the same orders over the columns of a page's rows (alias r)
const ROW_ORDER: Record<MeasureSort, string> = {
  official: 'r."problemSeq", r.seq, r.id',
  deadline: 'r.deadline ASC NULLS LAST, r.id',
  '-deadline': 'r.deadline DESC NULLS LAST, r.id',
  '-updatedAt': 'r."updatedAt" DESC, r.id',
};

// the units of measure `m` as a JSON array of MeasureUnitRow, in the order of `findUnits` (lead first)
const ONE_MEASURE_UNITS = `COALESCE((
  SELECT json_agg(json_build_object('measureId', mu.measure_id, 'id', u.id, 'name', u.name, 'role', mu.role,
           'status', mu.status, 'progress', mu.progress,
           'urges', (SELECT count(*)::int FROM measure_event me
                     WHERE me.measure_id = mu.measure_id AND me.unit_id = mu.unit_id AND me.action = 'urge'))
         ORDER BY CASE mu.role WHEN 'lead' THEN 0 ELSE 1 END, u.sort_order, u.name)
  FROM measure_unit mu JOIN unit u ON u.id = mu.unit_id WHERE mu.measure_id = m.id), '[]'::json)`;

/**
 * The detail answer (a MeasureRow with its `units`) read from `source` as `m` instead of the `measure` table: an
 * edit's statement reads its own `RETURNING m.*` with it, so the answer is the committed row in the same round trip.
 */
export function measureAnswerSql(source: string): string {
  return `${SELECT}, ${ONE_MEASURE_UNITS} AS units ${FROM.replace('FROM measure m', `FROM ${source} m`)}`;
}

/**
 * One statement for a page: the page's ids first, from the narrow rows (measure ⨝ problem ⨝ inspection, through the
 * indexes of the order and the unit filter), then the wide columns, names and units for those rows only; with
 * `counted`, the exact total of the narrow rows as "pageTotal" on every row (one row of nulls when the page is empty),
 * so a page takes one connection and one round trip.
 */
function pageSql(where: string, sort: MeasureSort, limit: string, offset: string, counted: boolean): string {
  const page = `page AS MATERIALIZED (SELECT m.id ${FROM} WHERE ${where} ORDER BY ${ORDER[sort]} LIMIT ${limit} OFFSET ${offset})`;
  const rows = `${SELECT} FROM page JOIN measure m ON m.id = page.id JOIN problem p ON p.id = m.problem_id
    JOIN inspection i ON i.id = m.inspection_id`;
  if (!counted) return `WITH ${page} SELECT r.* FROM (${rows}) r ORDER BY ${ROW_ORDER[sort]}`;
  return `WITH ${page}, counted AS (SELECT count(*)::int AS n ${FROM} WHERE ${where})
    SELECT counted.n AS "pageTotal", r.* FROM counted LEFT JOIN (${rows}) r ON TRUE ORDER BY ${ROW_ORDER[sort]}`;
}

@Injectable()
export class MeasuresRepository {
  private readonly pg: PgQuery;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.pg = new PgQuery(dataSource);
  }

  private where(filter: MeasureFilter, scope: AccessScope, today: string, params: SqlParams): string {
    const where = ['m.deleted_at IS NULL'];
    if (!scope.all) where.push(assignedToSql('m', params.add(scope.unitIds)));
    if (filter.id) where.push(`m.id = ${params.add(filter.id)}`);
    if (filter.inspectionId) where.push(`m.inspection_id = ${params.add(filter.inspectionId)}`);
    if (filter.problemId) where.push(`m.problem_id = ${params.add(filter.problemId)}`);
    if (filter.unitId) where.push(assignedToSql('m', params.add([filter.unitId])));
    if (filter.status) where.push(`m.status = ${params.add(filter.status)}`);
    if (filter.term) where.push(`m.term = ${params.add(filter.term)}`);
    if (filter.light || filter.dueWithinDays !== undefined) {
      const day = params.add(today);
      if (filter.light === 'grey') where.push(`${DONE} AND NOT ${checkpointOverdueSql('m', day)}`);
      if (filter.light === 'red')
        where.push(`((NOT ${DONE} AND m.deadline < ${day}::date) OR ${checkpointOverdueSql('m', day)})`);
      if (filter.light === 'yellow') {
        where.push(`NOT ${DONE} AND m.deadline >= ${day}::date AND m.deadline <= ${day}::date + i.yellow_days`);
      }
      if (filter.light === 'green') {
        where.push(`NOT ${DONE} AND (m.deadline IS NULL OR m.deadline > ${day}::date + i.yellow_days)`);
      }
      if (filter.dueWithinDays !== undefined) {
        where.push(
          `NOT ${DONE} AND m.deadline >= ${day}::date AND m.deadline <= ${day}::date + ${params.add(filter.dueWithinDays)}::int`,
        );
      }
    }
    if (filter.q) {
      const q = params.add(likePattern(filter.q));
      where.push(`(m.text ILIKE ${q} OR m.lead ILIKE ${q} OR p.title ILIKE ${q})`);
    }
    return where.join(' AND ');
  }

  async findPage(
    filter: MeasureFilter,
    scope: AccessScope,
    today: string,
    window: { offset: number; limit: number },
  ): Promise<{ rows: MeasureRow[]; total: number }> {
    const params = new SqlParams();
    const where = this.where(filter, scope, today, params);
    const limit = params.add(window.limit);
    const offset = params.add(window.offset);
    const sql = pageSql(where, filter.sort ?? 'official', limit, offset, true);
    const rows = (await this.dataSource.query(sql, params.values)) as Array<MeasureRow & { pageTotal: number }>;
    const total = rows[0]?.pageTotal ?? 0;
    return { rows: rows.filter((row) => row.id !== null).map(({ pageTotal: _, ...row }) => row), total };
  }

  /**
   * One measure and its units (as `findUnits` gives them, in its order) in one statement: the answer of a detail
   * read or of an edit is one round trip. On the pool directly, prepared (`PgQuery`): the text depends only on
   * whether the scope is everything.
   */
  async findOne(
    id: string,
    scope: AccessScope,
    today: string,
  ): Promise<(MeasureRow & { units: MeasureUnitRow[] }) | null> {
    const params = new SqlParams();
    const where = this.where({ id }, scope, today, params);
    const rows = await this.pg.query<MeasureRow & { units: MeasureUnitRow[] }>(
      `${SELECT}, ${ONE_MEASURE_UNITS} AS units ${FROM} WHERE ${where}`,
      params.values,
      { prepare: true },
    );
    return rows[0] ?? null;
  }

  /** A measure's progress reports, newest first (or the one `onlyId`). */
  async progress(measureId: string, onlyId: string | null): Promise<Array<Record<string, never>>> {
    return (await this.dataSource.query(
      `SELECT pu.id, pu.measure_id AS "measureId", pu.unit_id AS "unitId", u.name AS "unitName", pu.author_id AS "authorId",
              a.display_name AS "authorName", pu.reported_on AS "reportedOn", pu.text, pu.facts, pu.created_at AS "createdAt"
       FROM progress_update pu LEFT JOIN unit u ON u.id = pu.unit_id LEFT JOIN user_account a ON a.id = pu.author_id
       WHERE pu.measure_id = $1 AND ($2::uuid IS NULL OR pu.id = $2) ORDER BY pu.reported_on DESC, pu.created_at DESC`,
      [measureId, onlyId],
    )) as Array<Record<string, never>>;
  }

  /** A measure's history, newest first. */
  async history(measureId: string): Promise<Array<Record<string, never>>> {
    return (await this.dataSource.query(
      `SELECT e.id, e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.unit_id AS "unitId", u.name AS "unitName",
              e.actor_id AS "actorId", e.actor_name AS "actorName", e.opinion, e.attachment_ids AS "attachmentIds", e.detail,
              e.occurred_at AS "occurredAt"
       FROM measure_event e LEFT JOIN unit u ON u.id = e.unit_id
       WHERE e.measure_id = $1 ORDER BY e.occurred_at DESC, e.id`,
      [measureId],
    )) as Array<Record<string, never>>;
  }

  async checkpoints(measureId: string): Promise<CheckpointDto[]> {
    return (await this.dataSource.query(
      `SELECT id, due_on AS "dueOn", title, done_on AS "doneOn", review_status AS "reviewStatus", outcome, opinion
       FROM measure_checkpoint WHERE measure_id = $1 ORDER BY due_on`,
      [measureId],
    )) as CheckpointDto[];
  }

  /** How a notification names a measure and where it leads. */
  async notice(manager: EntityManager, measureId: string): Promise<MeasureNotice> {
    const [row] = (await manager.query(
      `SELECT m.problem_id AS "problemId", p.label || '(' || m.seq || ')' AS label, m.text
       FROM measure m JOIN problem p ON p.id = m.problem_id WHERE m.id = $1`,
      [measureId],
    )) as Array<{ problemId: string; label: string; text: string }>;
    return {
      label: row.label,
      excerpt: measureExcerpt(row.text),
      link: measureLink(row.problemId, measureId),
    };
  }

  /** The enabled accounts of the task force, or of these units: whom a step of a measure concerns. */
  async accountsToNotify(manager: EntityManager, to: { taskForce: true } | { unitIds: string[] }): Promise<string[]> {
    const rows = (await manager.query(
      'taskForce' in to
        ? `SELECT id FROM user_account WHERE 'task_force_officer' = ANY(roles) AND disabled_at IS NULL`
        : `SELECT id FROM user_account WHERE unit_id = ANY($1) AND disabled_at IS NULL`,
      'taskForce' in to ? [] : [to.unitIds],
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  /** The measure's problem title and its units' names (lead first), for outbound webhooks. */
  async problemAndUnits(measureId: string): Promise<{ problemTitle: string; units: string[] } | null> {
    const [row] = (await this.dataSource.query(
      `SELECT p.title AS "problemTitle",
              coalesce(array_agg(u.name ORDER BY mu.role DESC, mu.created_at) FILTER (WHERE u.id IS NOT NULL), '{}') AS units
       FROM measure m JOIN problem p ON p.id = m.problem_id
       LEFT JOIN measure_unit mu ON mu.measure_id = m.id LEFT JOIN unit u ON u.id = mu.unit_id
       WHERE m.id = $1 GROUP BY p.title`,
      [measureId],
    )) as Array<{ problemTitle: string; units: string[] }>;
    return row ?? null;
  }

  /** The measure's live evidence, oldest first (what an approval signs off). */
  async evidenceIds(manager: EntityManager, measureId: string): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT id FROM attachment WHERE measure_id = $1 AND deleted_at IS NULL ORDER BY created_at`,
      [measureId],
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  /** The enabled accounts of these units, each with its unit. */
  async unitAccounts(manager: EntityManager, unitIds: string[]): Promise<{ userId: string; unitId: string }[]> {
    return (await manager.query(
      `SELECT id AS "userId", unit_id AS "unitId" FROM user_account
       WHERE unit_id = ANY($1) AND disabled_at IS NULL ORDER BY username`,
      [unitIds],
    )) as { userId: string; unitId: string }[];
  }

  /** These units by id, in the units' order. */
  async unitsByIds(manager: EntityManager, unitIds: string[]): Promise<{ id: string; name: string }[]> {
    return (await manager.query(`SELECT id, name FROM unit WHERE id = ANY($1) ORDER BY sort_order, name`, [
      unitIds,
    ])) as { id: string; name: string }[];
  }
}
