import { Injectable } from '@nestjs/common';
import { scopeOf } from '../../common/auth/access-scope.js';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import { pageWindow, type Page } from '../../common/http/pagination.js';
import type { Actor } from '../../common/http/request-context.js';
import { MeasuresService } from '../measures/measures.service.js';
import type { ProblemDetailDto, ProblemDto, ProblemQueryDto } from './dto/problem.dto.js';
import { mapProblem } from './problems.mapper.js';
import { ProblemsRepository } from './problems.repository.js';

@Injectable()
export class ProblemsService {
  constructor(
    private readonly problems: ProblemsRepository,
    private readonly measures: MeasuresService,
    private readonly clock: Clock,
  ) {}

  async list(query: ProblemQueryDto, actor: Actor): Promise<Page<ProblemDto>> {
    const { page, pageSize, offset } = pageWindow(query);
    const today = this.clock.today();
    const { rows, total } = await this.problems.findPage(query, scopeOf(actor), { offset, limit: pageSize }, today);
    return { items: rows.map((row) => mapProblem(row, today)), total, page, pageSize };
  }

  async get(id: string, actor: Actor): Promise<ProblemDetailDto> {
    const scope = scopeOf(actor);
    const today = this.clock.today();
    const { rows } = await this.problems.findPage({ id }, scope, { offset: 0, limit: 1 }, today);
    if (rows.length === 0) throw new AppError('NOT_FOUND', '问题不存在或无权查看');
    const measures = await this.measures.listForProblem(id, scope);
    return { ...mapProblem(rows[0], today), measures };
  }
}
