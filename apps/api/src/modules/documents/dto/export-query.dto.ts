import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LIGHTS, MEASURE_STATUSES, type Light, type MeasureStatus } from '@zhenggai/domain';
import { IsCalendarDate } from '../../../common/http/validators.js';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class DocumentDateQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    description: 'the date printed under the signature (default: today, China calendar)',
  })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class NoticeExportQueryDto extends DocumentDateQueryDto {
  @ApiPropertyOptional({
    maxLength: 5000,
    description:
      "text of section 一 (组织领导情况), paragraphs separated by line breaks; default: the imported notice's, else a standard paragraph",
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  organisation?: string;
}

export class ReportExportQueryDto extends DocumentDateQueryDto {
  @ApiPropertyOptional({ default: true, description: 'whether 视同完成 counts as complete in the rates' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  countDeemedAsComplete?: boolean;
}

export class LedgerExportQueryDto {
  @ApiPropertyOptional({ enum: MEASURE_STATUSES, enumName: 'MeasureStatus' })
  @IsOptional()
  @IsIn(MEASURE_STATUSES)
  status?: MeasureStatus;
  @ApiPropertyOptional({ format: 'uuid', description: 'assigned to this unit, as lead or co-unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
  @ApiPropertyOptional({ enum: LIGHTS, enumName: 'Light' }) @IsOptional() @IsIn(LIGHTS) light?: Light;
  @ApiPropertyOptional({ description: 'text in the measure or its problem' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class LedgerImportQueryDto {
  @ApiPropertyOptional({ default: true, description: 'true: only report the plan; false: apply it (all or nothing)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  dryRun?: boolean;
}
