import { chineseToNumber } from './chinese-numerals.js';

/** A date as printed; `mdDigits` holds month+day digits whose 月 was lost (e.g. 516 in “2023516日”). */
export interface DateMention {
  start: number;
  end: number;
  raw: string;
  year: number | null;
  month: number | null;
  day: number | null;
  mdDigits: string | null;
  /** 今年 → 0, 去年 → -1, 明年 → 1; only set when the year is relative. */
  relativeYear: number | null;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number | null;
}

const CN_DIGIT = '〇零一二三四五六七八九';
const CN_NUM = '一二三四五六七八九十';
const MONTH_PART = '(?:上旬|中旬|下旬|初|中|底|末|份)?';

// One alternation, tried left to right at each position; the lossy forms only match when the marker
// characters are missing, so well-formed dates always take the first branches.
const DATE_RE = new RegExp(
  [
    `(?<fy>\\d{4})\\s?年\\s?(?<fm>\\d{1,2})\\s?月\\s?(?<fd>\\d{1,2})\\s?[日号]`,
    `(?<iy>\\d{4})[-/.](?<im>\\d{1,2})[-/.](?<id>\\d{1,2})(?![\\d.])`,
    `(?<cy>[${CN_DIGIT}]{4})年(?<cm>[${CN_NUM}]{1,2})月(?<cd>[${CN_NUM}]{1,3})日`,
    `(?<ly>\\d{4})(?<lm>\\d{1,2})月(?<ld>\\d{1,2})日`,
    `(?<my>\\d{4})年(?<mmd>\\d{2,4})日`,
    `(?<by>\\d{4})(?<bmd>\\d{2,4})日`,
    `(?<rel>今年|去年|明年)(?<rm>\\d{1,2})月(?:(?<rd>\\d{1,2})日|${MONTH_PART})`,
    `(?<ym>\\d{4})年(?<ymm>\\d{1,2})月${MONTH_PART}`,
    `(?<nm>\\d{1,2})月(?<nd>\\d{1,2})[日号]`,
    `(?<=[至到—–~-])(?<omd>\\d{2,4})日`,
    `(?<om>\\d{1,2})月${MONTH_PART}`,
  ]
    .map((alt) => `(?<!\\d)${alt}`)
    .join('|'),
  'g',
);

