import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Light, MeasureStatus, MeasureTerm, ProblemStatus } from '@zhenggai/domain';
import type { AccessScope } from '../../../common/auth/access-scope.js';
import { likePattern } from '../../../common/http/pagination.js';
import { assignedToSql, doneSql, problemVisibleSql, SqlParams } from '../../../common/sql.js';
import type { AuditService } from '../../audit/audit.service.js';

type Queryable = Pick<EntityManager, 'query'>;

/** Problems per batch of 问题清单. */
export const BATCH_SIZE = 1000;
/** Measures per batch of the three measure sheets: one statement each, read ahead while the previous is written. */
export const MEASURE_BATCH_SIZE = 2000;

export interface LedgerInspectionRow {
  id: string;
  title: string;
  issuer: string | null;
  kind: 'xunshi' | 'xuncha';
  term: string | null;
  issuingCommittee: string | null;
  round: number | null;
  yellowDays: number;
}

export interface LedgerFilter {
  status?: MeasureStatus;
  unitId?: string;
  light?: Light;
  q?: string;
}

/** One measure of the ledger with everything its three sheets write (one statement per batch). */
export interface LedgerMeasureRow {
  id: string;
  problemSeq: number;
  problemLabel: string;
  problemTitle: string;
  categoryTitle: string | null;
  seq: number;
  text: string;
  term: MeasureTerm;
  status: MeasureStatus;
  deadline: string | null;
  leaderName: string | null;
  leadUnitName: string | null;
  personName: string | null;
  remarks: string | null;
  /** 配合单位: the co-units' names joined by 、 (unit order), null without any */
  coUnits: string | null;
  /** the latest progress report's text */
  progressText: string | null;
  evidenceCount: number;
  /** the first 20 evidence file names (upload order) joined by 、 */
  evidenceNames: string | null;
  /** the latest sign-off (销号 approval) */
  approvedAt: Date | null;
  approvedOutcome: MeasureStatus | null;
  approvalOpinion: string | null;
  /** the problem's rules (建章立制: issued or revised) as 《title》 joined by 、, null without any */
  rules: string | null;
  /** the problem's accountability as form + count + unit joined by ；, null without any */
  accountability: string | null;
}

export interface LedgerProblemRow {
  id: string;
  seq: number;
  label: string;
  title: string;
  categoryTitle: string | null;
  leaderName: string | null;
  leadUnitName: string | null;
  status: ProblemStatus;
  measureCount: number;
  doneCount: number;
  lastDeadline: string | null;
  longTerm: boolean;
}

export type Keyset = { problemSeq: number; seq: number; id: string } | null;

// the ledger's measures: official order, soft-deleted rows and problems left out
const MEASURE_FROM = `FROM problem p
  JOIN measure m ON m.problem_id = p.id AND m.deleted_at IS NULL
  JOIN inspection i ON i.id = p.inspection_id
  LEFT JOIN category c ON c.id = p.category_id
  LEFT JOIN unit lu ON lu.id = m.lead_unit_id
  LEFT JOIN person rl ON rl.id = m.responsible_leader_id
  LEFT JOIN person rp ON rp.id = m.responsible_person_id`;

const DONE = doneSql('m');

