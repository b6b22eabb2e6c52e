import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, READERS, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import type { Actor } from '../../common/http/request-context.js';
import { MeasureDto, MeasurePageDto, MeasureQueryDto } from './dto/measure.dto.js';
import { MeasuresService } from './measures.service.js';

@ApiTags('measures')
@Controller('measures')
export class MeasuresController {
  constructor(private readonly service: MeasuresService) {}

  @Roles(...READERS)
  @Get()
  @ApiOkResponse({ type: MeasurePageDto })
  getMeasures(@Query() query: MeasureQueryDto, @CurrentActor() actor: Actor): Promise<MeasurePageDto> {
    return this.service.list(query, actor);
  }

  @Roles(...READERS)
  @Get(':id')
  @ApiOkResponse({ type: MeasureDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  getMeasure(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<MeasureDto> {
    return this.service.get(id, actor);
  }
}
