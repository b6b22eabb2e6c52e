import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, READERS, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import type { Actor } from '../../common/http/request-context.js';
import {
  CloseReportRoundDto,
  CreateReportRoundDto,
  MissingUnitDto,
  PendingReportDto,
  ReportFormDto,
  ReportFormQueryDto,
  ReportRoundDto,
  ReportRoundQueryDto,
  ReportRoundSummaryDto,
  ReportScheduleDto,
  ReturnSubmissionDto,
  SubmitReportDto,
  UnitSubmissionsDto,
  UpdateReportScheduleDto,
  UrgedReportsDto,
  UrgeReportsDto,
} from './dto/report-round.dto.js';
import { ReportRoundsService } from './report-rounds.service.js';

@ApiTags('report-rounds')
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller()
export class ReportRoundsController {
  constructor(private readonly rounds: ReportRoundsService) {}

  @Roles('task_force_officer')
  @Post('inspections/:id/report-rounds')
  @ApiCreatedResponse({ type: ReportRoundDto })
  openReportRound(
    @Param('id', IdPipe) id: string,
    @Body() dto: CreateReportRoundDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReportRoundDto> {
    return this.rounds.open(id, dto, actor);
  }

  @Roles(...READERS)
  @Get('inspections/:id/report-rounds')
  @ApiOkResponse({ type: [ReportRoundSummaryDto], description: 'newest first' })
  getReportRounds(
    @Param('id', IdPipe) id: string,
    @Query() query: ReportRoundQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReportRoundSummaryDto[]> {
    return this.rounds.list(id, actor, query.status);
  }

  @Roles(...READERS)
  @Get('inspections/:id/report-schedule')
  @ApiOkResponse({ type: ReportScheduleDto })
  getReportSchedule(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<ReportScheduleDto> {
    return this.rounds.schedule(id, actor);
  }

  @Roles('task_force_officer')
  @Put('inspections/:id/report-schedule')
  @ApiOkResponse({ type: ReportScheduleDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  updateReportSchedule(
    @Param('id', IdPipe) id: string,
    @Body() dto: UpdateReportScheduleDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReportScheduleDto> {
    return this.rounds.updateSchedule(id, dto, actor);
  }

  // before report-rounds/:id, which would take "pending" for an id
  @Roles(...READERS)
  @Get('report-rounds/pending')
  @ApiOkResponse({ type: [PendingReportDto], description: '待报送: open rounds the caller’s units still owe' })
  getPendingReports(@CurrentActor() actor: Actor): Promise<PendingReportDto[]> {
    return this.rounds.pending(actor);
  }

  @Roles(...READERS)
  @Get('report-rounds/:id')
  @ApiOkResponse({ type: ReportRoundDto })
  getReportRound(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<ReportRoundDto> {
    return this.rounds.get(id, actor);
  }

  @Roles(...READERS)
  @Get('report-rounds/:id/missing')
  @ApiOkResponse({ type: [MissingUnitDto] })
  getMissingReports(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<MissingUnitDto[]> {
    return this.rounds.missing(id, actor);
  }

  @Roles('task_force_officer')
  @Post('report-rounds/:id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportRoundDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  closeReportRound(
    @Param('id', IdPipe) id: string,
    @Body() dto: CloseReportRoundDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReportRoundDto> {
    return this.rounds.close(id, dto, actor);
  }

  @Roles('task_force_officer')
  @Post('report-rounds/:id/urge')
  @ApiCreatedResponse({ type: UrgedReportsDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ROUND_CLOSED, or nobody owes a report' })
  urgeReports(
    @Param('id', IdPipe) id: string,
    @Body() dto: UrgeReportsDto,
    @CurrentActor() actor: Actor,
  ): Promise<UrgedReportsDto> {
    return this.rounds.urge(id, dto, actor);
  }

  @Roles(...READERS)
  @Get('report-rounds/:id/form')
  @ApiOkResponse({ type: ReportFormDto, description: 'the unit’s measures pre-filled for its report' })
  getReportForm(
    @Param('id', IdPipe) id: string,
    @Query() query: ReportFormQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReportFormDto> {
    return this.rounds.form(id, query.unitId?.toLowerCase(), actor);
  }

  @Roles('unit_leader')
  @Post('report-rounds/:id/submissions')
  @ApiCreatedResponse({ type: UnitSubmissionsDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'REPORT_ALREADY_SUBMITTED, ROUND_CLOSED' })
  submitReport(
    @Param('id', IdPipe) id: string,
    @Body() dto: SubmitReportDto,
    @CurrentActor() actor: Actor,
  ): Promise<UnitSubmissionsDto> {
    return this.rounds.submit(id, dto, actor);
  }

  @Roles(...READERS)
  @Get('report-rounds/:id/submissions/:unitId')
  @ApiOkResponse({ type: UnitSubmissionsDto, description: 'the frozen snapshot; later edits never change it' })
  getSubmission(
    @Param('id', IdPipe) id: string,
    @Param('unitId', IdPipe) unitId: string,
    @CurrentActor() actor: Actor,
  ): Promise<UnitSubmissionsDto> {
    return this.rounds.submissions(id, unitId, actor);
  }

  @Roles('task_force_officer')
  @Post('report-rounds/:id/submissions/:unitId/return')
  @HttpCode(200)
  @ApiOkResponse({ type: UnitSubmissionsDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  returnSubmission(
    @Param('id', IdPipe) id: string,
    @Param('unitId', IdPipe) unitId: string,
    @Body() dto: ReturnSubmissionDto,
    @CurrentActor() actor: Actor,
  ): Promise<UnitSubmissionsDto> {
    return this.rounds.returnSubmission(id, unitId, dto, actor);
  }
}
