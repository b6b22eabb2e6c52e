import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface NewInspection {
  title: string;
  issuer: string | null;
  kind: 'xunshi' | 'xuncha';
  level: string | null;
  term: string | null;
  issuingCommittee: string | null;
  round: number | null;
  group: string | null;
  inspectionType: string | null;
  target: string | null;
  onSiteFrom: string | null;
  onSiteTo: string | null;
  feedbackDate: string | null;
  publishedAt: string | null;
  publicityFrom: string | null;
  publicityTo: string | null;
  contactPhone: string | null;
  contactHours: string | null;
  contactEmail: string | null;
  sourceText: string | null;
}

export interface NewProblem {
  seq: number;
  label: string;
  title: string;
  overview: string | null;
  categorySeq: number | null;
  parentSeq: number | null;
}

export interface NewMeasure {
  problemSeq: number;
  seq: number;
  lead: string | null;
  text: string;
}

export interface NewOutcome {
  problemSeq: number;
  kind: 'accountability' | 'rule' | 'fund';
  form?: string;
  count?: number | null;
  countUnit?: string | null;
  title?: string;
  role?: string;
  fundKind?: string;
  amount?: number;
  unit?: string;
  rawText: string | null;
}

// All SQL of the notice import: set-based inserts (unnest of arrays), so a province-sized notice is a handful of
// statements, all in the caller's transaction.
@Injectable()
export class NoticeImportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async unitExists(unitId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM unit WHERE id = $1 AND deleted_at IS NULL`, [
      unitId,
    ])) as unknown[];
    return rows.length > 0;
  }

  async insertInspection(manager: EntityManager, inspection: NewInspection): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO inspection (title, issuer, kind, level, term, issuing_committee, round, inspection_group, inspection_type, target,
         on_site_from, on_site_to, feedback_date, published_at, publicity_from, publicity_to, contact_phone, contact_hours,
         contact_email, source_text)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id`,
      [
        inspection.title,
        inspection.issuer,
        inspection.kind,
        inspection.level,
        inspection.term,
        inspection.issuingCommittee,
        inspection.round,
        inspection.group,
        inspection.inspectionType,
        inspection.target,
        inspection.onSiteFrom,
        inspection.onSiteTo,
        inspection.feedbackDate,
        inspection.publishedAt,
        inspection.publicityFrom,
        inspection.publicityTo,
        inspection.contactPhone,
        inspection.contactHours,
        inspection.contactEmail,
        inspection.sourceText,
      ],
    )) as Array<{ id: string }>;
    return row.id;
  }

  /** Inserts the categories; returns their ids by seq. */
  async insertCategories(
    manager: EntityManager,
    inspectionId: string,
    categories: Array<{ seq: number; label: string | null; title: string }>,
  ): Promise<Map<number, string>> {
    if (categories.length === 0) return new Map();
    const rows = (await manager.query(
      `INSERT INTO category (inspection_id, seq, label, title)
       SELECT $1, c.seq, c.label, c.title FROM unnest($2::int[], $3::varchar[], $4::varchar[]) AS c(seq, label, title)
       RETURNING id, seq`,
      [inspectionId, categories.map((c) => c.seq), categories.map((c) => c.label), categories.map((c) => c.title)],
    )) as Array<{ id: string; seq: number }>;
    return new Map(rows.map((row) => [row.seq, row.id]));
  }

  /** Inserts the problems (status 未完成), then links sub-problems to their parents; returns ids by seq. */
  async insertProblems(
    manager: EntityManager,
    inspectionId: string,
    problems: NewProblem[],
    categoryIds: Map<number, string>,
    leadUnitId: string | null,
  ): Promise<Map<number, string>> {
    if (problems.length === 0) return new Map();
    const rows = (await manager.query(
      `INSERT INTO problem (inspection_id, seq, label, title, overview, category_id, status, lead_unit_id)
       SELECT $1, p.seq, p.label, p.title, p.overview, p.category_id, 'in_progress', $7
       FROM unnest($2::int[], $3::varchar[], $4::varchar[], $5::text[], $6::uuid[]) AS p(seq, label, title, overview, category_id)
       RETURNING id, seq`,
      [
        inspectionId,
        problems.map((p) => p.seq),
        problems.map((p) => p.label),
        problems.map((p) => p.title),
        problems.map((p) => p.overview),
        problems.map((p) => (p.categorySeq ? (categoryIds.get(p.categorySeq) ?? null) : null)),
        leadUnitId,
      ],
    )) as Array<{ id: string; seq: number }>;
    const ids = new Map(rows.map((row) => [row.seq, row.id]));
    const children = problems.filter((p) => p.parentSeq !== null);
    if (children.length > 0) {
      await manager.query(
        `UPDATE problem p SET parent_id = l.parent_id FROM unnest($1::uuid[], $2::uuid[]) AS l(id, parent_id) WHERE p.id = l.id`,
        [children.map((p) => ids.get(p.seq)), children.map((p) => ids.get(p.parentSeq!))],
      );
    }
    return ids;
  }

  async insertOutcomes(
    manager: EntityManager,
    inspectionId: string,
    outcomes: NewOutcome[],
    problemIds: Map<number, string>,
  ): Promise<void> {
    const actions = outcomes.filter((o) => o.kind === 'accountability');
    const rules = outcomes.filter((o) => o.kind === 'rule');
    const funds = outcomes.filter((o) => o.kind === 'fund');
    if (actions.length > 0) {
      await manager.query(
        `INSERT INTO accountability_action (inspection_id, problem_id, form, count, count_unit, raw_text)
         SELECT $1, a.problem_id, a.form, a.count, a.count_unit, a.raw_text
         FROM unnest($2::uuid[], $3::varchar[], $4::int[], $5::varchar[], $6::text[]) AS a(problem_id, form, count, count_unit, raw_text)`,
        [
          inspectionId,
          actions.map((a) => problemIds.get(a.problemSeq)),
          actions.map((a) => a.form),
          actions.map((a) => a.count ?? null),
          actions.map((a) => a.countUnit ?? null),
          actions.map((a) => a.rawText),
        ],
      );
    }
    if (rules.length > 0) {
      await manager.query(
        `INSERT INTO rule_document (inspection_id, problem_id, title, role, raw_text)
         SELECT $1, r.problem_id, r.title, r.role, r.raw_text
         FROM unnest($2::uuid[], $3::varchar[], $4::varchar[], $5::text[]) AS r(problem_id, title, role, raw_text)`,
        [
          inspectionId,
          rules.map((r) => problemIds.get(r.problemSeq)),
          rules.map((r) => r.title),
          rules.map((r) => r.role),
          rules.map((r) => r.rawText),
        ],
      );
    }
    if (funds.length > 0) {
      await manager.query(
        `INSERT INTO fund_recovery (inspection_id, problem_id, kind, amount, unit, raw_text)
         SELECT $1, f.problem_id, f.kind, f.amount, f.unit, f.raw_text
         FROM unnest($2::uuid[], $3::varchar[], $4::numeric[], $5::varchar[], $6::text[]) AS f(problem_id, kind, amount, unit, raw_text)`,
        [
          inspectionId,
          funds.map((f) => problemIds.get(f.problemSeq)),
          funds.map((f) => f.fundKind),
          funds.map((f) => f.amount),
          funds.map((f) => f.unit),
          funds.map((f) => f.rawText),
        ],
      );
    }
  }
}
