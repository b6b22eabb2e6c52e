import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { LIGHTS, MEASURE_STATUSES, type Light, type MeasureStatus } from '@zhenggai/domain';
import { RefDto } from '../../units/dto/ref.dto.js';

// query strings carry text: only the words true and false are booleans, anything else fails validation
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class StatisticsQueryDto {
  @ApiPropertyOptional({ default: true, description: 'whether 视同完成 counts as complete in the completion rates' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  countDeemedAsComplete?: boolean;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 365,
    description: "due soon = due within this many days; default: the inspection's yellow_days",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  dueSoonDays?: number;
}

export class ProblemCountsDto {
  @ApiProperty() total: number;
  @ApiProperty({ description: '已完成' }) completed: number;
  @ApiProperty({ description: '视同完成' }) deemedCompleted: number;
  @ApiProperty({ description: '未完成' }) inProgress: number;
}

export class MeasureCountsDto {
  @ApiProperty() total: number;
  @ApiProperty({ description: '未启动' }) notStarted: number;
  @ApiProperty({ description: '推进中' }) inProgress: number;
  @ApiProperty({ description: '待审核' }) awaitingSignOff: number;
  @ApiProperty({ description: '已完成' }) completed: number;
  @ApiProperty({ description: '视同完成' }) deemedCompleted: number;
  @ApiProperty({ description: 'not done and the deadline (China date) is before today' }) overdue: number;
  @ApiProperty({ description: 'not done and due between today and today + dueSoonDays' }) dueSoon: number;
}

export class CategoryStatisticsDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for problems without a category' })
  categoryId: string | null;
  @ApiProperty({ description: 'the category title, or 未分类' }) title: string;
  @ApiProperty() problems: number;
  @ApiProperty() completed: number;
  @ApiProperty() deemedCompleted: number;
  @ApiProperty() inProgress: number;
}

export class UnitStatisticsDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'measures of which the unit is lead or co-unit' }) assigned: number;
  @ApiProperty() completed: number;
  @ApiProperty() deemedCompleted: number;
  @ApiProperty() awaitingSignOff: number;
  @ApiProperty() overdue: number;
  @ApiProperty() dueSoon: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'percent (one decimal) of done measures completed on or before their deadline (China date); null when none is done',
  })
  onTimeRate: number | null;
  @ApiProperty({ description: 'deadline extension requests of this unit (any decision)' }) extensions: number;
  @ApiProperty({ description: 'urges (催办) of the task force to this unit about its measures' }) urges: number;
  @ApiProperty({
    enum: LIGHTS,
    enumName: 'Light',
    description: 'red: any overdue; yellow: any due soon; grey: all done; else green',
  })
  light: Light;
}

export class AlertMeasureDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) problemId: string;
  @ApiProperty({ example: '7.' }) problemLabel: string;
  @ApiProperty() problemTitle: string;
  @ApiProperty() seq: number;
  @ApiProperty({ description: 'the first 80 characters of the measure' }) text: string;
  @ApiProperty({ type: RefDto, nullable: true }) leadUnit: RefDto | null;
  @ApiProperty({ type: String, format: 'date' }) deadline: string;
  @ApiProperty({ enum: MEASURE_STATUSES, enumName: 'MeasureStatus' }) status: MeasureStatus;
  @ApiProperty({ description: '未启动 / 推进中 / 待审核' }) statusLabel: string;
}

export class OverdueMeasureDto extends AlertMeasureDto {
  @ApiProperty({ minimum: 1 }) daysOverdue: number;
}

export class DueSoonMeasureDto extends AlertMeasureDto {
  @ApiProperty({ minimum: 0 }) daysLeft: number;
}

export class WeekTrendDto {
  @ApiProperty({ type: String, format: 'date', description: 'Monday of the week (China calendar)' }) weekStart: string;
  @ApiProperty({ description: 'measures completed or deemed completed in the week' }) completed: number;
  @ApiProperty({ description: 'measures completed or deemed completed up to the end of the week' }) cumulative: number;
}

export class AccountabilityFormDto {
  @ApiProperty({ example: '诫勉' }) form: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: String, nullable: true, example: '人', description: '人 / 人次 / 家' }) unit: string | null;
}

export class AccountabilityStatisticsDto {
  @ApiProperty({ description: 'people (人) held accountable' }) people: number;
  @ApiProperty({ description: 'person-times (人次)' }) personTimes: number;
  @ApiProperty({ type: [AccountabilityFormDto], description: 'actions with a stated count, by form and count unit' })
  byForm: AccountabilityFormDto[];
}

export class OutcomeStatisticsDto {
  @ApiProperty({ type: AccountabilityStatisticsDto }) accountability: AccountabilityStatisticsDto;
  @ApiProperty({ description: 'rules issued or revised (建章立制)' }) rules: number;
  @ApiProperty({ description: 'funds recovered, in 万元' }) funds: number;
}

export class InspectionStatisticsDto {
  @ApiProperty({ format: 'uuid' }) inspectionId: string;
  @ApiProperty({ type: String, format: 'date', description: 'the China date the figures are computed for' })
  today: string;
  @ApiProperty() dueSoonDays: number;
  @ApiProperty() countDeemedAsComplete: boolean;
  @ApiProperty({ type: ProblemCountsDto }) problems: ProblemCountsDto;
  @ApiProperty({
    minimum: 0,
    maximum: 100,
    description: 'percent of problems completed (and deemed, if counted), one decimal',
  })
  completionRate: number;
  @ApiProperty({ type: MeasureCountsDto }) measures: MeasureCountsDto;
  @ApiProperty({
    minimum: 0,
    maximum: 100,
    description: 'percent of measures completed (and deemed, if counted), one decimal',
  })
  measureCompletionRate: number;
  @ApiProperty({ type: [CategoryStatisticsDto] }) byCategory: CategoryStatisticsDto[];
  @ApiProperty({ type: [UnitStatisticsDto] }) byUnit: UnitStatisticsDto[];
  @ApiProperty({ type: [OverdueMeasureDto], description: 'up to 50, most overdue first' })
  overdueList: OverdueMeasureDto[];
  @ApiProperty({ type: [DueSoonMeasureDto], description: 'up to 50, earliest deadline first' })
  dueSoonList: DueSoonMeasureDto[];
  @ApiProperty({ type: [WeekTrendDto], description: 'from the week of the feedback date to this week' })
  weeklyTrend: WeekTrendDto[];
  @ApiProperty({ type: OutcomeStatisticsDto }) outcomes: OutcomeStatisticsDto;
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt: string;
}
