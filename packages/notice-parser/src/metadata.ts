import { chineseToNumber } from './chinese-numerals.js';
import {
  candidateDates,
  compareDates,
  daysBetween,
  describeDate,
  findDates,
  findRanges,
  isLossy,
  toIso,
  type CalendarDate,
  type DateMention,
} from './dates.js';
import { applyMask, bookTitleSpans } from './mask.js';
import type { Signature } from './page.js';
import type { ParsedInspection } from './types.js';
import type { WarningList } from './warnings.js';

export interface MetadataInput {
  title: string | null;
  preamble: string;
  closing: string;
  fullText: string;
  meta: Map<string, string>;
  signature: Signature | null;
  referenceYear: number | null;
}

const COMMITTEE = '中央|省委|市委|州委|盟委|区委|县委|旗委|校党委|党工委|党委|党组|工委';
const CN_NUM = '一二三四五六七八九十';
const TERM_RE = new RegExp(`(?:第)?([${CN_NUM}]{1,3})届`);
const COMMITTEE_ROUND_RE = new RegExp(`(${COMMITTEE})第([${CN_NUM}\\d]{1,3})轮`);
const ROUND_RE = new RegExp(`第([${CN_NUM}\\d]{1,3})轮`);
const GROUP_RE = new RegExp(
  `(?:[${CN_NUM}]{1,3}届)?(?:${COMMITTEE})?第[${CN_NUM}\\d]{1,3}(?:专项|机动|联动|提级)?(?:巡视|巡察)组`,
);
const GROUP_COMMITTEE_RE = new RegExp(`^(?:[${CN_NUM}]{1,3}届)?(${COMMITTEE})`);
const TYPE_RE = /(?:开展了?|进行了?|实施了?)([^,。;]{0,24}?(?:巡视|巡察))/;
const GROUP_TYPE_RE = /(专项|机动|联动|提级)(巡视|巡察)组/;
const TARGET_RE = /对((?:\([^()]{0,40}\)|[^对,。;()]){1,60}?)(?:开展了?|进行了?|实施了?)/;
const ALIAS_RE = /\((?:以下简称|下称|简称)[^()]{0,30}\)/g;
const FEEDBACK_AFTER_RE = /^[^。]{0,30}?反馈/;
const PUBLICITY_RE = /公开期限|公示期限|公开时间|公示时间|公示期|公开期/;
const PUBLISHED_RE = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s?(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;
const URL_DATE_RE = /\/t(\d{4})(\d{2})(\d{2})_/;
const PHONE_RE =
  /(?:电话|联系电话|监督电话|举报电话|热线)\s?[:为]?\s?((?:\(0\d{2,3}\)|0\d{2,3}-?)?\d{7,8}(?:-\d{1,5})?|1[3-9]\d{9})/;
const HOURS_AFTER_RE = /^\s?\(([^()]{2,40})\)/;
const HOURS_RE = /((?:工作日|周一至周五|每周一至周五)[^;,。()]{0,30})/;
const EMAIL_RE = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,6}/;

function maskTitles(text: string): string {
  return applyMask(text, bookTitleSpans(text));
}

export function guessKind(title: string | null, fullText: string): ParsedInspection['kind'] {
  const fromTitle = title ? /巡视|巡察/.exec(maskTitles(title)) : null;
  if (fromTitle) return fromTitle[0] === '巡视' ? 'xunshi' : 'xuncha';
  const text = maskTitles(fullText);
  const xunshi = text.split('巡视').length - 1;
  const xuncha = text.split('巡察').length - 1;
  if (xunshi === xuncha) return null;
  return xunshi > xuncha ? 'xunshi' : 'xuncha';
}

function parseRound(s: string | undefined): number | null {
  if (s === undefined) return null;
  return chineseToNumber(s);
}

interface Resolved {
  date: CalendarDate | null;
  lossy: boolean;
  alternatives: number;
}

