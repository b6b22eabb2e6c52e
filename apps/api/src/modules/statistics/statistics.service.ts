import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { scopeOf, type AccessScope } from '../../common/auth/access-scope.js';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import type { InspectionStatisticsDto, StatisticsQueryDto } from './dto/statistics.dto.js';
import { mapStatistics } from './statistics.mapper.js';
import { StatisticsRepository } from './statistics.repository.js';

/** The scope part of the cache key: every account of the same scope shares the answer, no other scope sees it. */
export function statisticsScopeKey(scope: AccessScope): string {
  if (scope.all) return 'all';
  return createHash('sha256')
    .update([...new Set(scope.unitIds)].sort().join(','))
    .digest('hex');
}

@Injectable()
export class StatisticsService {
  constructor(
    private readonly statistics: StatisticsRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * The dashboard figures of one inspection, limited to what the actor's scope may see. Served from the statistics
   * cache while no table they read has changed since and the day is the same; generatedAt is when they were counted.
   */
  async forInspection(inspectionId: string, query: StatisticsQueryDto, actor: Actor): Promise<InspectionStatisticsDto> {
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
    return mapStatistics(answer.figures.row, {
      inspectionId,
      today,
      dueSoonDays: answer.figures.dueSoonDays,
      countDeemedAsComplete: query.countDeemedAsComplete ?? true,
      generatedAt: answer.generatedAt,
    });
  }
}
