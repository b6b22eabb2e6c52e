import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  PUNCTUALITIES,
  ROUND_STATUSES,
  ROUND_UNIT_STATUSES,
  type Punctuality,
  type RoundStatus,
  type RoundUnitStatus,
} from '@zhenggai/domain';
import { IsCalendarDate } from '../../../common/http/validators.js';
import { VersionedDto } from '../../../common/http/versioned.dto.js';
import { RefDto } from '../../units/dto/ref.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateReportRoundDto {
  @ApiPropertyOptional({
    maxLength: 100,
    example: '2024年6月整改进展报送',
    description: 'defaults from the period end',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100, { message: '标题不超过 100 字' })
  title?: string;

  @ApiProperty({ example: '2024-06-30', description: 'progress up to this day' })
  @IsCalendarDate()
  periodEnd: string;

  @ApiProperty({ example: '2024-07-05', description: 'units report by this day (today or later)' })
  @IsCalendarDate()
  dueDate: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'the units that report; default: every unit with an open measure of the inspection',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: '请至少选择一个报送单位' })
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  unitIds?: string[];
}

export class RoundCountsDto {
  @ApiProperty({ description: 'units in scope' }) expected: number;
  @ApiProperty({ description: 'units whose report stands (on time or late)' }) submitted: number;
  @ApiProperty({ description: 'units without a standing report (not yet, or returned)' }) missing: number;
  @ApiProperty({ description: 'units that reported after the due date' }) late: number;
}

export class RoundUnitDto {
  @ApiProperty({ type: RefDto }) unit: RefDto;
  @ApiProperty({ enum: ROUND_UNIT_STATUSES }) status: RoundUnitStatus;
  @ApiProperty({ example: '已报送' }) statusLabel: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'who submitted the standing report' })
  submittedBy: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'why the last report was returned' })
  returnReason: string | null;
  @ApiProperty({ enum: PUNCTUALITIES, nullable: true, description: 'recorded on submission and at close' })
  punctuality: Punctuality | null;
  @ApiProperty({ type: String, nullable: true, example: '按时报送' }) punctualityLabel: string | null;
}

export class ReportRoundSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) inspectionId: string;
  @ApiProperty() seq: number;
  @ApiProperty({ example: '第3期' }) number: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: '2024-06-30' }) periodEnd: string;
  @ApiProperty({ example: '2024-07-05' }) dueDate: string;
  @ApiProperty({ enum: ROUND_STATUSES }) status: RoundStatus;
  @ApiProperty({ example: '报送中' }) statusLabel: string;
  @ApiProperty({ description: 'opened by the schedule, not by hand' }) scheduled: boolean;
  @ApiProperty({ type: RoundCountsDto }) counts: RoundCountsDto;
  @ApiProperty({ type: RefDto, nullable: true }) openedBy: RefDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) openedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty() version: number;
}

export class ReportRoundDto extends ReportRoundSummaryDto {
  @ApiProperty({ type: [RoundUnitDto], description: 'the units in scope the caller may see' })
  units: RoundUnitDto[];
}

export class CloseReportRoundDto extends VersionedDto {}

export class ReportScheduleDto {
  @ApiProperty({ format: 'uuid' }) inspectionId: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ minimum: 1, maximum: 28 }) dayOfMonth: number;
  @ApiProperty({ minimum: 1, maximum: 31 }) dueAfterDays: number;
  @ApiProperty({ example: '每月25日自动开启报送轮次，5天内报送' }) text: string;
  @ApiProperty({ type: RefDto, nullable: true }) updatedBy: RefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
  @ApiProperty({ description: '1 while the default applies' }) version: number;
}

export class UpdateReportScheduleDto extends VersionedDto {
  @ApiProperty() @IsBoolean() enabled: boolean;

  @ApiProperty({ minimum: 1, maximum: 28 })
  @IsInt({ message: '每月报送日须为整数' })
  @Min(1, { message: '每月报送日须为 1 至 28 日' })
  @Max(28, { message: '每月报送日须为 1 至 28 日' })
  dayOfMonth: number;

  @ApiProperty({ minimum: 1, maximum: 31 })
  @IsInt({ message: '报送期限须为整数天' })
  @Min(1, { message: '报送期限须为开启后 1 至 31 天' })
  @Max(31, { message: '报送期限须为开启后 1 至 31 天' })
  dueAfterDays: number;
}

export class MissingUnitContactDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ example: ['单位负责人'], description: 'role labels' }) roles: string[];
}

export class MissingUnitDto {
  @ApiProperty({ type: RefDto }) unit: RefDto;
  @ApiProperty({ enum: ['pending', 'returned'] }) status: RoundUnitStatus;
  @ApiProperty({ example: '未报送' }) statusLabel: string;
  @ApiProperty({ description: 'open measures the unit carries in the inspection' }) openMeasures: number;
  @ApiProperty({ type: [MissingUnitContactDto] }) contacts: MissingUnitContactDto[];
}

