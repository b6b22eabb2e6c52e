import dayjs from 'dayjs';

export const EMPTY_TEXT = '—';

/** 2024-07-18 → 2024-07-18; null → — */
export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : EMPTY_TEXT;
}

/** 2024-07-18 → 2024年7月18日, the form used in official documents */
export function formatChineseDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY年M月D日') : EMPTY_TEXT;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (measures are numbered 一是、二是… in notices) */
export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= 100) return String(value);
  if (value < 10) return DIGITS[value];
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant (ISO date-time) as China wall time, 2024-07-18 16:05, whatever the browser's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return EMPTY_TEXT;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return EMPTY_TEXT;
  return new Date(time + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** 68.3 → 68.3%; null (nothing to measure) → — */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY_TEXT;
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}

/** 1536 → 1.5 KB */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A measure's official reference, as the API writes it: problem 7., measure 二是 → 7.(2) */
export function measureRef(problemLabel: string, seq: number): string {
  return `${problemLabel}(${seq})`;
}
