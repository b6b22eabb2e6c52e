import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import {
  PUNCTUALITIES,
  ROUND_STATUSES,
  ROUND_UNIT_STATUSES,
  type Punctuality,
  type RoundStatus,
  type RoundUnitStatus,
} from '@zhenggai/domain';
import { RefDto } from '../../units/dto/ref.dto.js';

// 汇总 (step 4 "Compiling"): the round's counts, each unit's standing report and what changed since the round before.

export class RoundHeadDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 3 }) seq: number;
  @ApiProperty({ example: '2024年3月整改进展报送' }) title: string;
}

export class CompilationRoundDto extends RoundHeadDto {
  @ApiProperty({ example: '2024-03-15' }) periodEnd: string;
  @ApiProperty({ example: '2024-03-20' }) dueDate: string;
  @ApiProperty({ enum: ROUND_STATUSES }) status: RoundStatus;
}

export class CompilationCountsDto {
  @ApiProperty({ description: 'units in the round’s scope (that the caller sees)' }) expected: number;
  @ApiProperty({ description: 'units with a standing report, on time or late' }) submitted: number;
  @ApiProperty({ description: 'standing reports made after the due date' }) late: number;
  @ApiProperty({ description: 'units without a standing report (pending or returned)' }) missing: number;
  @ApiProperty({ description: 'units whose report was returned and not yet made again' }) returned: number;
  @ApiProperty({ description: 'standing reports made by the due date' }) onTime: number;
}

export class MeasureChangeDto {
  @ApiProperty({ format: 'uuid' }) measureId: string;
  @ApiProperty({ example: '1.(2)' }) label: string;
  @ApiProperty() unitName: string;
}

export class DeadlineChangeDto extends MeasureChangeDto {
  @ApiProperty({ type: String, nullable: true, example: '2024-03-31' }) from: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2024-06-30' }) to: string | null;
}

export class CompilationChangesDto {
  @ApiProperty({
    type: [MeasureChangeDto],
    description: 'completed (or deemed completed) now, not in the round before',
  })
  newlyCompleted: MeasureChangeDto[];

  @ApiProperty({ type: [MeasureChangeDto], description: 'red now, not red in the round before' })
  newlyOverdue: MeasureChangeDto[];

  @ApiProperty({ type: [DeadlineChangeDto], description: 'deadline differs from the round before' })
  deadlineChanges: DeadlineChangeDto[];
}

export class CompilationUnitDto {
  @ApiProperty({ type: RefDto }) unit: RefDto;
  @ApiProperty({ enum: ROUND_UNIT_STATUSES }) status: RoundUnitStatus;
  @ApiProperty({ enum: PUNCTUALITIES, nullable: true }) punctuality: Punctuality | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedByName: string | null;
  @ApiProperty({ description: 'the standing report came after the due date' }) late: boolean;
  @ApiProperty({ description: 'measures in the standing report’s snapshot' }) items: number;
  @ApiProperty() completedSincePrevious: number;
  @ApiProperty() newlyOverdue: number;
  @ApiProperty() deadlineChanges: number;
}

export class ReportRoundCompilationDto {
  @ApiProperty({ type: CompilationRoundDto }) round: CompilationRoundDto;

  @ApiProperty({ type: RoundHeadDto, nullable: true, description: 'the round before in the same inspection' })
  previous: RoundHeadDto | null;

  @ApiProperty({ type: CompilationCountsDto }) counts: CompilationCountsDto;
  @ApiProperty({ type: [CompilationUnitDto] }) units: CompilationUnitDto[];
  @ApiProperty({ type: CompilationChangesDto }) changes: CompilationChangesDto;
}

export class CompareReportRoundsQueryDto {
  @ApiProperty({ format: 'uuid', description: 'one round' })
  @IsUUID('all', { message: '报送轮次编号格式不正确' })
  a: string;

  @ApiProperty({ format: 'uuid', description: 'another round of the same inspection' })
  @IsUUID('all', { message: '报送轮次编号格式不正确' })
  b: string;
}

export class CompareRoundSideDto {
  @ApiProperty({ type: CompilationRoundDto }) round: CompilationRoundDto;
  @ApiProperty({ type: CompilationCountsDto }) counts: CompilationCountsDto;
}

export class CompareUnitStandingDto {
  @ApiProperty({ enum: ROUND_UNIT_STATUSES }) status: RoundUnitStatus;
  @ApiProperty({ enum: PUNCTUALITIES, nullable: true }) punctuality: Punctuality | null;
  @ApiProperty({ description: 'measures in the standing report' }) items: number;
  @ApiProperty({ description: 'of them completed or deemed completed' }) completed: number;
  @ApiProperty({ description: 'of them overdue (red)' }) overdue: number;
}

export class CompareUnitDto {
  @ApiProperty({ type: RefDto }) unit: RefDto;
  @ApiProperty({ type: CompareUnitStandingDto, nullable: true, description: 'null: not in round a' })
  a: CompareUnitStandingDto | null;

  @ApiProperty({ type: CompareUnitStandingDto, nullable: true, description: 'null: not in round b' })
  b: CompareUnitStandingDto | null;
}

export class ReportRoundComparisonDto {
  @ApiProperty({ type: CompareRoundSideDto }) a: CompareRoundSideDto;
  @ApiProperty({ type: CompareRoundSideDto }) b: CompareRoundSideDto;
  @ApiProperty({ type: [CompareUnitDto] }) units: CompareUnitDto[];
}
