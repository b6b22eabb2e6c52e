import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import { SqlParams } from '../../common/sql.js';
import { StaleVersionError, requireVersion, withConflictState } from '../../common/versioned-update.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemsService } from '../problems/problems.service.js';
import type { ProblemOutcomesDto } from './dto/outcome.dto.js';

export type OutcomeKind = 'accountability' | 'rule' | 'fund';

interface KindSpec {
  table: string;
  entity: string;
  label: string;
  columns: Record<string, string>;
  select: string;
}

// The outcome ledger of a problem: 问责, 建章立制 and recovered funds. Three tables, one way of writing them.
const KINDS: Record<OutcomeKind, KindSpec> = {
  accountability: {
    table: 'accountability_action',
    entity: 'ACCOUNTABILITY',
    label: '问责情况',
    columns: { form: 'form', count: 'count', countUnit: 'count_unit', note: 'note' },
    select: `id, problem_id AS "problemId", form, count, count_unit AS "countUnit", note, version`,
  },
  rule: {
    table: 'rule_document',
    entity: 'RULE_DOCUMENT',
    label: '建章立制',
    columns: { title: 'title', role: 'role', issuedOn: 'issued_on', unitId: 'unit_id' },
    select: `id, problem_id AS "problemId", title, role, issued_on AS "issuedOn", unit_id AS "unitId", version`,
  },
  fund: {
    table: 'fund_recovery',
    entity: 'FUND_RECOVERY',
    label: '追缴资金',
    columns: { kind: 'kind', amount: 'amount', rawText: 'raw_text' },
    select: `id, problem_id AS "problemId", kind, amount::float8 AS amount, unit, raw_text AS "rawText", version`,
  },
};

// 《title》 is stored without its book-title marks
const stripMarks = (title: unknown) => (typeof title === 'string' ? title.trim().replace(/^《(.*)》$/u, '$1') : title);

@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly problems: ProblemsService,
    private readonly audit: AuditService,
  ) {}

  async forProblem(problemId: string, actor: Actor): Promise<ProblemOutcomesDto> {
    await this.problems.get(problemId, actor);
    const [accountability, rules, funds] = await Promise.all(
      (['accountability', 'rule', 'fund'] as const).map((kind) =>
        this.dataSource.query(
          `SELECT ${KINDS[kind].select} FROM ${KINDS[kind].table} WHERE problem_id = $1 ORDER BY created_at, id`,
          [problemId],
        ),
      ),
    );
    const sum = (rows: Array<{ count: number | null; countUnit: string | null }>, unit: string) =>
      rows.filter((row) => row.countUnit === unit).reduce((total, row) => total + (row.count ?? 0), 0);
    return {
      accountability,
      rules,
      funds,
      totals: {
        people: sum(accountability, '人'),
        personTimes: sum(accountability, '人次'),
        rules: (rules as Array<{ role: string }>).filter((rule) => rule.role === 'issued' || rule.role === 'revised')
          .length,
        funds:
          Math.round((funds as Array<{ amount: number }>).reduce((total, fund) => total + fund.amount, 0) * 100) / 100,
      },
    };
  }

  async create<T>(kind: OutcomeKind, problemId: string, dto: object, actor: Actor): Promise<T> {
    const problem = await this.problems.get(problemId, actor);
    const spec = KINDS[kind];
    const values: Record<string, unknown> = { ...dto };
    if (kind === 'rule') values.title = stripMarks(values.title);
    const fields = Object.keys(spec.columns).filter((field) => values[field] !== undefined);
    const params = new SqlParams();
    const inspectionParam = params.add(problem.inspectionId);
    const problemParam = params.add(problemId);
    const placeholders = fields.map((field) => params.add(values[field]));
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO ${spec.table} (inspection_id, problem_id${fields.map((field) => `, "${spec.columns[field]}"`).join('')})
         VALUES (${inspectionParam}, ${problemParam}${placeholders.map((p) => `, ${p}`).join('')}) RETURNING id`,
        params.values,
      )) as Array<{ id: string }>;
      await this.audit.record(
        { action: `${spec.entity}_CREATED`, entityType: spec.table, entityId: row.id, after: { problemId, ...values } },
        manager,
      );
      return row.id;
    });
    return (await this.one(kind, id)) as T;
  }

  async update<T>(
    kind: OutcomeKind,
    id: string,
    dto: { version?: number } & Record<string, unknown>,
    actor: Actor,
  ): Promise<T> {
    const version = requireVersion(dto.version);
    const spec = KINDS[kind];
    const before = await this.visible(kind, id, actor);
    const values: Record<string, unknown> = { ...dto };
    if (kind === 'rule' && values.title !== undefined) values.title = stripMarks(values.title);
    const fields = Object.keys(spec.columns).filter((field) => values[field] !== undefined);
    if (fields.length === 0) throw new AppError('VALIDATION_FAILED', '没有要修改的内容');
    const params = new SqlParams();
    const idParam = params.add(id);
    const versionParam = params.add(version);
    const sets = fields.map((field) => `"${spec.columns[field]}" = ${params.add(values[field])}`);
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const rows = (await manager.query(
            `UPDATE ${spec.table} SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = ${idParam} AND version = ${versionParam} RETURNING id`,
            params.values,
          )) as [unknown[], number];
          if (rows[0].length === 0) throw new StaleVersionError();
          const after = Object.fromEntries(fields.map((field) => [field, values[field]]));
          await this.audit.record(
            { action: `${spec.entity}_UPDATED`, entityType: spec.table, entityId: id, before, after },
            manager,
          );
        }),
      () => this.one(kind, id),
    );
    return (await this.one(kind, id)) as T;
  }

  async remove(kind: OutcomeKind, id: string, actor: Actor): Promise<void> {
    const spec = KINDS[kind];
    const before = await this.visible(kind, id, actor);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM ${spec.table} WHERE id = $1`, [id]);
      await this.audit.record(
        { action: `${spec.entity}_DELETED`, entityType: spec.table, entityId: id, before },
        manager,
      );
    });
  }

  private async one(kind: OutcomeKind, id: string): Promise<Record<string, unknown>> {
    const [row] = (await this.dataSource.query(`SELECT ${KINDS[kind].select} FROM ${KINDS[kind].table} WHERE id = $1`, [
      id,
    ])) as Array<Record<string, unknown>>;
    if (!row) throw new AppError('NOT_FOUND', `${KINDS[kind].label}记录不存在`);
    return row;
  }

  // the record is reachable only through a problem the caller may see
  private async visible(kind: OutcomeKind, id: string, actor: Actor): Promise<Record<string, unknown>> {
    const row = await this.one(kind, id);
    await this.problems.get(row.problemId as string, actor);
    return row;
  }
}
