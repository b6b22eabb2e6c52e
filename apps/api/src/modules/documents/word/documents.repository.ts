import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EffectivenessRating, MeasureStatus, MeasureTerm, ProblemStatus } from '@zhenggai/domain';
import type { AccessScope } from '../../../common/auth/access-scope.js';
import { assignedToSql, problemVisibleSql, SqlParams } from '../../../common/sql.js';

export interface InspectionDocRow {
  id: string;
  title: string;
  issuer: string | null;
  kind: 'xunshi' | 'xuncha';
  term: string | null;
  issuingCommittee: string | null;
  round: number | null;
  group: string | null;
  inspectionType: string | null;
  target: string | null;
  onSiteFrom: string | null;
  onSiteTo: string | null;
  feedbackDate: string | null;
  publicityFrom: string | null;
  publicityTo: string | null;
  contactPhone: string | null;
  contactHours: string | null;
  contactEmail: string | null;
  sourceText: string | null;
}

export interface CategoryDocRow {
  id: string;
  seq: number;
  label: string | null;
  title: string;
}

export interface ProblemDocRow {
  id: string;
  inspectionId: string;
  categoryId: string | null;
  seq: number;
  label: string;
  title: string;
  overview: string | null;
  status: ProblemStatus;
  leadUnitName: string | null;
  leadLeaderName: string | null;
}

export interface MeasureDocRow {
  id: string;
  problemId: string;
  seq: number;
  lead: string | null;
  text: string;
  term: MeasureTerm;
  status: MeasureStatus;
  deadline: string | null;
  leadUnitName: string | null;
  coUnitNames: string[];
  progressText: string | null;
  progressOn: string | null;
}

export interface OutcomeTotals {
  people: number;
  personTimes: number;
  rules: number;
  funds: number;
}

export interface EvidenceDocRow {
  measureId: string;
  name: string;
}

export interface ReviewEventRow {
  measureId: string;
  action: string;
  toStatus: MeasureStatus | null;
  actorName: string | null;
  opinion: string | null;
  occurredAt: Date;
}

const INSPECTION = `SELECT i.id, i.title, i.issuer, i.kind, i.term, i.issuing_committee AS "issuingCommittee", i.round,
  i.inspection_group AS "group", i.inspection_type AS "inspectionType", i.target, i.on_site_from AS "onSiteFrom",
  i.on_site_to AS "onSiteTo", i.feedback_date AS "feedbackDate", i.publicity_from AS "publicityFrom",
  i.publicity_to AS "publicityTo", i.contact_phone AS "contactPhone", i.contact_hours AS "contactHours",
  i.contact_email AS "contactEmail", i.source_text AS "sourceText"
  FROM inspection i`;

