import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import { JobRunDto, JobRunPageDto, JobRunQueryDto, JobsOverviewDto, QueuedJobDto, RunJobDto } from './dto/job.dto.js';
import { JobRunsService } from './job-runs.service.js';

// The system admin's page of background jobs (系统管理 › 后台任务).
@ApiTags('jobs')
@ApiForbiddenResponse({ type: ErrorBodyDto })
@Controller('jobs')
export class JobsController {
  constructor(private readonly runs: JobRunsService) {}

  @Roles('system_admin')
  @Get()
  @ApiOkResponse({ type: JobsOverviewDto })
  getJobs(): Promise<JobsOverviewDto> {
    return this.runs.overview();
  }

  @Roles('system_admin')
  @Get('runs')
  @ApiOkResponse({ type: JobRunPageDto })
  getJobRuns(@Query() query: JobRunQueryDto): Promise<JobRunPageDto> {
    return this.runs.runs(query);
  }

  @Roles('system_admin')
  @Post('run')
  @ApiCreatedResponse({ type: QueuedJobDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto })
  runJob(@Body() dto: RunJobDto): Promise<QueuedJobDto> {
    return this.runs.runNow(dto.name);
  }

  @Roles('system_admin')
  @Post('runs/:id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: JobRunDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  retryJobRun(@Param('id', IdPipe) id: string): Promise<JobRunDto> {
    return this.runs.retry(id);
  }
}