function resolveSingle(m: DateMention | undefined, fallbackYear: number | null, after: CalendarDate | null): Resolved {
  if (!m) return { date: null, lossy: false, alternatives: 0 };
  const cands = candidateDates(m, fallbackYear, after);
  const preferred = after ? cands.filter((c) => compareDates(c, after) >= 0) : cands;
  const pool = preferred.length > 0 ? preferred : cands;
  return { date: pool[0] ?? null, lossy: isLossy(m), alternatives: cands.length };
}

function resolveRange(
  a: DateMention,
  b: DateMention,
  fallbackYear: number | null,
): { from: CalendarDate | null; to: CalendarDate | null; readings: number } {
  const pairs: Array<{ from: CalendarDate; to: CalendarDate; span: number }> = [];
  for (const from of candidateDates(a, fallbackYear)) {
    for (const to of candidateDates(b, fallbackYear, from)) {
      const span = daysBetween(from, to);
      if (span >= 0 && span <= 366) pairs.push({ from, to, span });
    }
  }
  if (pairs.length === 0) {
    const from = candidateDates(a, fallbackYear)[0] ?? null;
    return { from, to: null, readings: 0 };
  }
  // Inspection and publicity periods last weeks, not most of a year: prefer short plausible readings.
  pairs.sort((x, y) => Number(x.span > 120) - Number(y.span > 120) || x.span - y.span);
  return { from: pairs[0]!.from, to: pairs[0]!.to, readings: pairs.length };
}

function warnDates(
  warnings: WarningList,
  label: string,
  mentions: DateMention[],
  chosen: CalendarDate | null,
  readings: number,
): void {
  const raw = mentions.map((m) => m.raw).join('—');
  if (mentions.some(isLossy)) {
    warnings.add(
      'DATE_AMBIGUOUS',
      chosen
        ? `${label}“${raw}”缺少年或月的分隔字，按上下文读作${describeDate(chosen)}${readings > 1 ? `（共有${readings}种读法）` : ''}，请核对`
        : `${label}“${raw}”缺少年或月的分隔字，无法确定日期，请人工填写`,
      raw,
    );
  }
}

function warnInferredYear(
  warnings: WarningList,
  label: string,
  m: DateMention | undefined,
  chosen: CalendarDate | null,
): void {
  if (!m || m.year !== null || m.relativeYear !== null || isLossy(m) || !chosen) return;
  warnings.add('DATE_YEAR_INFERRED', `${label}“${m.raw}”未写年份，按上下文推定为${chosen.year}年，请核对`, m.raw);
}

function yearOf(iso: string | null): number | null {
  if (!iso) return null;
  const y = Number(iso.slice(0, 4));
  return Number.isInteger(y) ? y : null;
}

