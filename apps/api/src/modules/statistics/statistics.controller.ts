import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, READERS, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import type { Actor } from '../../common/http/request-context.js';
import { InspectionStatisticsDto, StatisticsQueryDto } from './dto/statistics.dto.js';
import { StatisticsService } from './statistics.service.js';

@ApiTags('statistics')
@Controller('inspections')
export class StatisticsController {
  constructor(private readonly service: StatisticsService) {}

  @Roles(...READERS)
  @Get(':id/statistics')
  // the service answers JSON text (a cached answer is serialised once), sent as it is
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkResponse({ type: InspectionStatisticsDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  getInspectionStatistics(
    @Param('id', IdPipe) id: string,
    @Query() query: StatisticsQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    return this.service.forInspectionJson(id, query, actor);
  }
}