// Reads behind the Word documents: live data, soft-deleted rows left out, in official order.
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findInspection(id: string): Promise<InspectionDocRow | null> {
    const rows = (await this.dataSource.query(`${INSPECTION} WHERE i.id = $1 AND i.deleted_at IS NULL`, [
      id,
    ])) as InspectionDocRow[];
    return rows[0] ?? null;
  }

  async findCategories(inspectionId: string): Promise<CategoryDocRow[]> {
    return (await this.dataSource.query(
      `SELECT id, seq, label, title FROM category WHERE inspection_id = $1 ORDER BY seq`,
      [inspectionId],
    )) as CategoryDocRow[];
  }

  /** How many of the inspection's live problems were rated how (成效评估). */
  async effectivenessCounts(inspectionId: string): Promise<Partial<Record<EffectivenessRating, number>>> {
    const rows = (await this.dataSource.query(
      `SELECT pe.rating, count(*)::int AS count FROM problem_evaluation pe
       JOIN problem p ON p.id = pe.problem_id AND p.deleted_at IS NULL
       WHERE p.inspection_id = $1 GROUP BY pe.rating`,
      [inspectionId],
    )) as Array<{ rating: EffectivenessRating; count: number }>;
    return Object.fromEntries(rows.map((row) => [row.rating, row.count]));
  }

  /** Problems of an inspection (or one problem), limited to the scope. */
  async findProblems(filter: { inspectionId?: string; id?: string }, scope: AccessScope): Promise<ProblemDocRow[]> {
    const params = new SqlParams();
    const where = ['p.deleted_at IS NULL', 'i.deleted_at IS NULL', problemVisibleSql('p', scope, params)];
    if (filter.inspectionId) where.push(`p.inspection_id = ${params.add(filter.inspectionId)}`);
    if (filter.id) where.push(`p.id = ${params.add(filter.id)}`);
    return (await this.dataSource.query(
      `SELECT p.id, p.inspection_id AS "inspectionId", p.category_id AS "categoryId", p.seq, p.label, p.title, p.overview,
         p.status, lu.name AS "leadUnitName", ll.name AS "leadLeaderName"
       FROM problem p JOIN inspection i ON i.id = p.inspection_id
       LEFT JOIN unit lu ON lu.id = p.lead_unit_id LEFT JOIN person ll ON ll.id = p.lead_leader_id
       WHERE ${where.join(' AND ')} ORDER BY p.seq, p.id`,
      params.values,
    )) as ProblemDocRow[];
  }

  /** Live measures of these problems with their units and latest progress report. */
  async findMeasures(problemIds: string[], scope: AccessScope): Promise<MeasureDocRow[]> {
    if (problemIds.length === 0) return [];
    const params = new SqlParams();
    const where = ['m.deleted_at IS NULL', `m.problem_id = ANY(${params.add(problemIds)})`];
    if (!scope.all) where.push(assignedToSql('m', params.add(scope.unitIds)));
    return (await this.dataSource.query(
      `SELECT m.id, m.problem_id AS "problemId", m.seq, m.lead, m.text, m.term, m.status, m.deadline,
         lu.name AS "leadUnitName",
         coalesce((SELECT array_agg(u.name ORDER BY u.sort_order, u.name) FROM measure_unit mu JOIN unit u ON u.id = mu.unit_id
           WHERE mu.measure_id = m.id AND mu.role = 'co'), '{}') AS "coUnitNames",
         pu.text AS "progressText", pu.reported_on AS "progressOn"
       FROM measure m
       LEFT JOIN unit lu ON lu.id = m.lead_unit_id
       LEFT JOIN LATERAL (SELECT text, reported_on FROM progress_update WHERE measure_id = m.id
         ORDER BY reported_on DESC, created_at DESC LIMIT 1) pu ON TRUE
       WHERE ${where.join(' AND ')} ORDER BY m.problem_id, m.seq, m.id`,
      params.values,
    )) as MeasureDocRow[];
  }

  async outcomeTotals(inspectionId: string): Promise<OutcomeTotals> {
    const [row] = (await this.dataSource.query(
      `SELECT
         (SELECT coalesce(sum(count), 0)::int FROM accountability_action a
           WHERE a.inspection_id = $1 AND a.count_unit = '人'
             AND (a.problem_id IS NULL OR EXISTS (SELECT 1 FROM problem p WHERE p.id = a.problem_id AND p.deleted_at IS NULL))) AS people,
         (SELECT coalesce(sum(count), 0)::int FROM accountability_action a
           WHERE a.inspection_id = $1 AND a.count_unit = '人次'
             AND (a.problem_id IS NULL OR EXISTS (SELECT 1 FROM problem p WHERE p.id = a.problem_id AND p.deleted_at IS NULL))) AS "personTimes",
         (SELECT count(*)::int FROM rule_document r WHERE r.inspection_id = $1 AND r.role IN ('issued', 'revised')
             AND (r.problem_id IS NULL OR EXISTS (SELECT 1 FROM problem p WHERE p.id = r.problem_id AND p.deleted_at IS NULL))) AS rules,
         (SELECT coalesce(round(sum(CASE f.unit WHEN '元' THEN f.amount / 10000 WHEN '亿元' THEN f.amount * 10000 ELSE f.amount END), 2), 0)::float8
           FROM fund_recovery f WHERE f.inspection_id = $1
             AND (f.problem_id IS NULL OR EXISTS (SELECT 1 FROM problem p WHERE p.id = f.problem_id AND p.deleted_at IS NULL))) AS funds`,
      [inspectionId],
    )) as OutcomeTotals[];
    return row;
  }

  async findEvidence(measureIds: string[]): Promise<EvidenceDocRow[]> {
    if (measureIds.length === 0) return [];
    return (await this.dataSource.query(
      `SELECT measure_id AS "measureId", name FROM attachment WHERE measure_id = ANY($1) AND deleted_at IS NULL ORDER BY created_at, id`,
      [measureIds],
    )) as EvidenceDocRow[];
  }

  /** Submissions and review decisions of these measures, oldest first. */
  async findReviewEvents(measureIds: string[]): Promise<ReviewEventRow[]> {
    if (measureIds.length === 0) return [];
    return (await this.dataSource.query(
      `SELECT measure_id AS "measureId", action, to_status AS "toStatus", actor_name AS "actorName", opinion, occurred_at AS "occurredAt"
       FROM measure_event WHERE measure_id = ANY($1) AND action IN ('submit', 'approve', 'return', 'reopen')
       ORDER BY occurred_at, id`,
      [measureIds],
    )) as ReviewEventRow[];
  }
}
