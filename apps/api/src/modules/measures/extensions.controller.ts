import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, READERS, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import type { Actor } from '../../common/http/request-context.js';
import { DeadlineExtensionsService } from './deadline-extensions.service.js';
import { DecideExtensionDto } from './dto/measure-actions.dto.js';
import { ExtensionQueryDto } from './dto/extension-query.dto.js';
import { ExtensionDto, ExtensionPageDto } from './dto/measure-records.dto.js';

@ApiTags('measures')
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller('extensions')
export class ExtensionsController {
  constructor(private readonly extensions: DeadlineExtensionsService) {}

  @Roles(...READERS)
  @Get()
  @ApiOkResponse({ type: ExtensionPageDto })
  getDeadlineExtensions(@Query() query: ExtensionQueryDto, @CurrentActor() actor: Actor): Promise<ExtensionPageDto> {
    return this.extensions.list(query, actor);
  }

  @Roles('task_force_officer')
  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: ExtensionDto })
  approveDeadlineExtension(
    @Param('id', IdPipe) id: string,
    @Body() dto: DecideExtensionDto,
    @CurrentActor() actor: Actor,
  ): Promise<ExtensionDto> {
    return this.extensions.decide(id, true, dto, actor);
  }

  @Roles('task_force_officer')
  @Post(':id/refuse')
  @HttpCode(200)
  @ApiOkResponse({ type: ExtensionDto })
  refuseDeadlineExtension(
    @Param('id', IdPipe) id: string,
    @Body() dto: DecideExtensionDto,
    @CurrentActor() actor: Actor,
  ): Promise<ExtensionDto> {
    return this.extensions.decide(id, false, dto, actor);
  }
}
