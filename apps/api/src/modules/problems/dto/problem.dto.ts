import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  LIGHTS,
  MEASURE_TERMS,
  PROBLEM_STATUSES,
  type Light,
  type MeasureTerm,
  type ProblemStatus,
} from '@zhenggai/domain';
import { PageQueryDto } from '../../../common/http/pagination.js';
import { MeasureDto } from '../../measures/dto/measure.dto.js';
import { RefDto } from '../../units/dto/ref.dto.js';

export class ProblemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) inspectionId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) categoryId: string | null;
  @ApiProperty({ type: String, nullable: true }) categoryTitle: string | null;
  @ApiProperty({ description: 'position in the official order' }) seq: number;
  @ApiProperty({ example: '7.', description: 'the official number as printed' }) label: string;
  @ApiProperty({ example: '‘清四乱’、退垸还湖攻坚不力' }) title: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the 整改情况 overview' }) overview: string | null;
  @ApiProperty({ enum: PROBLEM_STATUSES, enumName: 'ProblemStatus' }) status: ProblemStatus;
  @ApiProperty({ enum: ['已完成', '视同完成', '未完成'] }) statusLabel: string;
  @ApiProperty({ enum: MEASURE_TERMS, enumName: 'MeasureTerm' }) term: MeasureTerm;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'the earliest deadline of an unfinished measure',
  })
  deadline: string | null;
  @ApiProperty({ enum: LIGHTS, enumName: 'Light' }) light: Light;
  @ApiProperty({ type: RefDto, nullable: true }) leadUnit: RefDto | null;
  @ApiProperty({ type: RefDto, nullable: true }) leadLeader: RefDto | null;
  @ApiProperty() measureCount: number;
  @ApiProperty() completedMeasureCount: number;
  @ApiProperty() version: number;
}

export class ProblemDetailDto extends ProblemDto {
  @ApiProperty({ type: [MeasureDto] }) measures: MeasureDto[];
}

export class ProblemPageDto {
  @ApiProperty({ type: [ProblemDto] }) items: ProblemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ProblemQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() inspectionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() categoryId?: string;
  @ApiPropertyOptional({ enum: PROBLEM_STATUSES, enumName: 'ProblemStatus' })
  @IsOptional()
  @IsIn(PROBLEM_STATUSES)
  status?: ProblemStatus;
  @ApiPropertyOptional({ format: 'uuid', description: 'with a measure assigned to this unit, or led by it' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'led by this leader, or with a measure this leader is responsible for',
  })
  @IsOptional()
  @IsUUID()
  leaderId?: string;
  @ApiPropertyOptional({
    enum: LIGHTS,
    enumName: 'Light',
    description: 'the light of the most urgent unfinished measure; grey when all are done',
  })
  @IsOptional()
  @IsIn(LIGHTS)
  light?: Light;
  @ApiPropertyOptional({ enum: MEASURE_TERMS, enumName: 'MeasureTerm' })
  @IsOptional()
  @IsIn(MEASURE_TERMS)
  term?: MeasureTerm;
  @ApiPropertyOptional({ description: 'text in the label, title or description' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
