// Chinese numerals, dates and file names as they are printed in documents.

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (1–999; other numbers stay Arabic). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = hundreds > 0 ? `${DIGITS[hundreds]}百` : '';
  if (tens > 0) out += `${tens === 1 && hundreds === 0 ? '' : DIGITS[tens]}十`;
  else if (hundreds > 0 && ones > 0) out += '零';
  if (ones > 0) out += DIGITS[ones];
  return out;
}

/** 一是, 二是 … the inline ordinals of a notice. */
export const ordinalShi = (n: number): string => `${chineseNumber(n)}是`;

function parts(date: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

/** 2024-07-18 → 2024年7月18日 (成文日期: full year, no zero padding). */
export function chineseDate(date: string | null | undefined): string {
  const p = date ? parts(date) : null;
  return p ? `${p[0]}年${p[1]}月${p[2]}日` : '';
}

/** A period as notices print it: the end drops its year when it is the start's. */
export function chinesePeriod(from: string | null, to: string | null): string {
  if (!from || !to) return chineseDate(from ?? to);
  const a = parts(from);
  const b = parts(to);
  if (!a || !b) return '';
  return `${chineseDate(from)}至${a[0] === b[0] ? `${b[1]}月${b[2]}日` : chineseDate(to)}`;
}

/** A name usable as a download file name: no path separators, reserved or control characters. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return cleaned.slice(0, 120) || '导出文件';
}

export interface InspectionNaming {
  kind: 'xunshi' | 'xuncha';
  term: string | null;
  issuingCommittee: string | null;
  round: number | null;
}

/** 巡视 or 巡察. */
export const kindWord = (kind: string | null | undefined): string => (kind === 'xuncha' ? '巡察' : '巡视');

/** 十二届省委第四轮巡视: the round as documents name it (as much of it as is known). */
export function roundName(inspection: InspectionNaming): string {
  const round = inspection.round ? `第${chineseNumber(inspection.round)}轮` : '';
  return `${inspection.term ?? ''}${inspection.issuingCommittee ?? ''}${round}${kindWord(inspection.kind)}`;
}
