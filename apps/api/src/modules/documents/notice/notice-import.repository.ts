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
