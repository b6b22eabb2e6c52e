import { maskNonFacts } from './mask.js';
import type { NumericFact } from './types.js';

interface FactSpan {
  fact: NumericFact;
  start: number;
  numberStart: number;
  end: number;
}

const UNITS = [
  '平方公里',
  '平方米',
  '立方米',
  '千米',
  '公里',
  '公顷',
  '公斤',
  '千克',
  '千瓦',
  '兆瓦',
  '个月',
  '人次',
  '场次',
  '批次',
  '户次',
  '小时',
  '分钟',
  'km',
  '㎡',
  '元',
  '人',
  '名',
  '个',
  '家',
  '项',
  '次',
  '场',
  '条',
  '处',
  '亩',
  '吨',
  '套',
  '户',
  '件',
  '份',
  '位',
  '座',
  '所',
  '批',
  '天',
  '年',
  '周',
  '米',
  '方',
  '篇',
  '起',
  '类',
  '村',
  '期',
  '台',
  '辆',
  '间',
  '笔',
  '宗',
  '张',
  '本',
  '轮',
  '栋',
  '幢',
  '种',
  '支',
  '部',
  '款',
  '块',
  '段',
  '片',
  '只',
  '头',
  '棵',
  '株',
  '倍',
  '分',
  '门',
  '节',
  '组',
  '层',
  '床',
  '斤',
  '升',
  '度',
];
const NUMBER_RE = /(?<![\d.A-Za-z])\d{1,15}(?:\.\d{1,10})?/g;
const PERCENT_RE = /^\s?(%|‰)/;
const RATIO_RE = /^:(\d{1,6}(?:\.\d{1,6})?)(?![\d:])/;
const MULTIPLIER_RE = /^(万|亿)/;
const APPROX_INFIX_RE = /^(余|多)/;
const UNIT_RE = new RegExp(`^(${UNITS.join('|')})`);
const APPROX_SUFFIX_RE = /^(以上|左右|余|多)/;
const APPROX_PREFIX_RE = /(约|近|超过|超|逾|大约|将近)$/;

function scanFacts(text: string): FactSpan[] {
  const masked = maskNonFacts(text);
  const out: FactSpan[] = [];
  let consumedUntil = 0;
  for (const m of masked.matchAll(NUMBER_RE)) {
    const numberStart = m.index ?? 0;
    if (numberStart < consumedUntil) continue;
    let end = numberStart + m[0].length;
    const value = Number(m[0]);
    if (!Number.isFinite(value)) continue;
    const next = masked.slice(end, end + 1);
    if (/^[A-Za-z]/.test(next) && !/^(?:km)/.test(masked.slice(end, end + 2))) continue;
    if (/^\.\d/.test(masked.slice(end, end + 2))) continue;
    const before = masked.slice(Math.max(0, numberStart - 4), numberStart);
    const prefix = APPROX_PREFIX_RE.exec(before);
    let approx = prefix !== null;
    const start = numberStart - (prefix ? prefix[0].length : 0);
    const tail = (): string => masked.slice(end, end + 12);

    const percent = PERCENT_RE.exec(tail());
    if (percent) {
      end += percent[0].length;
      const suffix = APPROX_SUFFIX_RE.exec(tail());
      if (suffix) {
        approx = true;
        end += suffix[0].length;
      }
      consumedUntil = end;
      out.push({
        start,
        numberStart,
        end,
        fact: { value, unit: percent[1]!, multiplier: 1, kind: 'percent', approx, rawText: text.slice(start, end) },
      });
      continue;
    }
    const ratio = RATIO_RE.exec(tail());
    if (ratio) {
      const right = Number(ratio[1]);
      end += ratio[0].length;
      const ratioValue = right === 0 ? value : Math.round((value / right) * 1e6) / 1e6;
      consumedUntil = end;
      out.push({
        start,
        numberStart,
        end,
        fact: { value: ratioValue, unit: null, multiplier: 1, kind: 'ratio', approx, rawText: text.slice(start, end) },
      });
      continue;
    }
    let multiplier: NumericFact['multiplier'] = 1;
    const mult = MULTIPLIER_RE.exec(tail());
    if (mult) {
      multiplier = mult[1] === '亿' ? 100000000 : 10000;
      end += 1;
    }
    const infix = APPROX_INFIX_RE.exec(tail());
    if (infix) {
      approx = true;
      end += infix[0].length;
    }
    const unitMatch = UNIT_RE.exec(tail());
    const unit = unitMatch ? unitMatch[1]! : null;
    if (unitMatch) end += unitMatch[0].length;
    const suffix = APPROX_SUFFIX_RE.exec(tail());
    if (suffix && unit !== null) {
      approx = true;
      end += suffix[0].length;
    }
    const ordinal = before.endsWith('第');
    if (ordinal && (unit === '位' || unit === '名')) {
      consumedUntil = end;
      out.push({
        start: numberStart - 1,
        numberStart,
        end,
        fact: { value, unit, multiplier, kind: 'rank', approx, rawText: text.slice(numberStart - 1, end) },
      });
      continue;
    }
    if (ordinal) continue;
    consumedUntil = end;
    out.push({
      start,
      numberStart,
      end,
      fact: { value, unit, multiplier, kind: 'quantity', approx, rawText: text.slice(start, end) },
    });
  }
  return out;
}

