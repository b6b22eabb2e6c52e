import { Injectable } from '@nestjs/common';
import { scopeOf } from '../../common/auth/access-scope.js';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import type { InspectionStatisticsDto, StatisticsQueryDto } from './dto/statistics.dto.js';
import { statisticsScopeKey } from './statistics-cache.sql.js';
import { mapStatistics } from './statistics.mapper.js';
import { StatisticsRepository, type CachedAnswer } from './statistics.repository.js';

@Injectable()
export class StatisticsService {
  // the mapped answers of a cached entry as JSON text, with and without 视同完成 (an entry is fresh only on the day it
  // was counted, so today is the same for both)
  private readonly mapped = new WeakMap<CachedAnswer, Map<boolean, string>>();

  constructor(
    private readonly statistics: StatisticsRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * The dashboard figures of one inspection, limited to what the actor's scope may see. Served from the statistics
   * cache while no table they read has changed since and the day is the same; generatedAt is when they were counted.
   * Answers the JSON text: a cached answer is mapped and serialised once, not on every request.
   */
  async forInspectionJson(inspectionId: string, query: StatisticsQueryDto, actor: Actor): Promise<string> {
    const scope = scopeOf(actor);
    const today = this.clock.today();
    const key = { inspectionId, scopeKey: statisticsScopeKey(scope), dueSoonDays: query.dueSoonDays ?? -1 };
    const answer = await this.statistics.readOrCompute(
      key,
      today,
      () => this.clock.now(),
      async (db) => {
        const inspection = await this.statistics.findVisibleInspection(inspectionId, scope, db);
        if (!inspection) return null;
        const dueSoonDays = query.dueSoonDays ?? inspection.yellowDays;
        const row = await this.statistics.aggregateFigures(
          { inspectionId, scope, today, dueSoonDays, startDate: inspection.startDate },
          db,
        );
        return { dueSoonDays, row };
      },
    );
    if (!answer) throw new AppError('NOT_FOUND', '巡视（巡察）不存在或无权查看');
    const countDeemedAsComplete = query.countDeemedAsComplete ?? true;
    const byRate = this.mapped.get(answer) ?? new Map<boolean, string>();
    this.mapped.set(answer, byRate);
    const known = byRate.get(countDeemedAsComplete);
    if (known) return known;
    const dto: InspectionStatisticsDto = mapStatistics(answer.figures.row, {
      inspectionId,
      today,
      dueSoonDays: answer.figures.dueSoonDays,
      countDeemedAsComplete,
      generatedAt: answer.generatedAt,
    });
    const json = JSON.stringify(dto);
    byRate.set(countDeemedAsComplete, json);
    return json;
  }
}
