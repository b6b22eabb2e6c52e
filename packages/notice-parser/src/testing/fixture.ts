import { readFileSync } from 'node:fs';
import type { ParsedNotice } from '../types.js';

// the repository's copy of the published notice: src/testing → notice-parser → packages → repository root
const FIXTURE_URL = new URL('../../../../fixtures/notices/wuhan-jkq-2024-07-18.txt', import.meta.url);

export function readFixture(): string {
  return readFileSync(FIXTURE_URL, 'utf8');
}

/** Every printable ASCII character to its full-width form, spaces to U+3000, LF to CRLF. */
export function toFullWidthCrlf(text: string): string {
  return text
    .replace(/[\x21-\x7e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))
    .replace(/ /g, '\u3000')
    .replace(/\n/g, '\r\n');
}

const isStringOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
const isNumberOrNull = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));
const ISO_DATE = /^\d{4}-\d{2}(?:-\d{2})?$/;

/** Shape violations of a parse result, as readable strings; empty when the result is well formed. */
export function shapeErrors(result: ParsedNotice): string[] {
  const errors: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) errors.push(what);
  };
  const i = result.inspection;
  for (const key of [
    'title',
    'issuer',
    'term',
    'issuingCommittee',
    'group',
    'inspectionType',
    'target',
    'publishedAt',
    'contactPhone',
    'contactHours',
    'contactEmail',
  ] as const) {
    check(isStringOrNull(i[key]), `inspection.${key}`);
  }
  for (const key of ['onSiteFrom', 'onSiteTo', 'feedbackDate', 'publicityFrom', 'publicityTo', 'signedOn'] as const) {
    const v = i[key];
    check(v === null || (typeof v === 'string' && ISO_DATE.test(v)), `inspection.${key} = ${String(v)}`);
  }
  check(i.kind === null || i.kind === 'xunshi' || i.kind === 'xuncha', 'inspection.kind');
  check(isNumberOrNull(i.round), 'inspection.round');
  check(isStringOrNull(result.preamble), 'preamble');
  check(isStringOrNull(result.organisationText), 'organisationText');
  check(isStringOrNull(result.nextStepsText), 'nextStepsText');
  check(Array.isArray(result.categories), 'categories');
  result.categories.forEach((c, n) =>
    check(c.seq === n + 1 && typeof c.label === 'string' && typeof c.title === 'string', `category ${n}`),
  );
  check(Array.isArray(result.warnings), 'warnings');
  for (const w of result.warnings)
    check(typeof w.code === 'string' && /^[A-Z_]+$/.test(w.code) && typeof w.message === 'string', `warning ${w.code}`);
  result.problems.forEach((p, n) => {
    check(p.seq === n + 1, `problem ${n} seq`);
    check(typeof p.label === 'string' && p.label !== '', `problem ${n} label`);
    check(typeof p.title === 'string', `problem ${n} title`);
    check(isNumberOrNull(p.categorySeq), `problem ${n} categorySeq`);
    check(
      p.parentSeq === undefined || p.parentSeq === null || (p.parentSeq >= 1 && p.parentSeq < p.seq),
      `problem ${n} parentSeq`,
    );
    check(isStringOrNull(p.overview), `problem ${n} overview`);
    check(typeof p.truncated === 'boolean', `problem ${n} truncated`);
    check(typeof p.sourceText === 'string', `problem ${n} sourceText`);
    check(
      p.statusHint === null || p.statusHint === 'completed' || p.statusHint === 'ongoing',
      `problem ${n} statusHint`,
    );
    p.measures.forEach((m, k) => {
      check(m.seq === k + 1 && typeof m.text === 'string' && isStringOrNull(m.lead), `problem ${n} measure ${k}`);
    });
    for (const f of p.facts) {
      check(Number.isFinite(f.value) && [1, 10000, 100000000].includes(f.multiplier), `problem ${n} fact ${f.rawText}`);
      check(['quantity', 'percent', 'ratio', 'rank'].includes(f.kind), `problem ${n} fact kind`);
    }
    for (const a of p.accountability) {
      check(
        typeof a.form === 'string' && isNumberOrNull(a.count) && [null, '人', '人次', '家'].includes(a.countUnit),
        `problem ${n} accountability`,
      );
    }
    for (const r of p.rules) check(['issued', 'revised', 'studied', 'mentioned'].includes(r.role), `problem ${n} rule`);
    for (const f of p.funds) check(Number.isFinite(f.amount) && f.unit === '万元', `problem ${n} fund`);
  });
  return errors;
}
