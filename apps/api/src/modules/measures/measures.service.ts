import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { scopeOf, type AccessScope } from '../../common/auth/access-scope.js';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import { pageWindow, type Page } from '../../common/http/pagination.js';
import type { Actor } from '../../common/http/request-context.js';
import type { MeasureDto, MeasureQueryDto } from './dto/measure.dto.js';
import { mapMeasure } from './measures.mapper.js';
import { MeasuresRepository, type MeasureFilter } from './measures.repository.js';

@Injectable()
export class MeasuresService {
  constructor(
    private readonly measures: MeasuresRepository,
    private readonly clock: Clock,
  ) {}

  async list(query: MeasureQueryDto, actor: Actor): Promise<Page<MeasureDto>> {
    const { page, pageSize, offset } = pageWindow(query);
    const today = this.clock.today();
    // one statement for the page (ids from the narrow rows, then columns and units of those rows), the count beside it
    const { rows, total } = await this.measures.findPage(query, scopeOf(actor), today, { offset, limit: pageSize });
    return { items: rows.map((row) => mapMeasure(row, row.units, today)), total, page, pageSize };
  }

  async get(id: string, actor: Actor): Promise<MeasureDto> {
    const today = this.clock.today();
    const row = await this.measures.findOne(id, scopeOf(actor), today);
    if (!row) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
    return mapMeasure(row, row.units, today);
  }

  /** Every measure of a problem that the scope may see, in official order. */
  async listForProblem(problemId: string, scope: AccessScope): Promise<MeasureDto[]> {
    const today = this.clock.today();
    const filter: MeasureFilter = { problemId };
    const { rows } = await this.measures.findPage(filter, scope, today, { offset: 0, limit: 1000 });
    return rows.map((row) => mapMeasure(row, row.units, today));
  }

  /** The enabled accounts of these units (whom a unit-wide notice reaches), in the caller's transaction. */
  async unitAccountIds(manager: EntityManager, unitIds: string[]): Promise<string[]> {
    return [...new Set((await this.measures.unitAccounts(manager, unitIds)).map((account) => account.userId))];
  }

  /** The enabled accounts of the task force, in the caller's transaction. */
  taskForceAccountIds(manager: EntityManager): Promise<string[]> {
    return this.measures.accountsToNotify(manager, { taskForce: true });
  }
}
