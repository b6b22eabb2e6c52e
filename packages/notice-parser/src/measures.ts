import { numberToChinese } from './chinese-numerals.js';
import type { ParsedMeasure } from './types.js';

export interface Enumeration {
  overview: string | null;
  measures: ParsedMeasure[];
  /** Ordinals skipped in the sequence (一是 … 三是 with no 二是). */
  gaps: number[];
  style: 'shi' | 'paren' | 'circled' | 'di' | 'none';
}

interface Hit {
  start: number;
  end: number;
}

const DELIMITER = /[。;,:!?\s]/;
const MAX_ORDINALS = 60;
const LEAD_MAX = 40;

function atDelimiter(text: string, index: number): boolean {
  return index === 0 || DELIMITER.test(text[index - 1]!);
}

type TokenFn = (k: number) => string;
type AcceptFn = (text: string, hitStart: number, hitEnd: number) => boolean;

/** Finds token(1), token(2), … in order, each preceded by a delimiter; allows one skipped number. */
function scanSequence(text: string, token: TokenFn, accept: AcceptFn): { hits: Hit[]; gaps: number[] } {
  const hits: Hit[] = [];
  const gaps: number[] = [];
  let from = 0;
  let k = 1;
  const find = (n: number): Hit | null => {
    const t = token(n);
    let i = text.indexOf(t, from);
    while (i !== -1) {
      if (atDelimiter(text, i) && accept(text, i, i + t.length)) return { start: i, end: i + t.length };
      i = text.indexOf(t, i + 1);
    }
    return null;
  };
  while (k <= MAX_ORDINALS) {
    let hit = find(k);
    if (!hit && hits.length > 0) {
      hit = find(k + 1);
      if (hit) {
        gaps.push(k);
        k++;
      }
    }
    if (!hit) break;
    hits.push(hit);
    from = hit.end;
    k++;
  }
  return { hits, gaps };
}

const shiToken: TokenFn = (k) => `${numberToChinese(k)}是`;
const acceptShi: AcceptFn = (text, _s, end) => text[end] !== '否';
const parenToken: TokenFn = (k) => `(${k})`;
const circledToken: TokenFn = (k) => (k <= 20 ? String.fromCharCode(0x2460 + k - 1) : '\u0000');
const diToken: TokenFn = (k) => `第${numberToChinese(k)}`;
const acceptDi: AcceptFn = (text, _s, end) => /[,、:是]/.test(text[end] ?? '');
const acceptAny: AcceptFn = () => true;

function tidy(text: string): string {
  return text
    .replace(/\s*\n\s*/g, '')
    .replace(/^[\s,;:、]+/, '')
    .replace(/[\s,;、]+$/, '')
    .trim();
}

function leadOf(text: string): string | null {
  const q = text.indexOf('。');
  if (q < 0 || q + 1 > LEAD_MAX) return null;
  if (text.slice(q + 1).trim() === '') return null;
  const lead = text.slice(0, q).trim();
  return lead === '' ? null : lead;
}

/**
 * Splits a problem body at 一是/二是/… (fallbacks: (1)(2), ①②, 第一/第二). Without an enumeration the
 * whole body becomes one measure. An empty body gives no measure.
 */
export function splitMeasures(body: string): Enumeration {
  const candidates: Array<{ style: Enumeration['style']; min: number; token: TokenFn; accept: AcceptFn }> = [
    { style: 'shi', min: 1, token: shiToken, accept: acceptShi },
    { style: 'paren', min: 2, token: parenToken, accept: acceptAny },
    { style: 'circled', min: 2, token: circledToken, accept: acceptAny },
    { style: 'di', min: 2, token: diToken, accept: acceptDi },
  ];
  for (const c of candidates) {
    const { hits, gaps } = scanSequence(body, c.token, c.accept);
    if (hits.length < c.min) continue;
    const overview = tidy(body.slice(0, hits[0]!.start));
    const measures: ParsedMeasure[] = [];
    hits.forEach((hit, i) => {
      const end = i + 1 < hits.length ? hits[i + 1]!.start : body.length;
      const text = tidy(body.slice(hit.end, end));
      measures.push({ seq: measures.length + 1, lead: leadOf(text), text });
    });
    return { overview: overview === '' ? null : overview, measures, gaps, style: c.style };
  }
  const whole = tidy(body);
  if (whole === '') return { overview: null, measures: [], gaps: [], style: 'none' };
  return { overview: whole, measures: [{ seq: 1, lead: null, text: whole }], gaps: [], style: 'none' };
}