function parsePublished(meta: Map<string, string>, fullText: string): string | null {
  for (const key of ['发布时间', '发布日期', '生成日期']) {
    const v = meta.get(key);
    const m = v ? PUBLISHED_RE.exec(v) : null;
    if (!m) continue;
    const date = toIso({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
    const valid =
      candidateDates(
        {
          start: 0,
          end: 0,
          raw: m[0],
          year: Number(m[1]),
          month: Number(m[2]),
          day: Number(m[3]),
          mdDigits: null,
          relativeYear: null,
        },
        null,
      ).length > 0;
    if (!valid || !date) continue;
    if (m[4] === undefined) return date;
    const hh = Number(m[4]);
    const mm = Number(m[5]);
    const ss = m[6] === undefined ? 0 : Number(m[6]);
    if (hh > 23 || mm > 59 || ss > 59) return date;
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${date}T${pad(hh)}:${pad(mm)}:${pad(ss)}+08:00`;
  }
  const url = URL_DATE_RE.exec(fullText);
  if (url) {
    const d = { year: Number(url[1]), month: Number(url[2]), day: Number(url[3]) };
    const ok =
      candidateDates({ start: 0, end: 0, raw: url[0], ...d, mdDigits: null, relativeYear: null }, null).length > 0;
    if (ok) return toIso(d);
  }
  return null;
}

export function extractInspection(input: MetadataInput, warnings: WarningList): ParsedInspection {
  const { title, meta, signature } = input;
  const preamble = maskTitles(input.preamble);
  const closing = input.closing;
  const head = maskTitles(`${title ?? ''}\n${input.preamble}`);
  const body = maskTitles(input.fullText);

  const issuerFromTitle = title ? /^(.{2,40}?)\s?关于/.exec(title)?.[1]?.trim() : undefined;
  const issuer =
    (issuerFromTitle && !/^\d/.test(issuerFromTitle) ? issuerFromTitle : null) ??
    signature?.issuer ??
    meta.get('发布机构') ??
    meta.get('信息来源') ??
    meta.get('来源') ??
    null;

  const termMatch = TERM_RE.exec(head);
  const committeeRound = COMMITTEE_ROUND_RE.exec(head);
  const group = GROUP_RE.exec(preamble)?.[0] ?? GROUP_RE.exec(body)?.[0] ?? null;
  const issuingCommittee = committeeRound?.[1] ?? (group ? (GROUP_COMMITTEE_RE.exec(group)?.[1] ?? null) : null);
  const round = parseRound(committeeRound?.[2] ?? ROUND_RE.exec(head)?.[1]);

  let inspectionType: string | null = null;
  const typePhrase = TYPE_RE.exec(preamble)?.[1]?.replace(/^.*的/, '').trim();
  if (typePhrase && typePhrase !== '巡视' && typePhrase !== '巡察') inspectionType = typePhrase;
  if (!inspectionType && group) {
    const g = GROUP_TYPE_RE.exec(group);
    if (g) inspectionType = `${g[1]}${g[2]}`;
  }

  const targetRaw = TARGET_RE.exec(preamble)?.[1];
  const target = targetRaw ? targetRaw.replace(ALIAS_RE, '').trim() || null : null;

  const publishedAt = parsePublished(meta, input.fullText);
  const signedMention = signature ? findDates(signature.dateText)[0] : undefined;
  const signedFallbackYear = input.referenceYear ?? yearOf(publishedAt);
  let signed = resolveSingle(signedMention, signedFallbackYear, null).date;
  if (signedMention) warnDates(warnings, '落款日期', [signedMention], signed, 1);
  if (!signed) {
    const chengwen = meta.get('成文日期');
    const m = chengwen ? findDates(chengwen)[0] : undefined;
    signed = resolveSingle(m, signedFallbackYear, null).date;
  }

  // Publicity period.
  const publicityText = PUBLICITY_RE.test(closing) ? closing : input.fullText;
  const pk = publicityText.search(PUBLICITY_RE);
  let publicityFrom: CalendarDate | null = null;
  let publicityTo: CalendarDate | null = null;
  const referenceYear = input.referenceYear ?? yearOf(publishedAt) ?? (signed ? signed.year : null);
  if (pk >= 0) {
    const window = publicityText.slice(pk, pk + 80);
    const mentions = findDates(window);
    const range = findRanges(window, mentions)[0];
    if (range) {
      const r = resolveRange(range[0], range[1], referenceYear);
      publicityFrom = r.from;
      publicityTo = r.to;
      warnDates(warnings, '公开期限', range, r.from, r.readings);
      warnInferredYear(warnings, '公开期限起始日', range[0], r.from);
    } else if (mentions[0]) {
      publicityFrom = resolveSingle(mentions[0], referenceYear, null).date;
      warnDates(warnings, '公开期限', [mentions[0]], publicityFrom, 1);
      warnInferredYear(warnings, '公开期限起始日', mentions[0], publicityFrom);
    }
  }

  // On-site period and feedback date, from the opening paragraph.
  const mentions = findDates(preamble);
  const ranges = findRanges(preamble, mentions);
  const onSiteRange = ranges[0];
  const feedbackMention = mentions.find(
    (m) =>
      !(onSiteRange && (m === onSiteRange[0] || m === onSiteRange[1])) &&
      FEEDBACK_AFTER_RE.test(preamble.slice(m.end, m.end + 40)),
  );
  const explicitYear = onSiteRange?.[0].year ?? onSiteRange?.[1].year ?? feedbackMention?.year ?? null;
  const publishedMention = publishedAt ? findDates(publishedAt.slice(0, 10))[0] : undefined;
  const publishedDate: CalendarDate | null = publishedMention
    ? (candidateDates(publishedMention, null)[0] ?? null)
    : null;
  const anchor = publishedDate ?? signed ?? publicityFrom;
  let inspectionYear = explicitYear ?? input.referenceYear ?? anchor?.year ?? null;
  let onSiteFrom: CalendarDate | null = null;
  let onSiteTo: CalendarDate | null = null;
  if (onSiteRange) {
    let r = resolveRange(onSiteRange[0], onSiteRange[1], inspectionYear);
    // A year taken from the publication date cannot put the inspection after the notice about it.
    if (
      explicitYear === null &&
      input.referenceYear === null &&
      anchor &&
      r.from &&
      compareDates(r.from, anchor) > 0 &&
      inspectionYear !== null
    ) {
      inspectionYear -= 1;
      r = resolveRange(onSiteRange[0], onSiteRange[1], inspectionYear);
    }
    onSiteFrom = r.from;
    onSiteTo = r.to;
    warnDates(warnings, '进驻时间', onSiteRange, r.from, r.readings);
    warnInferredYear(warnings, '进驻开始日期', onSiteRange[0], r.from);
  }
  let feedback: CalendarDate | null = null;
  if (feedbackMention) {
    const r = resolveSingle(
      feedbackMention,
      onSiteTo?.year ?? onSiteFrom?.year ?? inspectionYear,
      onSiteTo ?? onSiteFrom,
    );
    feedback = r.date;
    warnDates(warnings, '反馈日期', [feedbackMention], feedback, r.alternatives);
    warnInferredYear(warnings, '反馈日期', feedbackMention, feedback);
  }
  for (const [label, d] of [
    ['进驻开始日期', onSiteFrom],
    ['进驻结束日期', onSiteTo],
    ['公开期限', publicityFrom],
  ] as const) {
    if (d && d.day === null) warnings.add('DATE_IMPRECISE', `${label}只写到月份（${describeDate(d)}），请核对具体日期`);
  }

  const contactSource = PHONE_RE.test(closing) ? closing : input.fullText;
  const phoneMatch = PHONE_RE.exec(contactSource);
  let contactHours: string | null = null;
  if (phoneMatch) {
    const after = contactSource.slice(
      (phoneMatch.index ?? 0) + phoneMatch[0].length,
      (phoneMatch.index ?? 0) + phoneMatch[0].length + 50,
    );
    const paren = HOURS_AFTER_RE.exec(after);
    if (paren && /\d|工作日|周/.test(paren[1]!)) contactHours = paren[1]!.trim();
  }
  if (!contactHours) contactHours = HOURS_RE.exec(closing)?.[1]?.trim() ?? null;
  const contactEmail = EMAIL_RE.exec(closing)?.[0] ?? EMAIL_RE.exec(input.fullText)?.[0] ?? null;

  return {
    title,
    issuer,
    kind: guessKind(title, input.fullText),
    term: termMatch ? `${termMatch[1]}届` : null,
    issuingCommittee,
    round,
    group,
    inspectionType,
    target,
    onSiteFrom: toIso(onSiteFrom),
    onSiteTo: toIso(onSiteTo),
    feedbackDate: toIso(feedback),
    publishedAt,
    publicityFrom: toIso(publicityFrom),
    publicityTo: toIso(publicityTo),
    contactPhone: phoneMatch?.[1] ?? null,
    contactHours,
    contactEmail,
    signedOn: toIso(signed),
  };
}
