const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Parses 一 … 九百九十九 (and digit-by-digit forms like 二〇二四); null when not a numeral. */
export function chineseToNumber(input: string): number | null {
  if (input.length === 0 || input.length > 12) return null;
  if (/^\d+$/.test(input)) return Number(input);
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(input)) return null;
  if (!/[十百]/.test(input)) {
    let value = 0;
    for (const ch of input) value = value * 10 + (DIGITS[ch] ?? 0);
    return value;
  }
  let total = 0;
  let current = 0;
  for (const ch of input) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = DIGITS[ch] ?? 0;
    }
  }
  return total + current;
}

/** 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五 (1–999). */
export function numberToChinese(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = '';
  if (hundreds > 0) out += DIGIT_CHARS[hundreds] + '百';
  if (tens > 0) {
    if (hundreds === 0 && tens === 1) out += '十';
    else out += DIGIT_CHARS[tens] + '十';
  } else if (hundreds > 0 && ones > 0) {
    out += '零';
  }
  if (ones > 0) out += DIGIT_CHARS[ones];
  return out;
}