function toInt(s: string | undefined): number | null {
  if (s === undefined) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export function findDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const g = m.groups ?? {};
    const base = {
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      raw: m[0],
      mdDigits: null,
      relativeYear: null,
    };
    let mention: DateMention | null = null;
    if (g.fy) mention = { ...base, year: toInt(g.fy), month: toInt(g.fm), day: toInt(g.fd) };
    else if (g.iy) mention = { ...base, year: toInt(g.iy), month: toInt(g.im), day: toInt(g.id) };
    else if (g.cy && g.cm && g.cd)
      mention = { ...base, year: chineseToNumber(g.cy), month: chineseToNumber(g.cm), day: chineseToNumber(g.cd) };
    else if (g.ly)
      mention = { ...base, year: toInt(g.ly), month: toInt(g.lm), day: toInt(g.ld), mdDigits: `${g.lm}-${g.ld}` };
    else if (g.my) mention = { ...base, year: toInt(g.my), month: null, day: null, mdDigits: g.mmd ?? null };
    else if (g.by) mention = { ...base, year: toInt(g.by), month: null, day: null, mdDigits: g.bmd ?? null };
    else if (g.rel)
      mention = {
        ...base,
        year: null,
        month: toInt(g.rm),
        day: toInt(g.rd),
        relativeYear: g.rel === '去年' ? -1 : g.rel === '明年' ? 1 : 0,
      };
    else if (g.ym) mention = { ...base, year: toInt(g.ym), month: toInt(g.ymm), day: null };
    else if (g.nm) mention = { ...base, year: null, month: toInt(g.nm), day: toInt(g.nd) };
    else if (g.omd) mention = { ...base, year: null, month: null, day: null, mdDigits: g.omd ?? null };
    else if (g.om) mention = { ...base, year: null, month: toInt(g.om), day: null };
    if (mention) out.push(mention);
  }
  return out;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDate(year: number, month: number, day: number | null): boolean {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  if (day === null) return true;
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

/** True when 年 or 月 was lost and the reading had to be reconstructed. */
export function isLossy(m: DateMention): boolean {
  return m.mdDigits !== null;
}

/** The (month, day) splits of digits whose 月 marker was lost: 516 → 5-16; 111 → 1-11 or 11-1. */
function monthDaySplits(digits: string): Array<[number, number]> {
  if (digits.includes('-')) {
    const [mm, dd] = digits.split('-');
    return [[Number(mm), Number(dd)]];
  }
  const out: Array<[number, number]> = [];
  for (let cut = 1; cut <= 2 && cut < digits.length; cut++) {
    const mm = digits.slice(0, cut);
    const dd = digits.slice(cut);
    if (dd.length > 2 || dd.startsWith('0')) continue;
    out.push([Number(mm), Number(dd)]);
  }
  return out;
}

/**
 * All readings of a mention. `fallbackYear` fills a missing year; `after` (when given) makes a year-less
 * date roll over into the next year when it would otherwise fall before it (periods across New Year).
 */
export function candidateDates(
  m: DateMention,
  fallbackYear: number | null,
  after: CalendarDate | null = null,
): CalendarDate[] {
  let year = m.year;
  let yearInferred = false;
  if (year === null) {
    if (m.relativeYear !== null && fallbackYear !== null) year = fallbackYear + m.relativeYear;
    else {
      year = after?.year ?? fallbackYear;
      yearInferred = true;
    }
  }
  if (year === null) return [];
  const pairs: Array<[number, number | null]> =
    m.mdDigits !== null ? monthDaySplits(m.mdDigits) : m.month !== null ? [[m.month, m.day]] : [];
  const out: CalendarDate[] = [];
  for (const [month, day] of pairs) {
    let y = year;
    if (yearInferred && after && compareDates({ year: y, month, day }, after) < 0) y += 1;
    if (validDate(y, month, day)) out.push({ year: y, month, day });
  }
  return out;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  if (a.year !== b.year) return a.year - b.year;
  if (a.month !== b.month) return a.month - b.month;
  return (a.day ?? 1) - (b.day ?? 1);
}

export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  const ta = Date.UTC(a.year, a.month - 1, a.day ?? 1);
  const tb = Date.UTC(b.year, b.month - 1, b.day ?? 1);
  return Math.round((tb - ta) / 86400000);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO 8601: `2023-07-18`, or `2023-07` when only the month is known. */
export function toIso(d: CalendarDate | null): string | null {
  if (!d) return null;
  return d.day === null ? `${d.year}-${pad(d.month)}` : `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

export function describeDate(d: CalendarDate): string {
  return d.day === null ? `${d.year}年${d.month}月` : `${d.year}年${d.month}月${d.day}日`;
}

const RANGE_JOINER = /^\s?(?:至|到|—{1,2}|–|-|~|起至)\s?$/;

/** Pairs of consecutive mentions joined by 至/到/—: the date ranges in a text. */
export function findRanges(text: string, mentions: DateMention[]): Array<[DateMention, DateMention]> {
  const out: Array<[DateMention, DateMention]> = [];
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1]!;
    if (RANGE_JOINER.test(text.slice(a.end, b.start))) out.push([a, b]);
  }
  return out;
}

// Bare years, year ranges (2023—2025年) and clock times (8:30—17:30), on top of the dates above.
const DATE_LIKE_RE =
  /(?<!\d)\d{4}\s?[—–~-]{1,2}\s?\d{4}年?(?:度)?|(?<!\d)\d{4}年(?:度|底|初|末|中|上半年|下半年)?|(?<!\d)\d{1,2}:[0-5]\d(?:\s?[—–~-]{1,2}\s?\d{1,2}:[0-5]\d)?(?!\d)/g;

/** Where the text holds anything date-like; these spans are masked before reading figures. */
export function dateLikeSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of findDates(text)) spans.push([m.start, m.end]);
  for (const m of text.matchAll(DATE_LIKE_RE)) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return spans;
}
