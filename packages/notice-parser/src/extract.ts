import { applyMask, bookTitleSpans } from './mask.js';
import type { AccountabilityItem, FundItem, ParsedProblem, RuleItem } from './types.js';

const CLAUSE_END_RE = /[。;,!?\n]/g;

function clauses(text: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  let start = 0;
  for (const m of text.matchAll(CLAUSE_END_RE)) {
    const end = m.index ?? 0;
    if (end > start) out.push({ start, text: text.slice(start, end) });
    start = end + 1;
  }
  if (start < text.length) out.push({ start, text: text.slice(start) });
  return out;
}

function stripOrdinal(text: string): string {
  return text
    .replace(
      /^\s?(?:[一二三四五六七八九十]{1,3}是|\(\d{1,2}\)|[\u2460-\u2473]|第[一二三四五六七八九十]{1,3}[,、:]?)/,
      '',
    )
    .trim();
}

const FORMS = [
  '问责',
  '诫勉谈话',
  '诫勉',
  '党纪政务处分',
  '党纪处分',
  '政务处分',
  '纪律处分',
  '组织处理',
  '批评教育',
  '责令作出书面检查',
  '责令检查',
  '提醒谈话',
  '谈话提醒',
  '警示谈话',
  '约谈',
  '函询',
  '行政处罚',
  '通报批评',
  '免职',
  '撤职',
  '降职',
  '开除党籍',
  '立案审查调查',
  '立案',
];
const FORM_ALT = FORMS.join('|');
const FORM_GROUP_RE = new RegExp(`(?:${FORM_ALT})(?:[、和及与](?:${FORM_ALT})){0,8}`, 'g');
const COUNT_RE = /(\d{1,6})(?:余|多)?(人次|人|名|家)/g;
const VERB_BEFORE_RE = /(?:给予|进行|予以|作出|实施|采取)\s?$|对[^对\d,]{1,20}$/;

function countUnit(raw: string): AccountabilityItem['countUnit'] {
  if (raw === '人次') return '人次';
  if (raw === '家') return '家';
  return '人';
}

/**
 * Accountability figures: “问责35人”, “累计问责11人次”, “对4名责任人进行问责处理”, “对3家企业和12名个人作出行政处罚”,
 * shared counts (“给予责令检查、批评教育24人”), and counts left unstated (“给予问责处理” → count null).
 */
export function extractAccountability(text: string): AccountabilityItem[] {
  const masked = applyMask(text, bookTitleSpans(text));
  const out: AccountabilityItem[] = [];
  for (const clause of clauses(masked)) {
    const c = clause.text;
    const raw = stripOrdinal(text.slice(clause.start, clause.start + c.length));
    const groups = [...c.matchAll(FORM_GROUP_RE)];
    let consumedUntil = 0;
    groups.forEach((g, gi) => {
      const gStart = g.index ?? 0;
      const gEnd = gStart + g[0].length;
      const form = g[0];
      const nextStart = gi + 1 < groups.length ? (groups[gi + 1]!.index ?? c.length) : c.length;
      const after = c.slice(gEnd, Math.min(nextStart, gEnd + 14)).split('、')[0] ?? '';
      const afterCount = new RegExp(COUNT_RE.source).exec(after);
      if (afterCount && after.slice(0, afterCount.index).search(/\d/) < 0) {
        out.push({ form, count: Number(afterCount[1]), countUnit: countUnit(afterCount[2]!), rawText: raw });
        consumedUntil = gEnd + afterCount.index + afterCount[0].length;
        return;
      }
      const before = c.slice(Math.max(consumedUntil, gStart - 40), gStart);
      const dui = before.lastIndexOf('对');
      if (dui >= 0) {
        const counts = [...before.slice(dui).matchAll(COUNT_RE)];
        if (counts.length > 0) {
          for (const n of counts) out.push({ form, count: Number(n[1]), countUnit: countUnit(n[2]!), rawText: raw });
          consumedUntil = gEnd;
          return;
        }
      }
      if (VERB_BEFORE_RE.test(before)) {
        out.push({ form, count: null, countUnit: null, rawText: raw });
        consumedUntil = gEnd;
      }
    });
  }
  return out;
}

