import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, READERS, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import { Idempotent } from '../../common/idempotency/idempotency.interceptor.js';
import type { Actor } from '../../common/http/request-context.js';
import { CheckpointReviewsService } from './checkpoint-reviews.service.js';
import { DeadlineExtensionsService } from './deadline-extensions.service.js';
import { ReviewCheckpointDto } from './dto/checkpoint-review.dto.js';
import {
  ApproveMeasureDto,
  CreateCheckpointDto,
  CreateMeasureDto,
  CreateProgressDto,
  ReasonDto,
  RequestExtensionDto,
  SetMeasureUnitsDto,
  SubmitMeasureDto,
  UpdateMeasureDto,
} from './dto/measure-actions.dto.js';
import { CheckpointDto, ExtensionDto, MeasureEventDto, ProgressUpdateDto } from './dto/measure-records.dto.js';
import { MeasureDto, MeasurePageDto, MeasureQueryDto } from './dto/measure.dto.js';
import { MeasureEditingService } from './measure-editing.service.js';
import { MeasureUrgingService } from './measure-urging.service.js';
import { MeasureWorkflowService } from './measure-workflow.service.js';
import { UrgeMeasureDto, UrgeMeasuresDto, UrgeResultDto } from './dto/urge.dto.js';
import { VersionQueryDto } from '../../common/http/versioned.dto.js';
import { MeasuresService } from './measures.service.js';

@ApiTags('measures')
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'outside your units, or gone' })
@Controller('measures')
export class MeasuresController {
  constructor(
    private readonly service: MeasuresService,
    private readonly editing: MeasureEditingService,
    private readonly workflow: MeasureWorkflowService,
    private readonly extensions: DeadlineExtensionsService,
    private readonly urging: MeasureUrgingService,
    private readonly checkpointReviews: CheckpointReviewsService,
  ) {}

