import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, READERS, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import type { Actor } from '../../common/http/request-context.js';
import { InspectionDto, InspectionPageDto, InspectionQueryDto } from './dto/inspection.dto.js';
import { InspectionsService } from './inspections.service.js';

@ApiTags('inspections')
@Controller('inspections')
export class InspectionsController {
  constructor(private readonly service: InspectionsService) {}

  @Roles(...READERS)
  @Get()
  @ApiOkResponse({ type: InspectionPageDto })
  getInspections(@Query() query: InspectionQueryDto, @CurrentActor() actor: Actor): Promise<InspectionPageDto> {
    return this.service.list(query, actor);
  }

  @Roles(...READERS)
  @Get(':id')
  @ApiOkResponse({ type: InspectionDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  getInspection(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<InspectionDto> {
    return this.service.get(id, actor);
  }
}
