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
