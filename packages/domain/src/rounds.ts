// Reporting rounds (报送轮次): every unit in a round's scope reports its measures' progress by the due date; closing
// the round records each unit's punctuality for good (考核 reads it). Shared by the API and the web.
import { daysBetween } from './deadline.js';

export const ROUND_STATUSES = ['open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const ROUND_STATUS_LABELS: Record<RoundStatus, string> = { open: '报送中', closed: '已结束' };

/** Where a unit stands in a round: not yet reported, reported on time, reported late, returned for correction. */
export const ROUND_UNIT_STATUSES = ['pending', 'submitted', 'late', 'returned'] as const;
export type RoundUnitStatus = (typeof ROUND_UNIT_STATUSES)[number];
export const ROUND_UNIT_STATUS_LABELS: Record<RoundUnitStatus, string> = {
  pending: '未报送',
  submitted: '已报送',
  late: '逾期报送',
  returned: '已退回',
};

/** Recorded per unit when the round closes: on time, late, or never reported (a returned report not resubmitted). */
export const PUNCTUALITIES = ['on_time', 'late', 'missing'] as const;
export type Punctuality = (typeof PUNCTUALITIES)[number];
export const PUNCTUALITY_LABELS: Record<Punctuality, string> = {
  on_time: '按时报送',
  late: '逾期报送',
  missing: '未报送',
};

/** 第3期 */
export function roundNumber(seq: number): string {
  return `第${seq}期`;
}

/** A submission on or before the due day (China date) is on time; after it, late. */
export function isLateSubmission(dueDate: string, submittedOn: string): boolean {
  return daysBetween(dueDate, submittedOn) > 0;
}

/** The default title of a round whose period ends on `periodEnd`: 2024年6月整改进展报送. */
export function defaultRoundTitle(periodEnd: string): string {
  const [year, month] = periodEnd.split('-').map(Number);
  return `${year}年${month}月整改进展报送`;
}

/** A round's schedule: opened on `dayOfMonth` each month, due `dueAfterDays` later, the period ending that day. */
export interface RoundSchedule {
  enabled: boolean;
  /** 1–28, so that every month has the day */
  dayOfMonth: number;
  /** 1–31 */
  dueAfterDays: number;
}

export const DEFAULT_ROUND_SCHEDULE: RoundSchedule = { enabled: false, dayOfMonth: 25, dueAfterDays: 5 };

/** The schedule's problems, in Chinese, by field; empty when it is valid. */
export function checkRoundSchedule(schedule: RoundSchedule): Partial<Record<keyof RoundSchedule, string>> {
  const problems: Partial<Record<keyof RoundSchedule, string>> = {};
  if (!Number.isInteger(schedule.dayOfMonth) || schedule.dayOfMonth < 1 || schedule.dayOfMonth > 28)
    problems.dayOfMonth = '每月报送日须为 1 至 28 日';
  if (!Number.isInteger(schedule.dueAfterDays) || schedule.dueAfterDays < 1 || schedule.dueAfterDays > 31)
    problems.dueAfterDays = '报送期限须为开启后 1 至 31 天';
  return problems;
}

/** The schedule in words: 每月25日自动开启报送轮次，5天内报送. */
export function describeRoundSchedule(schedule: RoundSchedule): string {
  if (!schedule.enabled) return '未启用定期报送，由整改专班手动开启报送轮次';
  return `每月${schedule.dayOfMonth}日自动开启报送轮次，${schedule.dueAfterDays}天内报送`;
}
