import { MEASURE_STATUS_LABELS, PROBLEM_STATUS_LABELS, isMeasureDone, type MeasureStatus } from '@zhenggai/domain';
import { chineseDate, kindWord, ordinalShi, roundName } from '../chinese.js';
import type { InspectionDocRow, MeasureDocRow, OutcomeTotals, ProblemDocRow } from './documents.repository.js';
import type { Block, WordDocument } from './gbt9704.js';
import { nextStepsBlocks, openingSentence, statusCounts } from './notice-document.js';

export interface ReportInput {
  inspection: InspectionDocRow;
  problems: ProblemDocRow[];
  measures: Map<string, MeasureDocRow[]>;
  outcomes: OutcomeTotals;
  today: string;
  date: string;
  countDeemedAsComplete: boolean;
}

/** A rate in percent with one decimal (0 when there is nothing to count). */
export const percent = (part: number, total: number): string =>
  total === 0 ? '0' : String(Math.round((part * 1000) / total) / 10);

const amount = (value: number) => String(Math.round(value * 100) / 100);

function measureSentence(measure: MeasureDocRow, index: number): string {
  const text = measure.text.trim().replace(/[。；;，,]$/, '');
  const facts = [`完成情况：${MEASURE_STATUS_LABELS[measure.status]}`];
  if (measure.deadline) facts.push(`完成时限：${chineseDate(measure.deadline)}`);
  else if (measure.term === 'long_term') facts.push('完成时限：长期坚持');
  if (measure.leadUnitName) facts.push(`牵头单位：${measure.leadUnitName}`);
  let sentence = `${ordinalShi(index + 1)}${text}（${facts.join('；')}）。`;
  const progress = measure.progressText?.trim();
  if (progress && progress !== measure.text.trim()) {
    sentence += `最新进展${measure.progressOn ? `（${chineseDate(measure.progressOn)}）` : ''}：${progress.replace(/[。]?$/, '。')}`;
  }
  return sentence;
}

/** 整改进展情况报告: totals and rates, outcomes, and a narrative per problem from live data. */
export function buildReport(input: ReportInput): WordDocument {
  const { inspection, problems } = input;
  const kind = kindWord(inspection.kind);
  const title = `${inspection.issuer ?? ''}关于${roundName(inspection)}整改进展情况的报告`;
  const blocks: Block[] = [{ kind: 'title', text: title }];
  if (inspection.issuingCommittee)
    blocks.push({ kind: 'addressee', text: `${inspection.issuingCommittee}${kind}工作领导小组办公室：` });
  blocks.push({
    kind: 'paragraph',
    text: `${openingSentence(inspection)}按照${kind}整改工作要求，现将截至${chineseDate(input.date)}的整改进展情况报告如下。`,
  });

  const counts = statusCounts(problems);
  const all = [...input.measures.values()].flat();
  const byStatus = (status: MeasureStatus) => all.filter((measure) => measure.status === status).length;
  const problemDone = counts.completed + (input.countDeemedAsComplete ? counts.deemed_completed : 0);
  const measureDone = byStatus('completed') + (input.countDeemedAsComplete ? byStatus('deemed_completed') : 0);
  const overdue = all.filter(
    (measure) => !isMeasureDone(measure.status) && measure.deadline !== null && measure.deadline < input.today,
  ).length;
  const basis = input.countDeemedAsComplete ? '已完成和视同完成计入完成' : '仅已完成计入完成';

  blocks.push({ kind: 'heading1', text: '一、整改总体情况' });
  blocks.push({
    kind: 'paragraph',
    text:
      `${kind}反馈问题共${problems.length}个，已完成${counts.completed}个、视同完成${counts.deemed_completed}个、未完成${counts.in_progress}个，` +
      `问题整改完成率${percent(problemDone, problems.length)}%（${basis}）。制定整改措施${all.length}项，已完成${byStatus('completed')}项、` +
      `视同完成${byStatus('deemed_completed')}项、待审核${byStatus('pending_review')}项、推进中${byStatus('in_progress')}项、` +
      `未启动${byStatus('not_started')}项，措施完成率${percent(measureDone, all.length)}%；逾期未完成${overdue}项。`,
  });

  const { outcomes } = input;
  blocks.push({ kind: 'heading1', text: '二、整改成效' });
  blocks.push({
    kind: 'paragraph',
    text:
      `通过整改，共问责${outcomes.people}人、${outcomes.personTimes}人次；建章立制${outcomes.rules}项；` +
      `追缴、清退、挽回资金${amount(outcomes.funds)}万元。`,
  });

  blocks.push({ kind: 'heading1', text: '三、问题整改情况' });
  problems.forEach((problem, index) => {
    const measures = input.measures.get(problem.id) ?? [];
    blocks.push({
      kind: 'heading3',
      text: `${index + 1}.关于“${problem.title}”的问题`,
      rest: `（${PROBLEM_STATUS_LABELS[problem.status]}）`,
    });
    if (problem.overview?.trim()) blocks.push({ kind: 'paragraph', text: `整改情况：${problem.overview.trim()}` });
    measures.forEach((measure, measureIndex) =>
      blocks.push({ kind: 'paragraph', text: measureSentence(measure, measureIndex) }),
    );
    if (measures.length === 0) blocks.push({ kind: 'paragraph', text: '尚未制定整改措施。' });
  });

  blocks.push({ kind: 'heading1', text: '四、下步工作安排' });
  blocks.push(...nextStepsBlocks(problems, kind));
  blocks.push({ kind: 'signature', issuer: inspection.issuer ?? '', date: chineseDate(input.date) });
  return { title, blocks };
}
