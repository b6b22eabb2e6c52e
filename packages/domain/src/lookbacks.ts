// Look-backs (回头看): months after sign-off a sample of the signed-off measures is re-checked; each item is found
// 巩固 (consolidated) or 反弹 (rebounded), and a rebound reopens the measure. Shared by the API and the web.
import { fnv1a } from './sampling.js';

export const LOOKBACK_STATUSES = ['open', 'finished'] as const;
export type LookbackStatus = (typeof LOOKBACK_STATUSES)[number];
export const LOOKBACK_STATUS_LABELS: Record<LookbackStatus, string> = { open: '核查中', finished: '已完成' };

export const LOOKBACK_RESULTS = ['consolidated', 'rebounded'] as const;
export type LookbackResult = (typeof LOOKBACK_RESULTS)[number];
export const LOOKBACK_RESULT_LABELS: Record<LookbackResult, string> = { consolidated: '巩固', rebounded: '反弹' };

/** A seed is 1–32 letters, digits, '-' or '_' (shown to users and typed back to redraw a sample). */
export const SAMPLE_SEED_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/** 第2次回头看 */
export function lookbackNumber(seq: number): string {
  return `第${seq}次回头看`;
}

/** The rebound rate in percent with one decimal (0 when nothing was checked). */
export function reboundRatePct(checked: number, rebounded: number): number {
  return checked === 0 ? 0 : Math.round((rebounded / checked) * 1000) / 10;
}

/** A short fingerprint of a sample (its measure ids in order), shown beside the seed so that a redraw can be compared. */
export function sampleFingerprint(measureIds: readonly string[]): string {
  return fnv1a(measureIds.join(',')).toString(16).padStart(8, '0');
}
