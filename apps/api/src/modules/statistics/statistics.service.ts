import { Injectable } from '@nestjs/common';
import { scopeOf } from '../../common/auth/access-scope.js';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import type { InspectionStatisticsDto, StatisticsQueryDto } from './dto/statistics.dto.js';
import { mapStatistics } from './statistics.mapper.js';
import { StatisticsRepository } from './statistics.repository.js';

@Injectable()
export class StatisticsService {
  constructor(
    private readonly statistics: StatisticsRepository,
    private readonly clock: Clock,
  ) {}

  /** The dashboard figures of one inspection, limited to what the actor's scope may see. */
  async forInspection(inspectionId: string, query: StatisticsQueryDto, actor: Actor): Promise<InspectionStatisticsDto> {
    const scope = scopeOf(actor);
    const inspection = await this.statistics.findVisibleInspection(inspectionId, scope);
    if (!inspection) throw new AppError('NOT_FOUND', '巡视（巡察）不存在或无权查看');
    const generatedAt = this.clock.now();
    const today = this.clock.today();
    const dueSoonDays = query.dueSoonDays ?? inspection.yellowDays;
    const row = await this.statistics.aggregateFigures({
      inspectionId,
      scope,
      today,
      dueSoonDays,
      startDate: inspection.startDate,
    });
    return mapStatistics(row, {
      inspectionId,
      today,
      dueSoonDays,
      countDeemedAsComplete: query.countDeemedAsComplete ?? true,
      generatedAt,
    });
  }
}
