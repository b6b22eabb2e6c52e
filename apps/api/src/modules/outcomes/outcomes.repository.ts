import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { SqlParams } from '../../common/sql.js';
import type { AccountabilityActionDto, FundRecoveryDto, RuleDocumentDto } from './dto/outcome.dto.js';

export type OutcomeKind = 'accountability' | 'rule' | 'fund';

interface TableSpec {
  table: string;
  // request field → column
  columns: Record<string, string>;
  select: string;
}

// The outcome ledger of a problem: three tables, one way of writing them.
const TABLES: Record<OutcomeKind, TableSpec> = {
  accountability: {
    table: 'accountability_action',
    columns: { form: 'form', count: 'count', countUnit: 'count_unit', note: 'note' },
    select: `id, problem_id AS "problemId", form, count, count_unit AS "countUnit", note, version`,
  },
  rule: {
    table: 'rule_document',
    columns: { title: 'title', role: 'role', issuedOn: 'issued_on', unitId: 'unit_id' },
    select: `id, problem_id AS "problemId", title, role, issued_on AS "issuedOn", unit_id AS "unitId", version`,
  },
  fund: {
    table: 'fund_recovery',
    columns: { kind: 'kind', amount: 'amount', rawText: 'raw_text' },
    select: `id, problem_id AS "problemId", kind, amount::float8 AS amount, unit, raw_text AS "rawText", version`,
  },
};

/** The table of a kind of outcome (also its audit entity type). */
export const outcomeTable = (kind: OutcomeKind): string => TABLES[kind].table;

/** The request fields a kind of outcome stores, in column order. */
export const outcomeFields = (kind: OutcomeKind): string[] => Object.keys(TABLES[kind].columns);

export type OutcomeRow = Record<string, unknown>;

// All SQL of the outcome ledger: 问责, 建章立制 and recovered funds.
@Injectable()
export class OutcomesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The three outcome lists of a problem, each oldest first. */
  async findForProblem(problemId: string): Promise<{
    accountability: AccountabilityActionDto[];
    rules: RuleDocumentDto[];
    funds: FundRecoveryDto[];
  }> {
    const [accountability, rules, funds] = await Promise.all(
      (['accountability', 'rule', 'fund'] as const).map((kind) =>
        this.dataSource.query(
          `SELECT ${TABLES[kind].select} FROM ${TABLES[kind].table} WHERE problem_id = $1 ORDER BY created_at, id`,
          [problemId],
        ),
      ),
    );
    return {
      accountability: accountability as AccountabilityActionDto[],
      rules: rules as RuleDocumentDto[],
      funds: funds as FundRecoveryDto[],
    };
  }

  async findOne(kind: OutcomeKind, id: string): Promise<OutcomeRow | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${TABLES[kind].select} FROM ${TABLES[kind].table} WHERE id = $1`,
      [id],
    )) as OutcomeRow[];
    return row ?? null;
  }

  /** Inserts the record with the given fields (undefined ones are left to their defaults); returns its id. */
  async insert(
    manager: EntityManager,
    kind: OutcomeKind,
    owner: { inspectionId: string; problemId: string },
    values: Record<string, unknown>,
  ): Promise<string> {
    const spec = TABLES[kind];
    const fields = outcomeFields(kind).filter((field) => values[field] !== undefined);
    const params = new SqlParams();
    const inspectionParam = params.add(owner.inspectionId);
    const problemParam = params.add(owner.problemId);
    const placeholders = fields.map((field) => params.add(values[field]));
    const [row] = (await manager.query(
      `INSERT INTO ${spec.table} (inspection_id, problem_id${fields.map((field) => `, "${spec.columns[field]}"`).join('')})
       VALUES (${inspectionParam}, ${problemParam}${placeholders.map((p) => `, ${p}`).join('')}) RETURNING id`,
      params.values,
    )) as Array<{ id: string }>;
    return row.id;
  }

  /** `UPDATE … WHERE id = $1 AND version = $2` of the given (defined) fields: false when the version is stale. */
  async updateIfVersion(
    manager: EntityManager,
    kind: OutcomeKind,
    id: string,
    version: number,
    values: Record<string, unknown>,
  ): Promise<boolean> {
    const spec = TABLES[kind];
    const fields = outcomeFields(kind).filter((field) => values[field] !== undefined);
    const params = new SqlParams();
    const idParam = params.add(id);
    const versionParam = params.add(version);
    const sets = fields.map((field) => `"${spec.columns[field]}" = ${params.add(values[field])}`);
    const rows = (await manager.query(
      `UPDATE ${spec.table} SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = ${idParam} AND version = ${versionParam} RETURNING id`,
      params.values,
    )) as [unknown[], number];
    return rows[0].length > 0;
  }

  async delete(manager: EntityManager, kind: OutcomeKind, id: string): Promise<void> {
    await manager.query(`DELETE FROM ${TABLES[kind].table} WHERE id = $1`, [id]);
  }
}
