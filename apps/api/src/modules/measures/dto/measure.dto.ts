import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';
import {
  LIGHTS,
  MEASURE_STATUSES,
  MEASURE_TERMS,
  UNIT_ROLES,
  type Light,
  type MeasureStatus,
  type MeasureTerm,
  type UnitRole,
} from '@zhenggai/domain';
import { PageQueryDto } from '../../../common/http/pagination.js';
import { RefDto } from '../../units/dto/ref.dto.js';

export class MeasureUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_ROLES, description: 'lead 牵头 | co 配合' }) role: UnitRole;
  @ApiProperty({ enum: MEASURE_STATUSES, enumName: 'MeasureStatus' }) status: MeasureStatus;
  @ApiProperty({ description: '未启动 / 推进中 / 待审核 / 已完成 / 视同完成' }) statusLabel: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ description: 'how often the task force urged (催办) this unit about this measure' }) urges: number;
}

export class MeasureDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) problemId: string;
  @ApiProperty({ format: 'uuid' }) inspectionId: string;
  @ApiProperty({ description: "the problem's official number, e.g. 7." }) problemLabel: string;
  @ApiProperty() problemSeq: number;
  @ApiProperty() problemTitle: string;
  @ApiProperty({ description: '一是 → 1' }) seq: number;
  @ApiProperty({ type: String, nullable: true, description: 'short lead sentence' }) lead: string | null;
  @ApiProperty() text: string;
  @ApiProperty({ enum: MEASURE_TERMS, enumName: 'MeasureTerm' }) term: MeasureTerm;
  @ApiProperty({ description: '立行立改 / 集中整改 / 长期坚持' }) termLabel: string;
  @ApiProperty({ enum: MEASURE_STATUSES, enumName: 'MeasureStatus' }) status: MeasureStatus;
  @ApiProperty({ description: '未启动 / 推进中 / 待审核 / 已完成 / 视同完成' }) statusLabel: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) deadline: string | null;
  @ApiProperty({ enum: LIGHTS, enumName: 'Light' }) light: Light;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ type: RefDto, nullable: true }) leadUnit: RefDto | null;
  @ApiProperty({ type: [MeasureUnitDto], description: 'co-units (配合单位)' }) coUnits: MeasureUnitDto[];
  @ApiProperty({ type: [MeasureUnitDto], description: 'every assigned unit, lead first, each with its own status' })
  units: MeasureUnitDto[];
  @ApiProperty({ type: RefDto, nullable: true }) responsibleLeader: RefDto | null;
  @ApiProperty({ type: RefDto, nullable: true }) responsiblePerson: RefDto | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) nextCheckpoint: string | null;
  @ApiProperty({ type: String, nullable: true, description: '视同完成: the stage outcome' }) stageOutcome:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: '视同完成: the long-term mechanism' }) longTermMechanism:
    string | null;
  @ApiProperty({ type: String, nullable: true }) remarks: string | null;
  @ApiProperty({ description: "how the measure's status follows from its units' statuses" }) rollUpRule: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class MeasurePageDto {
  @ApiProperty({ type: [MeasureDto] }) items: MeasureDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export const MEASURE_SORTS = ['official', 'deadline', '-deadline', '-updatedAt'] as const;
export type MeasureSort = (typeof MEASURE_SORTS)[number];

export class MeasureQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() inspectionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() problemId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'assigned to this unit, as lead or co-unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
  @ApiPropertyOptional({ enum: MEASURE_STATUSES, enumName: 'MeasureStatus' })
  @IsOptional()
  @IsIn(MEASURE_STATUSES)
  status?: MeasureStatus;
  @ApiPropertyOptional({ enum: LIGHTS, enumName: 'Light' }) @IsOptional() @IsIn(LIGHTS) light?: Light;
  @ApiPropertyOptional({ enum: MEASURE_TERMS, enumName: 'MeasureTerm' })
  @IsOptional()
  @IsIn(MEASURE_TERMS)
  term?: MeasureTerm;
  @ApiPropertyOptional({ description: 'due within this many days (and not done)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  dueWithinDays?: number;
  @ApiPropertyOptional({ description: 'text in the measure or its problem' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ enum: MEASURE_SORTS, default: 'official' })
  @IsOptional()
  @IsIn(MEASURE_SORTS)
  sort?: MeasureSort;
}
