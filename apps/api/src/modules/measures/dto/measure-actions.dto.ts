import { IsCalendarDate } from '../../../common/http/validators.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { APPROVAL_OUTCOMES, MEASURE_TERMS, type ApprovalOutcome, type MeasureTerm } from '@zhenggai/domain';

import { VersionedDto } from '../../../common/http/versioned.dto.js';
export { VersionedDto };

export class SubmitMeasureDto extends VersionedDto {
  @ApiProperty({ description: 'completion note (完成情况说明)', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;

  @ApiProperty({ type: [String], description: 'evidence: ids of attachments of this measure (at least one)' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  attachmentIds: string[];
}

export class ApproveMeasureDto extends VersionedDto {
  @ApiProperty({ enum: APPROVAL_OUTCOMES, description: 'completed 已完成 | deemed_completed 视同完成' })
  @IsIn(APPROVAL_OUTCOMES)
  outcome: ApprovalOutcome;

  @ApiPropertyOptional({ description: 'review opinion (审核意见)', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  opinion?: string;

  @ApiPropertyOptional({ description: '视同完成: the stage outcome reached', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  stageOutcome?: string;

  @ApiPropertyOptional({ description: '视同完成: the long-term mechanism', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  longTermMechanism?: string;

  @ApiPropertyOptional({ format: 'date', description: '视同完成: the next checkpoint (required)' })
  @IsOptional()
  @IsCalendarDate()
  nextCheckpoint?: string;
}

export class ReasonDto extends VersionedDto {
  @ApiProperty({ description: 'why (mandatory)', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class UpdateMeasureDto extends VersionedDto {
  @ApiPropertyOptional({ type: String, maxLength: 200, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  lead?: string | null;
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(5000) text?: string;
  @ApiPropertyOptional({ enum: MEASURE_TERMS }) @IsOptional() @IsIn(MEASURE_TERMS) term?: MeasureTerm;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsCalendarDate() deadline?:
    string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() responsibleLeaderId?:
    string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() responsiblePersonId?:
    string | null;
  @ApiPropertyOptional({ type: String, maxLength: 2000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  remarks?: string | null;
}

export class CreateMeasureDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() problemId: string;
  @ApiPropertyOptional({ description: 'position in the problem; default: last' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999)
  seq?: number;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) lead?: string;
  @ApiProperty({ maxLength: 5000 }) @IsString() @IsNotEmpty() @MaxLength(5000) text: string;
  @ApiPropertyOptional({ enum: MEASURE_TERMS }) @IsOptional() @IsIn(MEASURE_TERMS) term?: MeasureTerm;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsCalendarDate() deadline?: string;
  @ApiProperty({ format: 'uuid', description: 'lead unit (牵头单位)' }) @IsUUID() leadUnitId: string;
  @ApiPropertyOptional({ type: [String], description: 'co-units (配合单位)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  coUnitIds?: string[];
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() responsibleLeaderId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() responsiblePersonId?: string;
}

export class SetMeasureUnitsDto extends VersionedDto {
  @ApiProperty({ format: 'uuid', description: 'lead unit (牵头单位)' }) @IsUUID() leadUnitId: string;
  @ApiProperty({ type: [String], description: 'co-units (配合单位)' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  coUnitIds: string[];
}

export class ProgressFactDto {
  @ApiProperty({ maxLength: 100 }) @IsString() @IsNotEmpty() @MaxLength(100) label: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(0) done?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(0) total?: number;
  @ApiPropertyOptional({ maxLength: 10 }) @IsOptional() @IsString() @MaxLength(10) unit?: string;
}

export class CreateProgressDto {
  @ApiPropertyOptional({ format: 'date', description: 'default: today' })
  @IsOptional()
  @IsCalendarDate()
  reportedOn?: string;
  @ApiProperty({ maxLength: 5000 }) @IsString() @IsNotEmpty() @MaxLength(5000) text: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: "the unit's progress in percent" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  progress?: number;
  @ApiPropertyOptional({ type: [ProgressFactDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ProgressFactDto)
  facts?: ProgressFactDto[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class RequestExtensionDto {
  @ApiProperty({ format: 'date' }) @IsCalendarDate() requestedDeadline: string;
  @ApiProperty({ maxLength: 2000 }) @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}

export class DecideExtensionDto extends VersionedDto {
  @ApiPropertyOptional({ maxLength: 2000, description: 'required when refusing' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  opinion?: string;
}

export class CreateCheckpointDto {
  @ApiProperty({ format: 'date' }) @IsCalendarDate() dueOn: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) title?: string;
}
