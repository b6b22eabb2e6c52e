import type { MaskReplacement } from './publication.entity.js';

export const DEFAULT_TERM_REPLACEMENT = '＊＊＊';

// Two-character surnames: 欧阳娜娜 becomes 欧阳某, not 欧某.
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
  '轩辕',
  '独孤',
  '南宫',
  '西门',
  '百里',
  '呼延',
  '澹台',
  '公冶',
  '太史',
  '申屠',
  '闻人',
  '万俟',
  '钟离',
  '赫连',
  '拓跋',
  '第五',
  '东郭',
  '左丘',
  '濮阳',
  '单于',
  '司空',
  '仲孙',
  '淳于',
  '宗政',
  '鲜于',
  '亓官',
  '公羊',
]);

// A personal name as registered: 2–4 Chinese characters, or a transliterated name with a middle dot (阿依·买买提).
// Longer entries (水湖局负责人, 系统管理员) are role descriptions used as display names, not names.
const HAN_NAME = /^\p{Script=Han}{2,4}$/u;
const DOTTED_NAME = /^\p{Script=Han}{1,8}(?:[·•]\p{Script=Han}{1,8}){1,3}$/u;

export function looksLikePersonName(name: string): boolean {
  return HAN_NAME.test(name) || DOTTED_NAME.test(name);
}

/** 张某某 → 张某, 欧阳娜娜 → 欧阳某, 阿依·买买提 → 阿某. */
export function maskedName(name: string): string {
  const chars = [...name];
  const surname =
    chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? chars.slice(0, 2).join('') : chars[0];
  return `${surname}某`;
}

/** `term` or `term=>replacement`; an empty replacement falls back to ＊＊＊ so that nothing vanishes silently. */
export function parseTerm(entry: string): { original: string; replacement: string } | null {
  const arrow = entry.indexOf('=>');
  const original = (arrow >= 0 ? entry.slice(0, arrow) : entry).trim();
  if (!original) return null;
  const replacement = arrow >= 0 ? entry.slice(arrow + 2).trim() : '';
  return { original, replacement: replacement || DEFAULT_TERM_REPLACEMENT };
}

interface Rule {
  kind: 'name' | 'term';
  original: string;
  replacement: string;
}

export interface MaskResult {
  text: string;
  replacements: Array<Required<MaskReplacement>>;
  maskedCount: number;
}

/**
 * Replaces every configured term and every person name in one left-to-right pass, longest match first, so a
 * replacement is never masked again (张某某 → 张某 is not then matched by a person named 张某). Terms win over names
 * on the same text. Returns the rules that matched, with their counts, in order of first appearance.
 */
export function maskText(text: string, options: { names: string[]; terms: string[] }): MaskResult {
  const rules = new Map<string, Rule>();
  for (const entry of options.terms) {
    const term = parseTerm(entry);
    if (term && term.original !== term.replacement) rules.set(term.original, { kind: 'term', ...term });
  }
  for (const raw of options.names) {
    const name = raw.trim();
    if (!looksLikePersonName(name) || rules.has(name)) continue;
    const replacement = maskedName(name);
    // a name already written as 张某 needs nothing
    if (replacement !== name) rules.set(name, { kind: 'name', original: name, replacement });
  }

  // candidates by first UTF-16 unit, longest first: a scan costs the text length times the few rules per character
  const byFirst = new Map<string, Rule[]>();
  for (const rule of rules.values()) {
    const list = byFirst.get(rule.original[0]) ?? [];
    list.push(rule);
    byFirst.set(rule.original[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.original.length - a.original.length);

  const counts = new Map<Rule, number>();
  let out = '';
  let index = 0;
  while (index < text.length) {
    const rule = byFirst.get(text[index])?.find((candidate) => text.startsWith(candidate.original, index));
    if (rule) {
      out += rule.replacement;
      index += rule.original.length;
      counts.set(rule, (counts.get(rule) ?? 0) + 1);
    } else {
      out += text[index];
      index += 1;
    }
  }
  const replacements = [...counts].map(([rule, count]) => ({
    kind: rule.kind,
    original: rule.original,
    replacement: rule.replacement,
    count,
  }));
  return { text: out, replacements, maskedCount: replacements.reduce((sum, entry) => sum + entry.count, 0) };
}

/** The replacements as they may be shown once the originals are no longer needed. */
export function withoutOriginals(replacements: MaskReplacement[]): MaskReplacement[] {
  return replacements.map(({ kind, replacement, count }) => ({ kind, replacement, count }));
}