// The SQL of the ledger export and import.
@Injectable()
export class LedgerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The inspection, if the scope may see it (a unit: one of its problems is visible). */
  async findInspection(id: string, scope: AccessScope): Promise<LedgerInspectionRow | null> {
    const params = new SqlParams();
    const where = [`i.id = ${params.add(id)}`, 'i.deleted_at IS NULL'];
    if (!scope.all) {
      where.push(
        `EXISTS (SELECT 1 FROM problem p WHERE p.inspection_id = i.id AND p.deleted_at IS NULL AND ${problemVisibleSql('p', scope, params)})`,
      );
    }
    const rows = (await this.dataSource.query(
      `SELECT i.id, i.title, i.issuer, i.kind, i.term, i.issuing_committee AS "issuingCommittee", i.round, i.yellow_days AS "yellowDays"
       FROM inspection i WHERE ${where.join(' AND ')}`,
      params.values,
    )) as LedgerInspectionRow[];
    return rows[0] ?? null;
  }

  /** Conditions on a measure `m` (of inspection `i`): the scope and the list's filters. */
  private measureConditions(filter: LedgerFilter, scope: AccessScope, today: string, params: SqlParams): string[] {
    const where: string[] = [];
    if (!scope.all) where.push(assignedToSql('m', params.add(scope.unitIds)));
    if (filter.unitId) where.push(assignedToSql('m', params.add([filter.unitId])));
    if (filter.status) where.push(`m.status = ${params.add(filter.status)}`);
    if (filter.light) {
      const day = `${params.add(today)}::date`;
      if (filter.light === 'grey') where.push(DONE);
      if (filter.light === 'red') where.push(`NOT ${DONE} AND m.deadline < ${day}`);
      if (filter.light === 'yellow')
        where.push(`NOT ${DONE} AND m.deadline >= ${day} AND m.deadline <= ${day} + i.yellow_days`);
      if (filter.light === 'green')
        where.push(`NOT ${DONE} AND (m.deadline IS NULL OR m.deadline > ${day} + i.yellow_days)`);
    }
    if (filter.q) {
      const q = params.add(likePattern(filter.q));
      where.push(`(m.text ILIKE ${q} OR m.lead ILIKE ${q} OR p.title ILIKE ${q})`);
    }
    return where;
  }

  /** How many measures the export of this inspection, filter and scope writes (for its progress). */
  async countMeasures(inspectionId: string, filter: LedgerFilter, scope: AccessScope, today: string): Promise<number> {
    const params = new SqlParams();
    const where = [
      `p.inspection_id = ${params.add(inspectionId)}`,
      'p.deleted_at IS NULL',
      ...this.measureConditions(filter, scope, today, params),
    ];
    const rows = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM problem p
         JOIN measure m ON m.problem_id = p.id AND m.deleted_at IS NULL
         JOIN inspection i ON i.id = p.inspection_id
       WHERE ${where.join(' AND ')}`,
      params.values,
    )) as Array<{ count: number }>;
    return rows[0]?.count ?? 0;
  }

  /**
   * Where the batches of `every` measures end, in official order: the keys of the measures number `every`, 2 ×
   * `every`, … of this export (its scope and filters), read in one index-ordered pass without the rows' text. The
   * export reads the batches between them side by side (`measureBatch` with `after` and `upTo`).
   */
  async measureBoundaries(
    inspectionId: string,
    filter: LedgerFilter,
    scope: AccessScope,
    today: string,
    every = MEASURE_BATCH_SIZE,
  ): Promise<Array<NonNullable<Keyset>>> {
    const params = new SqlParams();
    const where = [
      `p.inspection_id = ${params.add(inspectionId)}`,
      'p.deleted_at IS NULL',
      ...this.measureConditions(filter, scope, today, params),
    ];
    return (await this.dataSource.query(
      `SELECT "problemSeq", seq, id FROM (
         SELECT p.seq AS "problemSeq", m.seq, m.id, row_number() OVER (ORDER BY p.seq, m.seq, m.id) AS n
         FROM problem p
           JOIN measure m ON m.problem_id = p.id AND m.deleted_at IS NULL
           JOIN inspection i ON i.id = p.inspection_id
         WHERE ${where.join(' AND ')}
       ) numbered WHERE n % ${params.add(every)} = 0 ORDER BY n`,
      params.values,
    )) as Array<NonNullable<Keyset>>;
  }

  /**
   * The next batch of measures after `after`, in official order (keyset: problem seq, measure seq, id), each with
   * its co-units, latest progress, evidence, latest sign-off and its problem's rules and accountability: one
   * statement. The extras are read set-based for the whole batch (each table once, by its measure_id or problem_id
   * index with `= ANY` of the batch's ids, grouped, then hash-joined to the batch) rather than as a correlated
   * subquery per measure: half the database time per batch (issue 28, docs/performance.md).
   */
  async measureBatch(
    inspectionId: string,
    filter: LedgerFilter,
    scope: AccessScope,
    today: string,
    after: Keyset,
    limit = MEASURE_BATCH_SIZE,
    upTo: Keyset = null,
  ): Promise<LedgerMeasureRow[]> {
    const params = new SqlParams();
    const where = [
      `p.inspection_id = ${params.add(inspectionId)}`,
      'p.deleted_at IS NULL',
      ...this.measureConditions(filter, scope, today, params),
    ];
    if (after) {
      const problemSeq = params.add(after.problemSeq);
      // the plain bound lets the planner start the (inspection_id, seq) index scan at the cursor
      where.push(
        `p.seq >= ${problemSeq}`,
        `(p.seq, m.seq, m.id) > (${problemSeq}, ${params.add(after.seq)}, ${params.add(after.id)}::uuid)`,
      );
    }
    if (upTo) {
      const problemSeq = params.add(upTo.problemSeq);
      where.push(
        `p.seq <= ${problemSeq}`,
        `(p.seq, m.seq, m.id) <= (${problemSeq}, ${params.add(upTo.seq)}, ${params.add(upTo.id)}::uuid)`,
      );
    }
    return (await this.dataSource.query(
      `WITH b AS MATERIALIZED (
         SELECT m.id, m.problem_id, p.seq AS problem_seq, p.label AS problem_label, p.title AS problem_title,
           c.title AS category_title, m.seq, m.text, m.term, m.status, m.deadline, rl.name AS leader_name,
           lu.name AS lead_unit_name, rp.name AS person_name, m.remarks
         ${MEASURE_FROM}
         WHERE ${where.join(' AND ')}
         ORDER BY p.seq, m.seq, m.id LIMIT ${params.add(limit)}
       ), ids AS MATERIALIZED (
         SELECT array_agg(id) AS measure_ids, array_agg(DISTINCT problem_id) AS problem_ids FROM b
       ), co AS (
         SELECT mu.measure_id, string_agg(un.name, '、' ORDER BY un.sort_order, un.name) AS names
         FROM ids CROSS JOIN measure_unit mu JOIN unit un ON un.id = mu.unit_id
         WHERE mu.measure_id = ANY(ids.measure_ids) AND mu.role = 'co'
         GROUP BY mu.measure_id
       ), progress AS (
         SELECT DISTINCT ON (pu.measure_id) pu.measure_id, pu.text
         FROM ids CROSS JOIN progress_update pu WHERE pu.measure_id = ANY(ids.measure_ids)
         ORDER BY pu.measure_id, pu.reported_on DESC, pu.created_at DESC
       ), ev AS (
         SELECT a.measure_id, count(*)::int AS count,
           array_to_string((array_agg(a.name ORDER BY a.created_at, a.id))[1:20], '、') AS names
         FROM ids CROSS JOIN attachment a WHERE a.measure_id = ANY(ids.measure_ids) AND a.deleted_at IS NULL
         GROUP BY a.measure_id
       ), ap AS (
         SELECT DISTINCT ON (e.measure_id) e.measure_id, e.occurred_at, e.to_status, e.opinion
         FROM ids CROSS JOIN measure_event e WHERE e.measure_id = ANY(ids.measure_ids) AND e.action = 'approve'
         ORDER BY e.measure_id, e.occurred_at DESC
       ), rules AS (
         SELECT r.problem_id,
           string_agg(CASE WHEN left(r.title, 1) = '《' THEN r.title ELSE '《' || r.title || '》' END, '、'
             ORDER BY r.created_at, r.id) AS titles
         FROM ids CROSS JOIN rule_document r
         WHERE r.problem_id = ANY(ids.problem_ids) AND r.role IN ('issued', 'revised')
         GROUP BY r.problem_id
       ), accountability AS (
         SELECT a.problem_id,
           string_agg(a.form || CASE WHEN a.count IS NULL THEN '' ELSE a.count::text || coalesce(a.count_unit, '') END,
             '；' ORDER BY a.created_at, a.id) AS actions
         FROM ids CROSS JOIN accountability_action a WHERE a.problem_id = ANY(ids.problem_ids)
         GROUP BY a.problem_id
       )
       SELECT b.id, b.problem_seq AS "problemSeq", b.problem_label AS "problemLabel", b.problem_title AS "problemTitle",
         b.category_title AS "categoryTitle", b.seq, b.text, b.term, b.status, b.deadline, b.leader_name AS "leaderName",
         b.lead_unit_name AS "leadUnitName", b.person_name AS "personName", b.remarks,
         co.names AS "coUnits", progress.text AS "progressText",
         coalesce(ev.count, 0) AS "evidenceCount", ev.names AS "evidenceNames",
         ap.occurred_at AS "approvedAt", ap.to_status AS "approvedOutcome", ap.opinion AS "approvalOpinion",
         rules.titles AS rules, accountability.actions AS accountability
       FROM b
       LEFT JOIN co ON co.measure_id = b.id
       LEFT JOIN progress ON progress.measure_id = b.id
       LEFT JOIN ev ON ev.measure_id = b.id
       LEFT JOIN ap ON ap.measure_id = b.id
       LEFT JOIN rules ON rules.problem_id = b.problem_id
       LEFT JOIN accountability ON accountability.problem_id = b.problem_id
       ORDER BY b.problem_seq, b.seq, b.id`,
      params.values,
    )) as LedgerMeasureRow[];
  }

  /**
   * The next batch of problems (问题清单), keyset on seq. With measure filters, only problems with a matching
   * measure; their counts cover the measures the scope and filters admit.
   */
  async problemBatch(
    inspectionId: string,
    filter: LedgerFilter,
    scope: AccessScope,
    today: string,
    afterSeq: number | null,
  ): Promise<LedgerProblemRow[]> {
    const params = new SqlParams();
    const measureWhere = this.measureConditions(filter, scope, today, params);
    const filtered = Boolean(filter.status || filter.unitId || filter.light || filter.q);
    const where = [
      `p.inspection_id = ${params.add(inspectionId)}`,
      'p.deleted_at IS NULL',
      problemVisibleSql('p', scope, params),
    ];
    if (afterSeq !== null) where.push(`p.seq > ${params.add(afterSeq)}`);
    if (filtered) where.push('agg.measure_count > 0');
    return (await this.dataSource.query(
      `SELECT p.id, p.seq, p.label, p.title, c.title AS "categoryTitle", ll.name AS "leaderName", lu.name AS "leadUnitName",
         p.status, agg.measure_count AS "measureCount", agg.done_count AS "doneCount", agg.last_deadline AS "lastDeadline",
         agg.long_term AS "longTerm"
       FROM problem p
       LEFT JOIN category c ON c.id = p.category_id
       LEFT JOIN person ll ON ll.id = p.lead_leader_id
       LEFT JOIN unit lu ON lu.id = p.lead_unit_id
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS measure_count, count(*) FILTER (WHERE ${DONE})::int AS done_count,
           max(m.deadline) AS last_deadline, coalesce(bool_or(m.term = 'long_term'), false) AS long_term
         FROM measure m JOIN inspection i ON i.id = m.inspection_id
         WHERE m.problem_id = p.id AND m.deleted_at IS NULL AND ${measureWhere.join(' AND ') || 'TRUE'}
       ) agg
       WHERE ${where.join(' AND ')}
       ORDER BY p.seq LIMIT ${params.add(BATCH_SIZE)}`,
      params.values,
    )) as LedgerProblemRow[];
  }

  // ---- import ----

  async findProblemsForImport(
    db: Queryable,
    inspectionId: string,
  ): Promise<Array<{ id: string; seq: number; label: string; term: MeasureTerm }>> {
    return (await db.query(
      `SELECT id, seq, label, term FROM problem WHERE inspection_id = $1 AND deleted_at IS NULL ORDER BY seq`,
      [inspectionId],
    )) as Array<{ id: string; seq: number; label: string; term: MeasureTerm }>;
  }

  /** The inspection's measures as the import compares them; locked when `lock` (the commit's transaction). */
  async findMeasuresForImport(db: Queryable, inspectionId: string, lock: boolean): Promise<ImportMeasureRow[]> {
    return (await db.query(
      `SELECT m.id, m.problem_id AS "problemId", m.seq, m.text, m.term, m.status, m.deadline, m.lead_unit_id AS "leadUnitId",
         m.responsible_leader_id AS "leaderId", m.responsible_person_id AS "personId", m.remarks, m.version,
         coalesce((SELECT array_agg(mu.unit_id ORDER BY mu.unit_id) FROM measure_unit mu WHERE mu.measure_id = m.id AND mu.role = 'co'), '{}') AS "coUnitIds"
       FROM measure m JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL
       WHERE m.inspection_id = $1 AND m.deleted_at IS NULL
       ORDER BY p.seq, m.seq${lock ? ' FOR UPDATE OF m' : ''}`,
      [inspectionId],
    )) as ImportMeasureRow[];
  }

  async findUnits(db: Queryable): Promise<Array<{ id: string; name: string; shortName: string | null }>> {
    return (await db.query(`SELECT id, name, short_name AS "shortName" FROM unit WHERE deleted_at IS NULL`)) as Array<{
      id: string;
      name: string;
      shortName: string | null;
    }>;
  }

  async findPersons(
    db: Queryable,
  ): Promise<Array<{ id: string; name: string; unitId: string | null; isLeader: boolean }>> {
    return (await db.query(
      `SELECT id, name, unit_id AS "unitId", is_leader AS "isLeader" FROM person WHERE deleted_at IS NULL`,
    )) as Array<{
      id: string;
      name: string;
      unitId: string | null;
      isLeader: boolean;
    }>;
  }

  /** Soft-deleted measures still hold their (problem, seq): a new measure cannot take it. */
  async takenSeqs(db: Queryable, inspectionId: string): Promise<Array<{ problemId: string; seq: number }>> {
    return (await db.query(
      `SELECT problem_id AS "problemId", seq FROM measure WHERE inspection_id = $1 AND deleted_at IS NOT NULL`,
      [inspectionId],
    )) as Array<{ problemId: string; seq: number }>;
  }
  // ---- import, set-based (one statement per table per batch of rows) ----

  /** New measures with the ids the import gave them (未启动, as one insert() each would make them). */
  async insertImportedMeasures(db: Queryable, inspectionId: string, rows: ImportedMeasure[]): Promise<void> {
    if (rows.length === 0) return;
    const column = <K extends keyof ImportedMeasure>(key: K) => rows.map((row) => row[key]);
    await db.query(
      `INSERT INTO measure (id, problem_id, inspection_id, seq, lead, text, term, deadline, lead_unit_id,
                            responsible_leader_id, responsible_person_id, remarks)
       SELECT r.id, r.problem_id, $1, r.seq, NULL, r.text, r.term, r.deadline, r.lead_unit_id, r.leader_id, r.person_id, r.remarks
       FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::date[], $8::uuid[], $9::uuid[],
                   $10::uuid[], $11::text[]) WITH ORDINALITY
         AS r(id, problem_id, seq, text, term, deadline, lead_unit_id, leader_id, person_id, remarks, n)
       ORDER BY r.n`,
      [
        inspectionId,
        column('id'),
        column('problemId'),
        column('seq'),
        column('text'),
        column('term'),
        column('deadline'),
        column('leadUnitId'),
        column('leaderId'),
        column('personId'),
        column('remarks'),
      ],
    );
  }

  /** The imported measures' new values, whatever the version (planned against rows locked in this transaction). */
  async overwriteImportedMeasures(
    db: Queryable,
    rows: Array<Omit<ImportedMeasure, 'problemId' | 'seq'>>,
  ): Promise<void> {
    if (rows.length === 0) return;
    const column = <K extends keyof Omit<ImportedMeasure, 'problemId' | 'seq'>>(key: K) => rows.map((row) => row[key]);
    await db.query(
      `UPDATE measure m SET text = r.text, lead_unit_id = r.lead_unit_id, responsible_leader_id = r.leader_id,
              responsible_person_id = r.person_id, deadline = r.deadline, term = r.term, remarks = r.remarks,
              version = m.version + 1, updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::uuid[], $6::uuid[], $7::uuid[], $8::text[])
         AS r(id, text, term, deadline, lead_unit_id, leader_id, person_id, remarks)
       WHERE m.id = r.id`,
      [
        column('id'),
        column('text'),
        column('term'),
        column('deadline'),
        column('leadUnitId'),
        column('leaderId'),
        column('personId'),
        column('remarks'),
      ],
    );
  }

  /**
   * Makes the units of these measures exactly the given ones (lead first, then co-units): drops the others, adds the
   * new ones with their status, and sets the role of those that stay (replaceUnits, for many measures at once).
   */
  async replaceImportedUnits(db: Queryable, measureIds: string[], units: ImportedUnit[]): Promise<void> {
    if (measureIds.length === 0) return;
    const column = <K extends keyof ImportedUnit>(key: K) => units.map((unit) => unit[key]);
    await db.query(
      `DELETE FROM measure_unit mu WHERE mu.measure_id = ANY($1::uuid[])
         AND NOT EXISTS (SELECT 1 FROM unnest($2::uuid[], $3::uuid[]) AS w(measure_id, unit_id)
                         WHERE w.measure_id = mu.measure_id AND w.unit_id = mu.unit_id)`,
      [measureIds, column('measureId'), column('unitId')],
    );
    await this.insertImportedUnits(db, units, true);
  }

  /** Units of measures (lead / co), in the given order; with `upsert` an existing one keeps its status, takes the role. */
  async insertImportedUnits(db: Queryable, units: ImportedUnit[], upsert = false): Promise<void> {
    if (units.length === 0) return;
    const column = <K extends keyof ImportedUnit>(key: K) => units.map((unit) => unit[key]);
    await db.query(
      `INSERT INTO measure_unit (measure_id, unit_id, role, status)
       SELECT u.measure_id, u.unit_id, u.role, u.status
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) WITH ORDINALITY AS u(measure_id, unit_id, role, status, n)
       ORDER BY u.n
       ${upsert ? 'ON CONFLICT (measure_id, unit_id) DO UPDATE SET role = EXCLUDED.role, updated_at = now()' : ''}`,
      [column('measureId'), column('unitId'), column('role'), column('status')],
    );
  }

  /** Each measure's unit statuses (lead first, then by creation, as unitShares gives them). */
  async unitStatuses(db: Queryable, measureIds: string[]): Promise<Map<string, MeasureStatus[]>> {
    if (measureIds.length === 0) return new Map();
    const rows = (await db.query(
      `SELECT measure_id AS "measureId", array_agg(status ORDER BY role DESC, created_at) AS statuses
       FROM measure_unit WHERE measure_id = ANY($1::uuid[]) GROUP BY measure_id`,
      [measureIds],
    )) as Array<{ measureId: string; statuses: MeasureStatus[] }>;
    return new Map(rows.map((row) => [row.measureId, row.statuses]));
  }

  /** Statuses rolled up from the units, without touching the versions (they follow the units' own change). */
  async setRolledUpStatuses(db: Queryable, rows: Array<{ id: string; status: MeasureStatus }>): Promise<void> {
    if (rows.length === 0) return;
    await db.query(
      `UPDATE measure m SET status = r.status FROM unnest($1::uuid[], $2::text[]) AS r(id, status) WHERE m.id = r.id`,
      [rows.map((row) => row.id), rows.map((row) => row.status)],
    );
  }

  /** These problems' stored statuses and their live measures' statuses. */
  async problemStatuses(
    db: Queryable,
    problemIds: string[],
  ): Promise<Array<{ id: string; status: ProblemStatus; statuses: MeasureStatus[] }>> {
    if (problemIds.length === 0) return [];
    return (await db.query(
      `SELECT p.id, p.status, coalesce(array_agg(m.status) FILTER (WHERE m.id IS NOT NULL), '{}') AS statuses
       FROM problem p LEFT JOIN measure m ON m.problem_id = p.id AND m.deleted_at IS NULL
       WHERE p.id = ANY($1::uuid[]) GROUP BY p.id ORDER BY p.seq`,
      [problemIds],
    )) as Array<{ id: string; status: ProblemStatus; statuses: MeasureStatus[] }>;
  }

  async setProblemStatuses(db: Queryable, rows: Array<{ id: string; status: ProblemStatus }>): Promise<void> {
    if (rows.length === 0) return;
    await db.query(
      `UPDATE problem p SET status = r.status, updated_at = now() FROM unnest($1::uuid[], $2::text[]) AS r(id, status)
       WHERE p.id = r.id`,
      [rows.map((row) => row.id), rows.map((row) => row.status)],
    );
  }

  /** Many audit rows in one statement, each as AuditService.record() writes it (in this transaction, chained at commit). */
  async insertAudits(db: Queryable, audit: AuditService, inputs: Parameters<AuditService['insertManyColumns']>[0]) {
    if (inputs.length === 0) return;
    const params = new SqlParams();
    const rows = audit.insertManyColumns(inputs, params);
    await db.query(
      `INSERT INTO audit_event (${rows.columns}) SELECT ${rows.values} FROM ${rows.source} ORDER BY ${rows.order}`,
      params.values,
    );
  }
}

export interface ImportMeasureRow {
  id: string;
  problemId: string;
  seq: number;
  text: string;
  term: MeasureTerm;
  status: MeasureStatus;
  deadline: string | null;
  leadUnitId: string | null;
  leaderId: string | null;
  personId: string | null;
  remarks: string | null;
  version: number;
  coUnitIds: string[];
}

/** A measure as the import writes it (its id given by the import). */
export interface ImportedMeasure {
  id: string;
  problemId: string;
  seq: number;
  text: string;
  term: MeasureTerm;
  deadline: string | null;
  leadUnitId: string | null;
  leaderId: string | null;
  personId: string | null;
  remarks: string | null;
}

export interface ImportedUnit {
  measureId: string;
  unitId: string;
  role: 'lead' | 'co';
  status: MeasureStatus;
}
