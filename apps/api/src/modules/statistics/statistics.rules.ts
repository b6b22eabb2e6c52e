// Rates and lights of the statistics. Pure: the mapper applies them to the counts the SQL returns.
import type { Light } from '@zhenggai/domain';

/** n of total as a percent with one decimal; 0 when there is nothing to count. */
export function percent(n: number, total: number): number {
  if (total <= 0) return 0;
  return Math.round((n * 1000) / total) / 10;
}

/** The completion rate: completed, plus 视同完成 when the report counts it (notices differ, domain.md §4.2). */
export function completionRate(
  counts: { total: number; completed: number; deemedCompleted: number },
  countDeemed: boolean,
): number {
  return percent(counts.completed + (countDeemed ? counts.deemedCompleted : 0), counts.total);
}

/** Share of done measures that were done on time; null when none is done yet. */
export function onTimeRate(onTime: number, done: number): number | null {
  return done === 0 ? null : percent(onTime, done);
}

/** A unit's light: red with anything overdue, yellow with anything due soon, grey when all is done, else green. */
export function unitLight(counts: { assigned: number; done: number; overdue: number; dueSoon: number }): Light {
  if (counts.overdue > 0) return 'red';
  if (counts.dueSoon > 0) return 'yellow';
  if (counts.assigned > 0 && counts.done === counts.assigned) return 'grey';
  return 'green';
}
