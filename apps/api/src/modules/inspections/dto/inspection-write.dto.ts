import { IsCalendarDate } from '../../../common/http/validators.js';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { VersionedDto } from '../../../common/http/versioned.dto.js';

export class CreateInspectionDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiProperty({ enum: ['xunshi', 'xuncha'] }) @IsIn(['xunshi', 'xuncha']) kind: 'xunshi' | 'xuncha';
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  issuer?: string | null;
  @ApiPropertyOptional({ enum: ['central', 'provincial', 'municipal', 'county', 'internal'], nullable: true })
  @IsOptional()
  @IsIn(['central', 'provincial', 'municipal', 'county', 'internal'])
  level?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 20 }) @IsOptional() @IsString() @MaxLength(20) term?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 20 })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  issuingCommittee?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(99) round?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  group?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  inspectionType?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  target?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) @IsOptional() @IsCalendarDate() onSiteFrom?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) @IsOptional() @IsCalendarDate() onSiteTo?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) @IsOptional() @IsCalendarDate() feedbackDate?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) @IsOptional() @IsCalendarDate() planDueDate?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', description: 'end of the concentrated period' })
  @IsOptional()
  @IsCalendarDate()
  rectificationEnd?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) @IsOptional() @IsCalendarDate() reportDue?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '时间格式应为 ISO 8601' })
  publishedAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  publicityFrom?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) @IsOptional() @IsCalendarDate() publicityTo?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  contactPhone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contactHours?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contactEmail?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contactAddress?: string | null;
  @ApiPropertyOptional({ minimum: 0, maximum: 90, default: 7 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(90)
  yellowDays?: number;
}

/** Title, kind and yellowDays are required; every other field may be cleared with null (or an empty text). */
export class UpdateInspectionDto extends PartialType(CreateInspectionDto) {
  @ApiPropertyOptional({ description: 'the version you read; a stale or missing one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CategoryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) inspectionId: string;
  @ApiProperty() seq: number;
  @ApiProperty({ type: String, nullable: true }) label: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty() problemCount: number;
  @ApiProperty() version: number;
}

export class CreateCategoryDto {
  @ApiProperty({ maxLength: 200, example: '在贯彻落实党中央决策部署方面' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;
  @ApiPropertyOptional({ maxLength: 20, example: '（一）' }) @IsOptional() @IsString() @MaxLength(20) label?: string;
  @ApiPropertyOptional({ description: 'default: last' }) @IsOptional() @IsInt() @Min(1) @Max(999) seq?: number;
  @ApiPropertyOptional({ maxLength: 30, example: 'POLICY' }) @IsOptional() @IsString() @MaxLength(30) code?: string;
}

export class UpdateCategoryDto extends VersionedDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;
  @ApiPropertyOptional({ maxLength: 20 }) @IsOptional() @IsString() @MaxLength(20) label?: string;
  @ApiPropertyOptional({ maxLength: 30 }) @IsOptional() @IsString() @MaxLength(30) code?: string;
}
