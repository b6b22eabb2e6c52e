// Deadlines and traffic lights. Calendar dates are China dates (Asia/Shanghai, UTC+8 all year, no DST).
import { isMeasureDone, type MeasureStatus } from './status.js';

export const LIGHTS = ['red', 'yellow', 'green', 'grey'] as const;
export type Light = (typeof LIGHTS)[number];

export const LIGHT_LABELS: Record<Light, string> = { red: '逾期', yellow: '临期', green: '正常', grey: '已完成' };
/** The lights' own names (红灯…), shown beside their meaning (LIGHT_LABELS). */
export const LIGHT_NAMES: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', grey: '灰灯' };

export const DEFAULT_YELLOW_DAYS = 7;

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date in China at instant `now`, as YYYY-MM-DD. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Overdue means the China calendar date is past the deadline (the deadline day itself is still on time). */
export function isOverdue(deadline: string | null, status: MeasureStatus, today: string): boolean {
  return deadline !== null && !isMeasureDone(status) && daysBetween(deadline, today) > 0;
}

/**
 * red overdue, yellow due within `yellowDays`, green otherwise, grey when done. A 视同完成 measure is done but keeps
 * its checkpoints: when the earliest checkpoint not yet reviewed (`openCheckpoint`) is past, its light is red until
 * an officer reviews it.
 */
export function measureLight(
  deadline: string | null,
  status: MeasureStatus,
  today: string,
  yellowDays: number = DEFAULT_YELLOW_DAYS,
  openCheckpoint: string | null = null,
): Light {
  if (isCheckpointOverdue(openCheckpoint, status, today)) return 'red';
  if (isMeasureDone(status)) return 'grey';
  if (deadline === null) return 'green';
  const left = daysBetween(today, deadline);
  if (left < 0) return 'red';
  if (left <= yellowDays) return 'yellow';
  return 'green';
}

/** A 视同完成 measure's checkpoint not yet reviewed is overdue from the day after its date (like a deadline). */
export function isCheckpointOverdue(openCheckpoint: string | null, status: MeasureStatus, today: string): boolean {
  return status === 'deemed_completed' && openCheckpoint !== null && daysBetween(openCheckpoint, today) > 0;
}

const LIGHT_SEVERITY: Record<Light, number> = { grey: 0, green: 1, yellow: 2, red: 3 };

/** A problem shows the most urgent light of its measures; grey only when every measure is done. */
export function worstLight(lights: readonly Light[]): Light {
  if (lights.length === 0) return 'green';
  return lights.reduce((worst, light) => (LIGHT_SEVERITY[light] > LIGHT_SEVERITY[worst] ? light : worst), 'grey');
}
