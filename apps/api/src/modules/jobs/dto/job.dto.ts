import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.js';

export const JOB_RUN_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobRunState = (typeof JOB_RUN_STATES)[number];

export const JOB_RUN_STATE_LABELS: Record<JobRunState, string> = {
  created: '排队中',
  retry: '等待重试',
  active: '运行中',
  completed: '成功',
  cancelled: '已取消',
  failed: '失败',
};

// One run of a background job (a pg-boss job), as the system admin sees it.
export class JobRunDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'users.dormant-accounts' }) name: string;
  @ApiProperty({ example: '停用长期未登录的账号' }) label: string;
  @ApiProperty({ enum: JOB_RUN_STATES, enumName: 'JobRunState' }) state: JobRunState;
  @ApiProperty({ example: '成功' }) stateLabel: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ApiProperty({ description: 'attempts after the first so far' }) retryCount: number;
  @ApiProperty({ description: 'attempts allowed after the first' }) retryLimit: number;
  @ApiProperty({ type: String, nullable: true, description: 'the error of a failed attempt' }) error: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'what the run returned' })
  output: Record<string, unknown> | null;
}

export class JobRunPageDto {
  @ApiProperty({ type: [JobRunDto] }) items: JobRunDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

// A background job this API knows, with its schedule and its latest run.
export class JobDto {
  @ApiProperty({ example: 'users.dormant-accounts' }) name: string;
  @ApiProperty({ example: '停用长期未登录的账号' }) label: string;
  @ApiProperty({ type: String, nullable: true, example: '30 2 * * *', description: 'cron, China time' })
  cron: string | null;
  @ApiProperty({ type: String, nullable: true, example: '每天 02:30' }) scheduleText: string | null;
  @ApiProperty({ type: JobRunDto, nullable: true }) lastRun: JobRunDto | null;
  @ApiProperty({ description: 'failed runs in the kept history (30 days)' }) failedCount: number;
}

export class JobsOverviewDto {
  @ApiProperty({ description: 'whether the process that answered works the queues (JOBS=on)' }) working: boolean;
  @ApiProperty({ type: [JobDto] }) jobs: JobDto[];
}

export class JobRunQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'one job' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ enum: JOB_RUN_STATES, enumName: 'JobRunState' })
  @IsOptional()
  @IsIn(JOB_RUN_STATES)
  state?: JobRunState;
}

export class RunJobDto {
  @ApiProperty({ example: 'users.dormant-accounts' })
  @IsString()
  @MaxLength(100)
  @Matches(/^[\w.-]+$/)
  name: string;
}

export class QueuedJobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
}
