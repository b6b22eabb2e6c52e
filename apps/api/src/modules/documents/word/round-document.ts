import { chineseDate, chineseNumber } from '../chinese.js';
import type { Block, WordDocument } from './gbt9704.js';

export interface RoundMeasureChange {
  label: string;
  unitName: string;
}

/** What the 汇总 of a reporting round shows (Word and workbook); the report-rounds module fills it in. */
export interface RoundCompilationInput {
  /** 第3期 */
  number: string;
  title: string;
  periodEnd: string;
  dueDate: string;
  /** 成文日期 */
  date: string;
  /** the round before, as 第2期; null for the first */
  previousNumber: string | null;
  counts: { expected: number; submitted: number; late: number; missing: number };
  /** every unit in scope, in unit order */
  units: Array<{
    unitName: string;
    statusLabel: string;
    punctualityLabel: string | null;
    /** standing report: true; pending or returned: false */
    submitted: boolean;
    /** 2024-03-18 09:30, China time */
    submittedAt: string | null;
    submittedBy: string | null;
    late: boolean;
    completedSincePrevious: number;
    newlyOverdue: number;
    items: Array<{
      label: string;
      problemTitle: string;
      text: string;
      statusLabel: string;
      deadline: string | null;
      lightLabel: string;
      progress: string;
    }>;
  }>;
  changes: {
    newlyCompleted: RoundMeasureChange[];
    newlyOverdue: RoundMeasureChange[];
    deadlineChanges: Array<RoundMeasureChange & { from: string | null; to: string | null }>;
  };
}

const listed = (changes: RoundMeasureChange[]): string =>
  changes.length === 0 ? '无。' : `${changes.map((change) => `${change.unitName}${change.label}`).join('、')}。`;

/**
 * 第N期整改进展情况 in the GB/T 9704 layout: the counts, each reporting unit's measures as frozen in its report,
 * the changes since the round before, and the units that did not report.
 */
export function buildRoundReport(input: RoundCompilationInput): WordDocument {
  const title = `${input.number}整改进展情况`;
  const { counts } = input;
  const reported = input.units.filter((unit) => unit.submitted);
  const missing = input.units.filter((unit) => !unit.submitted);
  const blocks: Block[] = [
    { kind: 'title', text: title },
    {
      kind: 'paragraph',
      text: `${input.title}，统计截至${chineseDate(input.periodEnd)}，报送截止${chineseDate(input.dueDate)}。`,
    },
    { kind: 'heading1', text: '一、报送情况' },
    {
      kind: 'paragraph',
      text: `本期应报送单位${counts.expected}个，已报送${counts.submitted}个（其中逾期报送${counts.late}个），未报送${counts.missing}个。`,
    },
    {
      kind: 'table',
      columns: [
        { title: '应报送', width: 1 },
        { title: '已报送', width: 1 },
        { title: '逾期报送', width: 1 },
        { title: '未报送', width: 1 },
      ],
      rows: [[counts.expected, counts.submitted, counts.late, counts.missing].map(String)],
    },
    { kind: 'heading1', text: '二、各单位整改进展' },
  ];
  if (reported.length === 0) blocks.push({ kind: 'paragraph', text: '本期尚无单位报送。' });
  reported.forEach((unit, index) => {
    blocks.push({
      kind: 'heading2',
      text: `（${chineseNumber(index + 1)}）${unit.unitName}`,
      rest: `报送人：${unit.submittedBy ?? ''}；报送时间：${unit.submittedAt ?? ''}${unit.late ? '（逾期报送）' : ''}；共${unit.items.length}项措施。`,
    });
    blocks.push({
      kind: 'table',
      columns: [
        { title: '序号', width: 1 },
        { title: '整改措施', width: 5 },
        { title: '完成情况', width: 2 },
        { title: '完成时限', width: 2 },
        { title: '本期进展', width: 5 },
      ],
      rows: unit.items.map((item, position) => [
        String(position + 1),
        `${item.label} ${item.text}`,
        item.statusLabel,
        item.deadline ? chineseDate(item.deadline) : '',
        item.progress,
      ]),
    });
  });
  blocks.push({ kind: 'heading1', text: '三、与上期相比的变化' });
  if (input.previousNumber === null) {
    blocks.push({ kind: 'paragraph', text: '本期为首期报送，无上期可比。' });
  } else {
    const { newlyCompleted, newlyOverdue, deadlineChanges } = input.changes;
    blocks.push({ kind: 'paragraph', text: `与${input.previousNumber}相比：` });
    blocks.push({ kind: 'heading2', text: '（一）新完成的措施。', rest: listed(newlyCompleted) });
    blocks.push({ kind: 'heading2', text: '（二）新增逾期的措施。', rest: listed(newlyOverdue) });
    blocks.push({
      kind: 'heading2',
      text: '（三）调整完成时限的措施。',
      rest:
        deadlineChanges.length === 0
          ? '无。'
          : `${deadlineChanges
              .map(
                (change) =>
                  `${change.unitName}${change.label}由${chineseDate(change.from) || '未定'}调整为${chineseDate(change.to) || '未定'}`,
              )
              .join('；')}。`,
    });
  }
  blocks.push({ kind: 'heading1', text: '四、未报送单位' });
  blocks.push({
    kind: 'paragraph',
    text:
      missing.length === 0
        ? '无。'
        : `${missing.map((unit) => `${unit.unitName}（${unit.statusLabel}）`).join('、')}，共${missing.length}个。`,
  });
  blocks.push({ kind: 'signature', issuer: '整改专班', date: chineseDate(input.date) });
  return { title, blocks };
}