export class ReportItemInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  measureId: string;

  @ApiProperty({ maxLength: 2000, description: 'this period’s progress in the unit’s words' })
  @Transform(trim)
  @IsString()
  @MaxLength(2000, { message: '进展情况不超过 2000 字' })
  progress: string;

  @ApiPropertyOptional({ type: [String], description: 'evidence already uploaded to this measure' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  evidenceIds?: string[];
}

export class SubmitReportDto {
  @ApiProperty({ format: 'uuid', description: 'the reporting unit (one of the caller’s)' })
  @IsUUID('all', { message: '请选择报送单位' })
  unitId: string;

  @ApiProperty({ type: [ReportItemInputDto], description: 'one item per open measure of the unit' })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => ReportItemInputDto)
  items: ReportItemInputDto[];
}

export class ReturnSubmissionDto {
  @ApiProperty({ maxLength: 500 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: '请填写退回原因' })
  @MaxLength(500, { message: '退回原因不超过 500 字' })
  reason: string;
}

export class SnapshotItemDto {
  @ApiProperty({ format: 'uuid' }) measureId: string;
  @ApiProperty({ format: 'uuid' }) problemId: string;
  @ApiProperty({ example: '一(1)' }) label: string;
  @ApiProperty() problemTitle: string;
  @ApiProperty() text: string;
  @ApiProperty({ example: 'in_progress' }) status: string;
  @ApiProperty({ example: '推进中' }) statusLabel: string;
  @ApiProperty({ type: String, nullable: true }) deadline: string | null;
  @ApiProperty({ example: 'yellow' }) light: string;
  @ApiProperty({ example: '临期' }) lightLabel: string;
  @ApiProperty() progress: string;
  @ApiProperty({ type: [String] }) evidenceIds: string[];
}

export class SubmissionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty({ type: RefDto }) unit: RefDto;
  @ApiProperty({ description: '1 for the first report, 2 after one return …' }) attempt: number;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt: string;
  @ApiProperty() submittedBy: string;
  @ApiProperty() late: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) returnedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) returnReason: string | null;
  @ApiProperty({ type: [SnapshotItemDto] }) items: SnapshotItemDto[];
}

export class UnitSubmissionsDto extends SubmissionDto {
  @ApiProperty({ type: [SubmissionDto], description: 'earlier (returned) submissions, newest first' })
  history: SubmissionDto[];
}

export class ReportFormItemDto {
  @ApiProperty({ format: 'uuid' }) measureId: string;
  @ApiProperty({ format: 'uuid' }) problemId: string;
  @ApiProperty({ example: '一(1)' }) label: string;
  @ApiProperty() problemTitle: string;
  @ApiProperty() text: string;
  @ApiProperty() status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ type: String, nullable: true }) deadline: string | null;
  @ApiProperty() light: string;
  @ApiProperty() lightLabel: string;
  @ApiProperty({ description: 'open: the unit must write this period’s progress' }) open: boolean;
  @ApiProperty({ description: 'pre-filled: the returned report’s text, else the measure’s latest progress' })
  progress: string;
  @ApiProperty({ type: [String] }) evidenceIds: string[];
}

export class ReportFormDto {
  @ApiProperty({ type: ReportRoundSummaryDto }) round: ReportRoundSummaryDto;
  @ApiProperty({ type: RefDto }) unit: RefDto;
  @ApiProperty({ enum: ROUND_UNIT_STATUSES }) status: RoundUnitStatus;
  @ApiProperty({ type: String, nullable: true }) returnReason: string | null;
  @ApiProperty({ description: 'false once the report stands or the round is closed' }) canSubmit: boolean;
  @ApiProperty({ type: [ReportFormItemDto] }) items: ReportFormItemDto[];
}

export class PendingReportDto {
  @ApiProperty({ type: ReportRoundSummaryDto }) round: ReportRoundSummaryDto;
  @ApiProperty({ type: RefDto }) unit: RefDto;
  @ApiProperty({ enum: ['pending', 'returned'] }) status: RoundUnitStatus;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ type: String, nullable: true }) returnReason: string | null;
}

export class ReportFormQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the reporting unit; default: the caller’s unit in the round' })
  @IsOptional()
  @IsUUID('all', { message: '单位编号格式不正确' })
  unitId?: string;
}

export class ReportRoundQueryDto {
  @ApiPropertyOptional({ enum: ROUND_STATUSES })
  @IsOptional()
  @IsIn(ROUND_STATUSES)
  status?: RoundStatus;
}

export class UrgeReportsDto {
  @ApiPropertyOptional({ type: [String], description: 'the units to urge; default: every unit still owing its report' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: '请至少选择一个单位' })
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  unitIds?: string[];

  @ApiPropertyOptional({ maxLength: 500, description: 'the officer’s words; a standard text without' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500, { message: '催报内容不超过 500 字' })
  message?: string;
}

export class UrgedReportsDto {
  @ApiProperty({ description: 'units urged' }) units: number;
  @ApiProperty({ description: 'accounts notified' }) recipients: number;
}
