import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MEASURE_TERMS, type MeasureTerm } from '@zhenggai/domain';
import { VersionedDto } from '../../../common/http/versioned.dto.js';

export const PROBLEM_SOURCES = ['feedback', 'transferred', 'look_back', 'self_found'] as const;

export class CreateProblemDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() inspectionId: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() categoryId?: string;
  @ApiPropertyOptional({ description: 'position in the official order; default: last' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9999)
  seq?: number;
  @ApiPropertyOptional({ maxLength: 20, description: 'the official number as printed; default: "<seq>."' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  label?: string;
  @ApiProperty({ maxLength: 500 }) @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @ApiPropertyOptional({ maxLength: 10000 }) @IsOptional() @IsString() @MaxLength(10000) description?: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) goal?: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) rootCause?: string;
  @ApiPropertyOptional({ enum: MEASURE_TERMS }) @IsOptional() @IsIn(MEASURE_TERMS) term?: MeasureTerm;
  @ApiPropertyOptional({ enum: PROBLEM_SOURCES }) @IsOptional() @IsIn(PROBLEM_SOURCES) source?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'lead leader (牵头领导)' })
  @IsOptional()
  @IsUUID()
  leadLeaderId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'lead unit (牵头单位)' })
  @IsOptional()
  @IsUUID()
  leadUnitId?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) remarks?: string;
}

export class UpdateProblemDto extends VersionedDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() categoryId?:
    string | null;
  @ApiPropertyOptional({ maxLength: 20 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(20) label?: string;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500) title?: string;
  @ApiPropertyOptional({ type: String, maxLength: 10000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string | null;
  @ApiPropertyOptional({ type: String, maxLength: 5000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  goal?: string | null;
  @ApiPropertyOptional({ type: String, maxLength: 5000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  rootCause?: string | null;
  @ApiPropertyOptional({ enum: MEASURE_TERMS }) @IsOptional() @IsIn(MEASURE_TERMS) term?: MeasureTerm;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() leadLeaderId?:
    string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() leadUnitId?:
    string | null;
  @ApiPropertyOptional({ type: String, maxLength: 2000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  remarks?: string | null;
}
