import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canEvaluateEffectiveness, EFFECTIVENESS_RATING_LABELS } from '@zhenggai/domain';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import { StaleVersionError, withConflictState } from '../../common/versioned-update.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemsService } from '../problems/problems.service.js';
import { refOf } from '../units/dto/ref.dto.js';
import type { EffectivenessDto, UpdateEffectivenessDto } from './dto/effectiveness.dto.js';
import { EffectivenessRepository } from './effectiveness.repository.js';

/**
 * 成效评估: an officer rates a signed-off problem's rectification (好, 较好, 一般, 差) with a text; it feeds the
 * look-back report and the notice's summary. Versioned; each save audited with the before and after.
 */
@Injectable()
export class EffectivenessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: EffectivenessRepository,
    private readonly problems: ProblemsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(problemId: string, actor: Actor): Promise<EffectivenessDto> {
    const problem = await this.problems.get(problemId, actor);
    const row = await this.evaluations.find(problemId);
    return {
      problemId,
      rating: row?.rating ?? null,
      ratingLabel: row ? EFFECTIVENESS_RATING_LABELS[row.rating] : null,
      text: row?.text ?? null,
      evaluatedBy: refOf(row?.evaluatedById ?? null, row?.evaluatedByName ?? null),
      evaluatedAt: row ? new Date(row.evaluatedAt).toISOString() : null,
      evaluable: canEvaluateEffectiveness(problem.status),
      version: row?.version ?? 0,
    };
  }

  async update(problemId: string, dto: UpdateEffectivenessDto, actor: Actor): Promise<EffectivenessDto> {
    await this.problems.get(problemId, actor);
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const status = await this.evaluations.lockProblem(manager, problemId);
          if (status === null) throw new AppError('NOT_FOUND', '问题不存在或无权查看');
          if (!canEvaluateEffectiveness(status)) {
            throw new AppError('TRANSITION_NOT_ALLOWED', '问题销号（已完成、视同完成）后才能开展成效评估');
          }
          const before = await this.evaluations.find(problemId, manager);
          const saved = await this.evaluations.save(manager, problemId, dto.version, {
            rating: dto.rating,
            text: dto.text,
            byId: actor.id,
            byName: actor.displayName,
            at: this.clock.now(),
          });
          if (!saved) throw new StaleVersionError();
          await this.audit.record(
            {
              action: 'EFFECTIVENESS_EVALUATED',
              entityType: 'problem',
              entityId: problemId,
              before: before ? { rating: before.rating, text: before.text, version: before.version } : null,
              after: { rating: dto.rating, text: dto.text, version: dto.version + 1 },
            },
            manager,
          );
        }),
      () => this.get(problemId, actor),
    );
    return this.get(problemId, actor);
  }
}
