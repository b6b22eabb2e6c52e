import { MEASURE_STATUS_LABELS, type MeasureStatus } from '@zhenggai/domain';
import { refOf } from '../units/dto/ref.dto.js';
import type {
  AlertMeasureDto,
  CategoryStatisticsDto,
  DueSoonMeasureDto,
  InspectionStatisticsDto,
  MeasureCountsDto,
  OutcomeStatisticsDto,
  OverdueMeasureDto,
  ProblemCountsDto,
  UnitStatisticsDto,
  WeekTrendDto,
} from './dto/statistics.dto.js';
import { completionRate, onTimeRate, unitLight } from './statistics.rules.js';

export const UNCATEGORISED_TITLE = '未分类';

export interface UnitFiguresRow {
  unitId: string;
  name: string;
  assigned: number;
  completed: number;
  deemedCompleted: number;
  awaitingSignOff: number;
  overdue: number;
  dueSoon: number;
  done: number;
  onTime: number;
  extensions: number;
  urges: number;
}

export interface AlertRow {
  id: string;
  problemId: string;
  problemLabel: string;
  problemTitle: string;
  seq: number;
  text: string;
  status: MeasureStatus;
  deadline: string;
  leadUnitId: string | null;
  leadUnitName: string | null;
  daysOverdue: number;
  daysLeft: number;
}

/** One row of inspectionFiguresSql: every section already aggregated by PostgreSQL. */
export interface FiguresRow {
  problems: ProblemCountsDto;
  byCategory: Array<Omit<CategoryStatisticsDto, 'title'> & { title: string | null }>;
  measures: MeasureCountsDto;
  byUnit: UnitFiguresRow[];
  overdueList: AlertRow[];
  dueSoonList: AlertRow[];
  weeklyTrend: WeekTrendDto[];
  accountability: OutcomeStatisticsDto['accountability'];
  rules: number;
  funds: number;
}

export interface FiguresContext {
  inspectionId: string;
  today: string;
  dueSoonDays: number;
  countDeemedAsComplete: boolean;
  generatedAt: Date;
}

function mapAlert(row: AlertRow): AlertMeasureDto {
  return {
    id: row.id,
    problemId: row.problemId,
    problemLabel: row.problemLabel,
    problemTitle: row.problemTitle,
    seq: row.seq,
    text: row.text,
    leadUnit: refOf(row.leadUnitId, row.leadUnitName),
    deadline: row.deadline,
    status: row.status,
    statusLabel: MEASURE_STATUS_LABELS[row.status],
  };
}

function mapUnit(row: UnitFiguresRow): UnitStatisticsDto {
  return {
    unitId: row.unitId,
    name: row.name,
    assigned: row.assigned,
    completed: row.completed,
    deemedCompleted: row.deemedCompleted,
    awaitingSignOff: row.awaitingSignOff,
    overdue: row.overdue,
    dueSoon: row.dueSoon,
    onTimeRate: onTimeRate(row.onTime, row.done),
    extensions: row.extensions,
    urges: row.urges,
    light: unitLight(row),
  };
}

export function mapStatistics(row: FiguresRow, context: FiguresContext): InspectionStatisticsDto {
  const countDeemed = context.countDeemedAsComplete;
  return {
    inspectionId: context.inspectionId,
    today: context.today,
    dueSoonDays: context.dueSoonDays,
    countDeemedAsComplete: countDeemed,
    problems: row.problems,
    completionRate: completionRate(row.problems, countDeemed),
    measures: row.measures,
    measureCompletionRate: completionRate(row.measures, countDeemed),
    byCategory: row.byCategory.map((category) => ({ ...category, title: category.title ?? UNCATEGORISED_TITLE })),
    byUnit: row.byUnit.map(mapUnit),
    overdueList: row.overdueList.map((alert): OverdueMeasureDto => ({
      ...mapAlert(alert),
      daysOverdue: alert.daysOverdue,
    })),
    dueSoonList: row.dueSoonList.map((alert): DueSoonMeasureDto => ({ ...mapAlert(alert), daysLeft: alert.daysLeft })),
    weeklyTrend: row.weeklyTrend,
    outcomes: { accountability: row.accountability, rules: row.rules, funds: row.funds },
    generatedAt: context.generatedAt.toISOString(),
  };
}
