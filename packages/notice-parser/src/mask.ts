import { dateLikeSpans } from './dates.js';

/** Replacement for masked characters: a private-use code point that no pattern matches. */
export const MASK = '\uE000';

export function applyMask(text: string, spans: Array<[number, number]>): string {
  if (spans.length === 0) return text;
  const chars = text.split('');
  for (const [start, end] of spans) {
    for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++) chars[i] = MASK;
  }
  return chars.join('');
}

/** Spans of 《…》 titles (outermost pair; an unclosed 《 runs to the end of its sentence). */
export function bookTitleSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '《') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '》' && depth > 0) {
      depth--;
      if (depth === 0) spans.push([start, i + 1]);
    } else if (depth > 0 && (ch === '。' || ch === '\n')) {
      spans.push([start, i]);
      depth = 0;
    }
  }
  if (depth > 0) spans.push([start, text.length]);
  return spans;
}

const NON_FACT_RE =
  /(?<!\d)0\d{2,3}-\d{7,8}(?:-\d{1,5})?(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)|[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,6}|https?:\/\/[\x21-\x7e]{1,300}|第\d{1,6}(?:条|款|项|章|节|批|次|期|届|轮|号|季度|阶段)|[A-Za-z]{1,10}\d{1,10}[A-Za-z\d]{0,10}/g;

/** Masks what must not be read as a figure: 《》 titles, dates, office hours, phones, e-mails, URLs, article numbers. */
export function maskNonFacts(text: string): string {
  const spans = [...bookTitleSpans(text), ...dateLikeSpans(text)];
  for (const m of text.matchAll(NON_FACT_RE)) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return applyMask(text, spans);
}
