import { Body, Controller, Get, Param, Put, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, READERS, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import type { Actor } from '../../common/http/request-context.js';
import { contentDisposition } from '../attachments/file-name.js';
import { XLSX_TYPE } from '../documents/index.js';
import { ScoringPolicyDto, UnitScoresDto, UpdateScoringPolicyDto } from './dto/scoring.dto.js';
import { ScoringService } from './scoring.service.js';

@ApiTags('scoring')
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller()
export class ScoringController {
  constructor(private readonly scoring: ScoringService) {}

  @Roles(...READERS)
  @Get('inspections/:id/unit-scores')
  @ApiOkResponse({ type: UnitScoresDto })
  getUnitScores(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<UnitScoresDto> {
    return this.scoring.unitScores(id, actor);
  }

  @Roles(...READERS)
  @Get('inspections/:id/unit-scores/export.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: '考核排名: one row per unit' })
  async exportUnitScores(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const { body, type, name } = await this.scoring.exportWorkbook(id, actor);
    return new StreamableFile(body, { type, disposition: contentDisposition(name), length: body.length });
  }

  @Roles(...READERS)
  @Get('inspections/:id/scoring-policy')
  @ApiOkResponse({ type: ScoringPolicyDto })
  getScoringPolicy(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<ScoringPolicyDto> {
    return this.scoring.policy(id, actor);
  }

  @Roles('task_force_officer')
  @Put('inspections/:id/scoring-policy')
  @ApiOkResponse({ type: ScoringPolicyDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  updateScoringPolicy(
    @Param('id', IdPipe) id: string,
    @Body() dto: UpdateScoringPolicyDto,
    @CurrentActor() actor: Actor,
  ): Promise<ScoringPolicyDto> {
    return this.scoring.update(id, dto, actor);
  }
}
