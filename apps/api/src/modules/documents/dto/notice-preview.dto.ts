import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { isIsoDate } from '@zhenggai/domain';

// The notice preview is also the commit body: the reviewer edits the preview and sends it back, so one set of
// classes documents the answer and validates the request (every nested level, with array caps).

export const MAX_PROBLEMS = 2000;
export const MAX_MEASURES_PER_PROBLEM = 100;
export const MAX_MEASURES = 20000;
export const MAX_TEXT = 1_000_000;
export const MAX_SOURCE_TEXT = 400_000;

const MONTH_ONLY = /^\d{4}-(0[1-9]|1[0-2])$/;

/** YYYY-MM-DD, or YYYY-MM as the parser reports a month-only date (stored as no date). */
function IsDateOrMonth(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && (isIsoDate(value) || MONTH_ONLY.test(value)),
      },
    },
    options,
  );
}

export const isMonthOnly = (value: string | null | undefined): boolean =>
  typeof value === 'string' && MONTH_ONLY.test(value);

export class NoticeTextDto {
  @ApiPropertyOptional({
    description: 'the notice text (at most 1 MB); or send a multipart field `file` instead',
    maxLength: MAX_TEXT,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  text?: string;
}

export class PreviewInspectionDto {
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) title:
    string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 100, example: '中共武汉经开区党工委' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  issuer: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['xunshi', 'xuncha'], description: 'xunshi 巡视 | xuncha 巡察' })
  @IsOptional()
  @IsIn(['xunshi', 'xuncha'])
  kind: 'xunshi' | 'xuncha' | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 20, example: '十二届' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  term: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 20, example: '省委' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  issuingCommittee: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 4 }) @IsOptional() @IsInt() @Min(1) @Max(99) round:
    number | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 100, example: '省委第六巡视组' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  group: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 50, example: '常规巡视' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  inspectionType: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) target:
    string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) @IsOptional() @IsDateOrMonth() onSiteFrom:
    string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) @IsOptional() @IsDateOrMonth() onSiteTo: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) @IsOptional() @IsDateOrMonth() feedbackDate:
    string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  publishedAt: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) @IsOptional() @IsDateOrMonth() publicityFrom:
    string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) @IsOptional() @IsDateOrMonth() publicityTo:
    string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 50 }) @IsOptional() @IsString() @MaxLength(50) contactPhone:
    string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contactHours: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contactEmail: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'the signature date' })
  @IsOptional()
  @IsDateOrMonth()
  signedOn?: string | null;
}

