// Rates shown as percents. The unit-scoring rates (0–1, 4 decimals) are in scoring.ts.

/** `part` of `whole` as a percent with one decimal (5 of 6 → 83.3); null when there is nothing to count. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

/** 完成率: the done measures (已完成 and 视同完成) of the assigned ones, as a percent with one decimal; null without any. */
export function completionRate(done: number, total: number): number | null {
  return percentOf(done, total);
}
