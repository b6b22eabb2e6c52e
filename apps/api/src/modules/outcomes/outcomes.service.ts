import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import { StaleVersionError, requireVersion, withConflictState } from '../../common/versioned-update.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemsService } from '../problems/problems.service.js';
import type { ProblemOutcomesDto } from './dto/outcome.dto.js';
import { OutcomesRepository, outcomeFields, outcomeTable, type OutcomeKind } from './outcomes.repository.js';

export type { OutcomeKind } from './outcomes.repository.js';

interface KindSpec {
  table: string;
  entity: string;
  label: string;
}

// The outcome ledger of a problem: 问责, 建章立制 and recovered funds. Three tables, one way of writing them.
const KINDS: Record<OutcomeKind, KindSpec> = {
  accountability: { table: outcomeTable('accountability'), entity: 'ACCOUNTABILITY', label: '问责情况' },
  rule: { table: outcomeTable('rule'), entity: 'RULE_DOCUMENT', label: '建章立制' },
  fund: { table: outcomeTable('fund'), entity: 'FUND_RECOVERY', label: '追缴资金' },
};

// 《title》 is stored without its book-title marks
const stripMarks = (title: unknown) => (typeof title === 'string' ? title.trim().replace(/^《(.*)》$/u, '$1') : title);

@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outcomes: OutcomesRepository,
    private readonly problems: ProblemsService,
    private readonly audit: AuditService,
  ) {}

  async forProblem(problemId: string, actor: Actor): Promise<ProblemOutcomesDto> {
    await this.problems.get(problemId, actor);
    const { accountability, rules, funds } = await this.outcomes.findForProblem(problemId);
    const sum = (rows: Array<{ count: number | null; countUnit: string | null }>, unit: string) =>
      rows.filter((row) => row.countUnit === unit).reduce((total, row) => total + (row.count ?? 0), 0);
    return {
      accountability,
      rules,
      funds,
      totals: {
        people: sum(accountability, '人'),
        personTimes: sum(accountability, '人次'),
        rules: rules.filter((rule) => rule.role === 'issued' || rule.role === 'revised').length,
        funds: Math.round(funds.reduce((total, fund) => total + fund.amount, 0) * 100) / 100,
      },
    };
  }

  async create<T>(kind: OutcomeKind, problemId: string, dto: object, actor: Actor): Promise<T> {
    const problem = await this.problems.get(problemId, actor);
    const spec = KINDS[kind];
    const values: Record<string, unknown> = { ...dto };
    if (kind === 'rule') values.title = stripMarks(values.title);
    const id = await this.dataSource.transaction(async (manager) => {
      const rowId = await this.outcomes.insert(
        manager,
        kind,
        { inspectionId: problem.inspectionId, problemId },
        values,
      );
      await this.audit.record(
        { action: `${spec.entity}_CREATED`, entityType: spec.table, entityId: rowId, after: { problemId, ...values } },
        manager,
      );
      return rowId;
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
    const fields = outcomeFields(kind).filter((field) => values[field] !== undefined);
    if (fields.length === 0) throw new AppError('VALIDATION_FAILED', '没有要修改的内容');
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          if (!(await this.outcomes.updateIfVersion(manager, kind, id, version, values))) throw new StaleVersionError();
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
      await this.outcomes.delete(manager, kind, id);
      await this.audit.record(
        { action: `${spec.entity}_DELETED`, entityType: spec.table, entityId: id, before },
        manager,
      );
    });
  }

  private async one(kind: OutcomeKind, id: string): Promise<Record<string, unknown>> {
    const row = await this.outcomes.findOne(kind, id);
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