  @Roles('task_force_officer')
  @Post('urge')
  @ApiCreatedResponse({ type: UrgeResultDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  urgeMeasures(@Body() dto: UrgeMeasuresDto, @CurrentActor() actor: Actor): Promise<UrgeResultDto> {
    return this.urging.urge(dto.measureIds, dto.message, actor);
  }

  @Roles('task_force_officer')
  @Post(':id/urge')
  @ApiCreatedResponse({ type: UrgeResultDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  urgeMeasure(
    @Param('id', IdPipe) id: string,
    @Body() dto: UrgeMeasureDto,
    @CurrentActor() actor: Actor,
  ): Promise<UrgeResultDto> {
    return this.urging.urge([id], dto.message, actor);
  }

  @Roles(...READERS)
  @Get()
  @ApiOkResponse({ type: MeasurePageDto })
  getMeasures(@Query() query: MeasureQueryDto, @CurrentActor() actor: Actor): Promise<MeasurePageDto> {
    return this.service.list(query, actor);
  }

  @Roles('task_force_officer')
  @Idempotent()
  @Post()
  @ApiCreatedResponse({ type: MeasureDto })
  createMeasure(@Body() dto: CreateMeasureDto, @CurrentActor() actor: Actor): Promise<MeasureDto> {
    return this.editing.create(dto, actor);
  }

  @Roles(...READERS)
  @Get(':id')
  @ApiOkResponse({ type: MeasureDto })
  getMeasure(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<MeasureDto> {
    return this.service.get(id, actor);
  }

  @Roles('task_force_officer', 'unit_leader', 'unit_staff')
  @Patch(':id')
  @ApiOkResponse({ type: MeasureDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'stale or missing version; `current` holds the measure now' })
  updateMeasure(
    @Param('id', IdPipe) id: string,
    @Body() dto: UpdateMeasureDto,
    @CurrentActor() actor: Actor,
  ): Promise<MeasureDto> {
    return this.editing.update(id, dto, actor);
  }

  @Roles('task_force_officer')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async deleteMeasure(
    @Param('id', IdPipe) id: string,
    @Query() query: VersionQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.editing.remove(id, query, actor);
  }

  @Roles('task_force_officer')
  @Post(':id/restore')
  @HttpCode(200)
  @ApiOkResponse({ type: MeasureDto })
  restoreMeasure(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<MeasureDto> {
    return this.editing.restore(id, actor);
  }

  @Roles('task_force_officer')
  @Put(':id/units')
  @ApiOkResponse({ type: MeasureDto })
  setMeasureUnits(
    @Param('id', IdPipe) id: string,
    @Body() dto: SetMeasureUnitsDto,
    @CurrentActor() actor: Actor,
  ): Promise<MeasureDto> {
    return this.editing.setUnits(id, dto, actor);
  }

  @Roles('unit_leader')
  @Post(':id/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: MeasureDto })
  submitMeasure(
    @Param('id', IdPipe) id: string,
    @Body() dto: SubmitMeasureDto,
    @CurrentActor() actor: Actor,
  ): Promise<MeasureDto> {
    return this.workflow.submit(id, dto, actor);
  }

  @Roles('task_force_officer')
  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: MeasureDto })
  approveMeasure(
    @Param('id', IdPipe) id: string,
    @Body() dto: ApproveMeasureDto,
    @CurrentActor() actor: Actor,
  ): Promise<MeasureDto> {
    return this.workflow.approve(id, dto, actor);
  }

  @Roles('task_force_officer')
  @Post(':id/return')
  @HttpCode(200)
  @ApiOkResponse({ type: MeasureDto })
  returnMeasure(
    @Param('id', IdPipe) id: string,
    @Body() dto: ReasonDto,
    @CurrentActor() actor: Actor,
  ): Promise<MeasureDto> {
    return this.workflow.returnSubmission(id, dto, actor);
  }

  @Roles('task_force_officer')
  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOkResponse({ type: MeasureDto })
  reopenMeasure(
    @Param('id', IdPipe) id: string,
    @Body() dto: ReasonDto,
    @CurrentActor() actor: Actor,
  ): Promise<MeasureDto> {
    return this.workflow.reopen(id, dto, actor);
  }

  @Roles(...READERS)
  @Get(':id/history')
  @ApiOkResponse({ type: [MeasureEventDto] })
  getMeasureHistory(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<MeasureEventDto[]> {
    return this.editing.history(id, actor);
  }

  @Roles('task_force_officer', 'unit_leader', 'unit_staff')
  @Post(':id/progress')
  @ApiCreatedResponse({ type: ProgressUpdateDto })
  reportMeasureProgress(
    @Param('id', IdPipe) id: string,
    @Body() dto: CreateProgressDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProgressUpdateDto> {
    return this.editing.addProgress(id, dto, actor);
  }

  @Roles(...READERS)
  @Get(':id/progress')
  @ApiOkResponse({ type: [ProgressUpdateDto] })
  getMeasureProgress(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<ProgressUpdateDto[]> {
    return this.editing.listProgress(id, actor);
  }

  @Roles('task_force_officer')
  @Post(':id/checkpoints')
  @ApiCreatedResponse({ type: [CheckpointDto] })
  addMeasureCheckpoint(
    @Param('id', IdPipe) id: string,
    @Body() dto: CreateCheckpointDto,
    @CurrentActor() actor: Actor,
  ): Promise<CheckpointDto[]> {
    return this.editing.addCheckpoint(id, dto, actor);
  }

  @Roles(...READERS)
  @Get(':id/checkpoints')
  @ApiOkResponse({ type: [CheckpointDto] })
  getMeasureCheckpoints(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<CheckpointDto[]> {
    return this.editing.checkpoints(id, actor);
  }

  @Roles('task_force_officer')
  @Post(':id/checkpoints/:checkpointId/review')
  @HttpCode(200)
  @ApiOkResponse({ type: MeasureDto })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'stale version, a checkpoint already reviewed, or a measure not 视同完成',
  })
  reviewMeasureCheckpoint(
    @Param('id', IdPipe) id: string,
    @Param('checkpointId', IdPipe) checkpointId: string,
    @Body() dto: ReviewCheckpointDto,
    @CurrentActor() actor: Actor,
  ): Promise<MeasureDto> {
    return this.checkpointReviews.review(id, checkpointId, dto, actor);
  }

  @Roles('unit_leader', 'unit_staff')
  @Post(':id/extensions')
  @ApiCreatedResponse({ type: ExtensionDto })
  requestDeadlineExtension(
    @Param('id', IdPipe) id: string,
    @Body() dto: RequestExtensionDto,
    @CurrentActor() actor: Actor,
  ): Promise<ExtensionDto> {
    return this.extensions.request(id, dto, actor);
  }

  @Roles(...READERS)
  @Get(':id/extensions')
  @ApiOkResponse({ type: [ExtensionDto] })
  getMeasureExtensions(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<ExtensionDto[]> {
    return this.extensions.listForMeasure(id, actor);
  }
}