export class PreviewCategoryDto {
  @ApiProperty() @IsInt() @Min(1) @Max(999) seq: number;
  @ApiProperty({ type: String, nullable: true, example: '(一)' }) @IsOptional() @IsString() @MaxLength(20) label:
    string | null;
  @ApiProperty({ maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
}

export class PreviewMeasureDto {
  @ApiProperty({ description: '一是 → 1' }) @IsInt() @Min(1) @Max(999) seq: number;
  @ApiProperty({ type: String, nullable: true, maxLength: 200, description: 'short lead sentence' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  lead: string | null;
  @ApiProperty({ maxLength: 20000 }) @IsString() @IsNotEmpty() @MaxLength(20000) text: string;
}

export class PreviewFactDto {
  @ApiProperty({ description: 'the number as printed' }) @IsNumber() @Min(-1e12) @Max(1e12) value: number;
  @ApiProperty({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(20) unit: string | null;
  @ApiProperty({ enum: [1, 10000, 100000000] }) @IsIn([1, 10000, 100000000]) multiplier: 1 | 10000 | 100000000;
  @ApiProperty({ enum: ['quantity', 'percent', 'ratio', 'rank'] })
  @IsIn(['quantity', 'percent', 'ratio', 'rank'])
  kind: string;
  @ApiProperty() @IsBoolean() approx: boolean;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(1e12) done?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(1e12) total?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(1e12) remaining?: number;
  @ApiProperty({ maxLength: 500 }) @IsString() @MaxLength(500) rawText: string;
}

export class PreviewAccountabilityDto {
  @ApiProperty({ maxLength: 30, example: '问责' }) @IsString() @IsNotEmpty() @MaxLength(30) form: string;
  @ApiProperty({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) count: number | null;
  @ApiProperty({ type: String, nullable: true, enum: ['人', '人次', '家'] })
  @IsOptional()
  @IsIn(['人', '人次', '家'])
  countUnit: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) rawText:
    string | null;
}

export class PreviewRuleDto {
  @ApiProperty({ maxLength: 300 }) @IsString() @IsNotEmpty() @MaxLength(300) title: string;
  @ApiProperty({ enum: ['issued', 'revised', 'studied', 'mentioned'] })
  @IsIn(['issued', 'revised', 'studied', 'mentioned'])
  role: string;
  @ApiProperty({ type: String, nullable: true, maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) rawText:
    string | null;
}

export class PreviewFundDto {
  @ApiProperty({ maxLength: 20, example: '追缴' }) @IsString() @IsNotEmpty() @MaxLength(20) kind: string;
  @ApiProperty({ description: '万元' }) @IsNumber() @Min(0) @Max(1e10) amount: number;
  @ApiProperty({ enum: ['万元'] }) @IsIn(['万元']) unit: string;
  @ApiProperty({ type: String, nullable: true, maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) rawText:
    string | null;
}

export class PreviewProblemDto {
  @ApiProperty({ description: '1-based order in the text' }) @IsInt() @Min(1) @Max(100000) seq: number;
  @ApiProperty({ maxLength: 20, example: '7.' }) @IsString() @IsNotEmpty() @MaxLength(20) label: string;
  @ApiProperty({ maxLength: 500 }) @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'seq of its category' })
  @IsOptional()
  @IsInt()
  @Min(1)
  categorySeq?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'seq of the enclosing problem (sub-problems)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  parentSeq?: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'the sentence(s) before 一是' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  overview: string | null;
  @ApiProperty({ type: [PreviewMeasureDto] })
  @IsArray()
  @ArrayMaxSize(MAX_MEASURES_PER_PROBLEM)
  @ValidateNested({ each: true })
  @Type(() => PreviewMeasureDto)
  measures: PreviewMeasureDto[];
  @ApiProperty({ type: [PreviewFactDto] })
  @IsArray()
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => PreviewFactDto)
  facts: PreviewFactDto[];
  @ApiProperty({ type: [PreviewAccountabilityDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PreviewAccountabilityDto)
  accountability: PreviewAccountabilityDto[];
  @ApiProperty({ type: [PreviewRuleDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PreviewRuleDto)
  rules: PreviewRuleDto[];
  @ApiProperty({ type: [PreviewFundDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PreviewFundDto)
  funds: PreviewFundDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['completed', 'ongoing'],
    description: 'a hint for the reviewer; never stored as a status',
  })
  @IsOptional()
  @IsIn(['completed', 'ongoing'])
  statusHint: 'completed' | 'ongoing' | null;
  @ApiPropertyOptional({ description: 'the text ends inside this problem' })
  @IsOptional()
  @IsBoolean()
  truncated?: boolean;
}

export class PreviewWarningDto {
  @ApiProperty({ maxLength: 50, example: 'DATE_IMPRECISE' }) @IsString() @MaxLength(50) code: string;
  @ApiProperty({ maxLength: 1000 }) @IsString() @MaxLength(1000) message: string;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) excerpt?: string;
}

export class PreviewStatsDto {
  @ApiProperty() @IsInt() @Min(0) problems: number;
  @ApiProperty() @IsInt() @Min(0) measures: number;
}

export class NoticePreviewDto {
  @ApiProperty({ type: PreviewInspectionDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PreviewInspectionDto)
  inspection: PreviewInspectionDto;
  @ApiProperty({ type: [PreviewCategoryDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PreviewCategoryDto)
  categories: PreviewCategoryDto[];
  @ApiProperty({ type: [PreviewProblemDto] })
  @IsArray()
  @ArrayMaxSize(MAX_PROBLEMS)
  @ValidateNested({ each: true })
  @Type(() => PreviewProblemDto)
  problems: PreviewProblemDto[];
  @ApiProperty({ type: [PreviewWarningDto] })
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => PreviewWarningDto)
  warnings: PreviewWarningDto[];
  @ApiProperty({ type: PreviewStatsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PreviewStatsDto)
  stats: PreviewStatsDto;
  @ApiPropertyOptional({
    description: 'the text that was read (kept with the inspection for the notice export)',
    maxLength: MAX_SOURCE_TEXT,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SOURCE_TEXT)
  sourceText?: string;
}

export class CommitNoticeDto extends NoticePreviewDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'lead unit of every imported measure; without it the measures are unassigned',
  })
  @IsOptional()
  @IsUUID()
  defaultLeadUnitId?: string;
}

export class NoticeImportResultDto {
  @ApiProperty({ format: 'uuid' }) inspectionId: string;
  @ApiProperty() problems: number;
  @ApiProperty() measures: number;
}
