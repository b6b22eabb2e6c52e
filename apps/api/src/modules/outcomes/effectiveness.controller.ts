import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, READERS, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import type { Actor } from '../../common/http/request-context.js';
import { EffectivenessDto, UpdateEffectivenessDto } from './dto/effectiveness.dto.js';
import { EffectivenessService } from './effectiveness.service.js';

@ApiTags('outcomes')
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller('problems/:id/effectiveness')
export class EffectivenessController {
  constructor(private readonly effectiveness: EffectivenessService) {}

  @Roles(...READERS)
  @Get()
  @ApiOkResponse({ type: EffectivenessDto, description: '成效评估 of the problem (empty fields while not evaluated)' })
  getProblemEffectiveness(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<EffectivenessDto> {
    return this.effectiveness.get(id, actor);
  }

  @Roles('task_force_officer')
  @Put()
  @ApiOkResponse({ type: EffectivenessDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'not signed off (TRANSITION_NOT_ALLOWED), stale version' })
  updateProblemEffectiveness(
    @Param('id', IdPipe) id: string,
    @Body() dto: UpdateEffectivenessDto,
    @CurrentActor() actor: Actor,
  ): Promise<EffectivenessDto> {
    return this.effectiveness.update(id, dto, actor);
  }
}