const SENTENCE_END_RE = /[。;!?\n]/g;
const DONE_RE =
  /(?:已(?:经)?(?:全部)?(?:完成|办理|完善|办结|整改|拆除|落实|解决|销号|处置|清理|清退|追缴)[^\d,。;()]{0,16}?|完成整改)(\d{1,9}(?:\.\d{1,6})?)/g;
const REMAINING_RE =
  /(?:剩余|正在办理|正在整改|尚未完成|未完成|还有|尚有|正在推进)[^\d,。;()]{0,8}?(\d{1,9}(?:\.\d{1,6})?)/g;
const ALL_DONE_RE = /(?:已?全部|均(?:已)?)[^。;,\d]{0,8}?(?:完成|办结|完毕|整改到位|销号)|整改完毕/g;
const SENTENCE_START_MARKER_RE = /^(?:[一二三四五六七八九十]{1,3}是|其中|且)?[,\s]?$/;

function sentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END_RE)) {
    out.push([start, m.index ?? 0]);
    start = (m.index ?? 0) + 1;
  }
  out.push([start, text.length]);
  return out;
}

/**
 * Links “N个…已完成M个，正在办理K个” style statements: the total fact gets total/done/remaining. The
 * total is the nearest quantity before the done figure in the same sentence, or (same unit) the last
 * quantity of the previous sentence when the sentence opens with the done figure.
 */
function linkCompletion(text: string, spans: FactSpan[]): void {
  const quantities = spans.filter((s) => s.fact.kind === 'quantity');
  const byStart = new Map(quantities.map((q) => [q.numberStart, q]));
  const bounds = sentences(text);
  let q0 = 0;
  let previous: FactSpan[] = [];
  for (const [sStart, sEnd] of bounds) {
    while (q0 < quantities.length && quantities[q0]!.start < sStart) q0++;
    let q1 = q0;
    while (q1 < quantities.length && quantities[q1]!.end <= sEnd) q1++;
    const inSentence = quantities.slice(q0, q1);
    const sentence = text.slice(sStart, sEnd);

    // Markers come in text order, so the "facts before the marker" pointer only moves forward.
    const makeTotalFinder = () => {
      let p = 0;
      return (markerStart: number, doneValue: number | null, doneUnit: string | null): FactSpan | undefined => {
        while (p < inSentence.length && inSentence[p]!.end <= markerStart) p++;
        const nearest = p > 0 ? inSentence[p - 1] : undefined;
        if (nearest) return doneValue === null || nearest.fact.value >= doneValue ? nearest : undefined;
        if (!SENTENCE_START_MARKER_RE.test(text.slice(sStart, Math.min(markerStart, sStart + 8)))) return undefined;
        if (markerStart - sStart > 8) return undefined;
        const last = previous[previous.length - 1];
        if (!last) return undefined;
        if (doneValue !== null && (last.fact.value < doneValue || last.fact.unit !== doneUnit)) return undefined;
        return last;
      };
    };

    const doneTotal = makeTotalFinder();
    for (const m of sentence.matchAll(DONE_RE)) {
      const done = byStart.get(sStart + (m.index ?? 0) + m[0].length - m[1]!.length);
      if (!done) continue;
      const total = doneTotal(sStart + (m.index ?? 0), done.fact.value, done.fact.unit);
      const window = text.slice(done.end, Math.min(sEnd, done.end + 40));
      const remainingMatch = new RegExp(REMAINING_RE.source).exec(window);
      const remainingSpan = remainingMatch
        ? byStart.get(done.end + remainingMatch.index + remainingMatch[0].length - remainingMatch[1]!.length)
        : undefined;
      const remaining = remainingSpan?.fact.value;
      const target = total ?? (remaining !== undefined ? done : undefined);
      if (!target || target.fact.total !== undefined) continue;
      const totalValue = total ? total.fact.value : done.fact.value + (remaining ?? 0);
      target.fact.total = totalValue;
      target.fact.done = done.fact.value;
      target.fact.remaining = remaining ?? Math.max(0, Math.round((totalValue - done.fact.value) * 1e6) / 1e6);
    }
    const allTotal = makeTotalFinder();
    for (const m of sentence.matchAll(ALL_DONE_RE)) {
      const total = allTotal(sStart + (m.index ?? 0), null, null);
      if (!total || total.fact.total !== undefined) continue;
      total.fact.total = total.fact.value;
      total.fact.done = total.fact.value;
      total.fact.remaining = 0;
    }
    previous = inSentence;
    q0 = q1;
  }
}

/** Figures in a problem body, in text order, with completion statements linked. */
export function extractFacts(text: string): NumericFact[] {
  const spans = scanFacts(text);
  linkCompletion(text, spans);
  return spans.map((s) => s.fact);
}
