import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.js';
import { VersionedDto } from '../../../common/http/versioned.dto.js';
import { IsCalendarDate } from '../../../common/http/validators.js';
import { RefDto } from '../../units/dto/ref.dto.js';

export const CHECKPOINT_REVIEW_OUTCOMES = ['reached', 'missed'] as const;
export type CheckpointReviewOutcome = (typeof CHECKPOINT_REVIEW_OUTCOMES)[number];
export const CHECKPOINT_REVIEW_LIST_STATUSES = ['pending', 'done'] as const;
export type CheckpointReviewListStatus = (typeof CHECKPOINT_REVIEW_LIST_STATUSES)[number];

export class CheckpointReviewQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '巡视轮次编号格式不正确' })
  inspectionId?: string;

  @ApiPropertyOptional({ enum: CHECKPOINT_REVIEW_LIST_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(CHECKPOINT_REVIEW_LIST_STATUSES, { message: '状态只能是 pending（待评估）或 done（已评估）' })
  status?: CheckpointReviewListStatus;
}

export class NextCheckpointDto {
  @ApiProperty({ format: 'date' }) @IsCalendarDate({ message: '下一检查节点日期格式不正确' }) dueOn: string;
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString({ message: '检查节点名称须为文字' })
  @MaxLength(200, { message: '检查节点名称不能超过 200 字' })
  title?: string;
}

export class ReviewCheckpointDto extends VersionedDto {
  @ApiProperty({ enum: CHECKPOINT_REVIEW_OUTCOMES, description: 'reached: 达到阶段目标; missed: 未达到' })
  @IsIn(CHECKPOINT_REVIEW_OUTCOMES, { message: '评估结论只能是 reached（达到阶段目标）或 missed（未达到）' })
  outcome: CheckpointReviewOutcome;

  @ApiProperty({ maxLength: 2000, description: '评估意见' })
  @IsString({ message: '请填写评估意见' })
  @IsNotEmpty({ message: '请填写评估意见' })
  @MaxLength(2000, { message: '评估意见不能超过 2000 字' })
  opinion: string;

  @ApiPropertyOptional({ type: NextCheckpointDto, description: 'reached: the next checkpoint (or complete: true)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NextCheckpointDto)
  nextCheckpoint?: NextCheckpointDto;

  @ApiPropertyOptional({ description: 'reached: the measure is 已完成 (instead of a next checkpoint)' })
  @IsOptional()
  @IsBoolean({ message: 'complete 须为 true 或 false' })
  complete?: boolean;
}

export class CheckpointReviewItemDto {
  @ApiProperty({ format: 'uuid' }) checkpointId: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, format: 'date' }) dueOn: string;
  @ApiProperty({ description: 'days past the checkpoint (today, or the review day once reviewed); 0 on its day' })
  daysOverdue: number;
  @ApiProperty({ enum: ['pending', 'done'] }) status: string;
  @ApiProperty({ format: 'uuid' }) measureId: string;
  @ApiProperty({ format: 'uuid' }) problemId: string;
  @ApiProperty({ format: 'uuid' }) inspectionId: string;
  @ApiProperty({ description: 'e.g. 一(1)' }) measureLabel: string;
  @ApiProperty() measureText: string;
  @ApiProperty() measureStatus: string;
  @ApiProperty() measureStatusLabel: string;
  @ApiProperty({ description: 'the version to review against' }) measureVersion: number;
  @ApiProperty({ type: [RefDto] }) units: RefDto[];
  @ApiProperty({ type: String, enum: CHECKPOINT_REVIEW_OUTCOMES, nullable: true }) outcome: string | null;
  @ApiProperty({ type: String, nullable: true }) outcomeLabel: string | null;
  @ApiProperty({ type: String, nullable: true }) opinion: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt: string | null;
  @ApiProperty({ type: RefDto, nullable: true }) reviewedBy: RefDto | null;
}

export class CheckpointReviewPageDto {
  @ApiProperty({ type: [CheckpointReviewItemDto] }) items: CheckpointReviewItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
