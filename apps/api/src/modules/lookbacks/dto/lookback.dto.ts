import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  LOOKBACK_RESULTS,
  LOOKBACK_STATUSES,
  MAX_SAMPLE_RATE_PCT,
  MIN_SAMPLE_RATE_PCT,
  SAMPLE_SEED_PATTERN,
  type LookbackResult,
  type LookbackStatus,
} from '@zhenggai/domain';
import { IsCalendarDate } from '../../../common/http/validators.js';
import { VersionedDto } from '../../../common/http/versioned.dto.js';
import { RefDto } from '../../units/dto/ref.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateLookbackDto {
  @ApiProperty({ maxLength: 100, example: '2024年整改“回头看”' })
  @Transform(trim)
  @IsString({ message: '请填写回头看名称' })
  @MinLength(1, { message: '请填写回头看名称' })
  @MaxLength(100, { message: '名称不超过 100 字' })
  title: string;

  @ApiProperty({ minimum: MIN_SAMPLE_RATE_PCT, maximum: MAX_SAMPLE_RATE_PCT, example: 20 })
  @IsInt({ message: '抽样比例须为整数' })
  @Min(MIN_SAMPLE_RATE_PCT, { message: '抽样比例须为 1% 至 100%' })
  @Max(MAX_SAMPLE_RATE_PCT, { message: '抽样比例须为 1% 至 100%' })
  sampleRatePct: number;

  @ApiPropertyOptional({
    example: '3f9a0c21',
    description: 'the seed of the draw; the same seed on the same ledger draws the same sample. Default: random',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(SAMPLE_SEED_PATTERN, { message: '随机种子为 1 至 32 位字母、数字、“-”或“_”' })
  seed?: string;
}

export class AddLookbackItemDto {
  @ApiProperty({ format: 'uuid', description: 'a signed-off measure of the inspection, added by hand' })
  @IsUUID('all', { message: '请选择措施' })
  measureId: string;
}

export class RecordLookbackResultDto extends VersionedDto {
  @ApiProperty({ enum: LOOKBACK_RESULTS })
  @IsIn(LOOKBACK_RESULTS, { message: '核查结果须为“巩固”或“反弹”' })
  result: LookbackResult;

  @ApiProperty({ maxLength: 2000, description: 'what the check found' })
  @Transform(trim)
  @IsString({ message: '请填写核查情况' })
  @MinLength(2, { message: '请填写核查情况' })
  @MaxLength(2000, { message: '核查情况不超过 2000 字' })
  finding: string;

  @ApiPropertyOptional({
    example: '2024-06-30',
    description: 'required for a rebound: the reopened measure’s deadline',
  })
  @IsOptional()
  @IsCalendarDate()
  deadline?: string;

  @ApiPropertyOptional({ type: [String], description: 'evidence of the finding: files of the measure' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class FinishLookbackDto extends VersionedDto {}

export class LookbackCountsDto {
  @ApiProperty({ description: 'items the caller sees' }) items: number;
  @ApiProperty() drawn: number;
  @ApiProperty({ description: 'added by hand' }) manual: number;
  @ApiProperty() checked: number;
  @ApiProperty() consolidated: number;
  @ApiProperty() rebounded: number;
  @ApiProperty({ description: 'rebounded / checked, percent with one decimal' }) reboundRatePct: number;
}

export class LookbackSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) inspectionId: string;
  @ApiProperty() seq: number;
  @ApiProperty({ example: '第1次回头看' }) number: string;
  @ApiProperty() title: string;
  @ApiProperty() sampleRatePct: number;
  @ApiProperty({ description: 'the stored seed of the draw' }) seed: string;
  @ApiProperty({ description: 'signed-off measures the sample was drawn from' }) population: number;
  @ApiProperty({ description: 'fingerprint of the drawn measures, to compare a redraw with' }) fingerprint: string;
  @ApiProperty({ enum: LOOKBACK_STATUSES }) status: LookbackStatus;
  @ApiProperty({ example: '核查中' }) statusLabel: string;
  @ApiProperty({ type: LookbackCountsDto }) counts: LookbackCountsDto;
  @ApiProperty({ type: RefDto, nullable: true }) createdBy: RefDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty() version: number;
}

export class LookbackItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) measureId: string;
  @ApiProperty({ format: 'uuid' }) problemId: string;
  @ApiProperty({ example: '3.(2)' }) label: string;
  @ApiProperty() problemTitle: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: RefDto, nullable: true, description: 'the unit it was drawn for (lead unit)' })
  unit: RefDto | null;
  @ApiProperty({ description: 'added by hand, not drawn' }) manual: boolean;
  @ApiProperty({ example: '已完成' }) statusAtDrawLabel: string;
  @ApiProperty({ description: 'the measure’s status now' }) measureStatus: string;
  @ApiProperty({ example: '推进中' }) measureStatusLabel: string;
  @ApiProperty({ enum: LOOKBACK_RESULTS, nullable: true }) result: LookbackResult | null;
  @ApiProperty({ type: String, nullable: true, example: '巩固' }) resultLabel: string | null;
  @ApiProperty({ type: String, nullable: true }) finding: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'a rebound’s new deadline' }) deadline: string | null;
  @ApiProperty({ type: [String] }) evidenceIds: string[];
  @ApiProperty({ type: String, nullable: true }) checkedBy: string | null;
  @ApiProperty({ type: String, nullable: true, example: '较好', description: 'the problem’s 成效评估' })
  effectivenessLabel: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedAt: string | null;
}

export class LookbackUnitRateDto {
  @ApiProperty({ type: RefDto, nullable: true }) unit: RefDto | null;
  @ApiProperty() items: number;
  @ApiProperty() checked: number;
  @ApiProperty() rebounded: number;
  @ApiProperty() reboundRatePct: number;
}

export class LookbackDto extends LookbackSummaryDto {
  @ApiProperty({ type: [LookbackItemDto], description: 'the items the caller may see' })
  items: LookbackItemDto[];
  @ApiProperty({ type: [LookbackUnitRateDto], description: 'rebound rate per unit' })
  units: LookbackUnitRateDto[];
}