const ISSUE_VERBS = ['制定', '出台', '印发', '发布', '编制', '建立', '起草', '制发', '颁布', '形成'];
const REVISE_VERBS = ['修订', '修改', '完善', '优化', '调整', '更新'];
const STUDY_VERBS = ['学习', '研学', '研讨', '传达', '解读', '宣讲', '培训'];

const VERB_ROLES: Array<[string[], RuleItem['role']]> = [
  [ISSUE_VERBS, 'issued'],
  [REVISE_VERBS, 'revised'],
  [STUDY_VERBS, 'studied'],
];

function nearestVerb(window: string): RuleItem['role'] | null {
  let bestPos = -1;
  let role: RuleItem['role'] | null = null;
  for (const [verbs, r] of VERB_ROLES) {
    for (const v of verbs) {
      const pos = window.lastIndexOf(v);
      if (pos > bestPos) {
        bestPos = pos;
        role = r;
      }
    }
  }
  return role;
}

function lastIndexOfAny(text: string, chars: string): number {
  let best = -1;
  for (const ch of chars) best = Math.max(best, text.lastIndexOf(ch));
  return best;
}

/** 《》 document titles with the role given by the nearest verb before them in the clause (or sentence). */
export function extractRules(text: string): RuleItem[] {
  const spans = bookTitleSpans(text);
  const masked = applyMask(text, spans);
  const out: RuleItem[] = [];
  for (const [start, end] of spans) {
    const title = text
      .slice(start + 1, text[end - 1] === '》' ? end - 1 : end)
      .replace(/\s*\n\s*/g, '')
      .trim();
    if (title === '') continue;
    const windowStart = Math.max(0, start - 200);
    const pre = masked.slice(windowStart, start);
    const clauseWindow = pre.slice(lastIndexOfAny(pre, '。;,\n') + 1);
    const sentenceWindow = pre.slice(lastIndexOfAny(pre, '。;\n') + 1);
    const role = nearestVerb(clauseWindow) ?? nearestVerb(sentenceWindow) ?? 'mentioned';
    const rawText = stripOrdinal(text.slice(start - clauseWindow.length, end));
    out.push({ title, role, rawText });
  }
  return out;
}

const FUND_RE =
  /(追缴|清退|收回|挽回|追回|退还|返还|收缴|退缴)[^。;,\d]{0,20}?(\d{1,12}(?:\.\d{1,6})?)\s?(亿元|万元|元)/g;

/** Money recovered (追缴/清退/收回/挽回 …), converted to 万元. */
export function extractFunds(text: string): FundItem[] {
  const masked = applyMask(text, bookTitleSpans(text));
  const out: FundItem[] = [];
  for (const m of masked.matchAll(FUND_RE)) {
    const value = Number(m[2]);
    if (!Number.isFinite(value)) continue;
    const amount = m[3] === '亿元' ? value * 10000 : m[3] === '元' ? value / 10000 : value;
    const start = m.index ?? 0;
    out.push({
      kind: m[1]!,
      amount: Math.round(amount * 1e6) / 1e6,
      unit: '万元',
      rawText: text.slice(start, start + m[0].length),
    });
  }
  return out;
}

const ONGOING_RE = /正在|正按照|预计|即将|尚未|未完成|计划|长期坚持|持续推进|有序推进|正对接|进入实质性|加快推进/;
const COMPLETED_RE = /已完成|已全部|全部完成|整改完毕|已办结|已拆除|均已|完成整改|已建成|整改到位/;

/** A keyword hint for the reviewer; never a status. */
export function statusHint(text: string): ParsedProblem['statusHint'] {
  const masked = applyMask(text, bookTitleSpans(text));
  if (ONGOING_RE.test(masked)) return 'ongoing';
  if (COMPLETED_RE.test(masked)) return 'completed';
  return null;
}
