import {
  describeEffectiveness,
  PROBLEM_STATUS_NOTICE_LABELS,
  type EffectivenessRating,
  type ProblemStatus,
} from '@zhenggai/domain';
import { parseNotice } from '@zhenggai/notice-parser';
import { chineseDate, chineseNumber, chinesePeriod, kindWord, ordinalShi, roundName } from '../chinese.js';
import type { CategoryDocRow, InspectionDocRow, MeasureDocRow, ProblemDocRow } from './documents.repository.js';
import type { Block, WordDocument } from './gbt9704.js';

export interface NoticeInput {
  inspection: InspectionDocRow;
  categories: CategoryDocRow[];
  problems: ProblemDocRow[];
  measures: Map<string, MeasureDocRow[]>;
  date: string;
  organisationText?: string;
  /** 成效评估: how many signed-off problems were rated how */
  effectiveness?: Partial<Record<EffectivenessRating, number>>;
}

const SENTENCE_END = /[。；;！!？?，,：:]$/;
const endSentence = (text: string) => (SENTENCE_END.test(text) ? text : `${text}。`);

/** Sentences joined into one paragraph, each ended so that the next ordinal (二是) follows a delimiter. */
export function rectificationText(overview: string | null, measures: MeasureDocRow[]): string {
  const withProgress = (measure: MeasureDocRow) => {
    const text = endSentence(measure.text.trim());
    const progress = measure.progressText?.trim();
    // the latest report adds to the measure unless it only repeats it
    return progress && !text.includes(progress) && progress !== measure.text.trim()
      ? `${text}${endSentence(progress)}`
      : text;
  };
  const head = overview?.trim() ? endSentence(overview.trim()) : '';
  if (measures.length === 0) return head;
  // one measure that is the overview itself is printed without an ordinal, as published notices do
  if (measures.length === 1 && (!head || measures[0].text.trim() === overview?.trim())) {
    return measures[0].text.trim() === overview?.trim()
      ? withProgress(measures[0])
      : `${head}${withProgress(measures[0])}`;
  }
  return `${head}${measures.map((measure, index) => `${ordinalShi(index + 1)}${withProgress(measure)}`).join('')}`;
}

export function noticeTitle(inspection: InspectionDocRow): string {
  if (inspection.title?.trim()) return inspection.title.trim();
  return `${inspection.issuer ?? ''}关于${roundName(inspection)}整改进展情况的通报`;
}

/** 根据…统一部署,{period},{group}对{target}开展了{type},并于{date}反馈了…意见。 */
export function openingSentence(inspection: InspectionDocRow): string {
  const kind = kindWord(inspection.kind);
  const parts = [`根据${inspection.issuingCommittee ?? '上级'}${kind}工作统一部署`];
  const period = chinesePeriod(inspection.onSiteFrom, inspection.onSiteTo);
  if (period) parts.push(period);
  const who = inspection.group ?? `${inspection.issuingCommittee ?? ''}${kind}组`;
  parts.push(`${who}对${inspection.target ?? '我单位'}开展了${inspection.inspectionType ?? kind}`);
  const feedback = inspection.feedbackDate
    ? `并于${chineseDate(inspection.feedbackDate)}反馈了${kind}意见`
    : `并反馈了${kind}意见`;
  parts.push(feedback);
  return `${parts.join('，')}。`;
}

function organisationParagraphs(input: NoticeInput): string[] {
  const given = input.organisationText?.trim();
  if (given)
    return given
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean);
  const source = input.inspection.sourceText;
  if (source) {
    // the organisation section of the notice the inspection was imported from
    const parsed = parseNotice(source).organisationText;
    if (parsed?.trim())
      return parsed
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
  }
  const kind = kindWord(input.inspection.kind);
  const who = input.inspection.issuer ?? '党委（党组）';
  return [
    `${who}坚决扛起${kind}整改政治责任，把${kind}整改作为增强“四个意识”、坚定“四个自信”、做到“两个维护”的实际行动，` +
      `主要负责人切实履行第一责任人责任，班子成员认真落实“一岗双责”，成立整改工作专班，对照${kind}反馈问题逐条制定整改措施，` +
      `明确责任领导、责任单位和完成时限，建立问题清单、任务清单、责任清单，定期调度、督办推进，确保整改任务落地见效。`,
  ];
}

export function statusCounts(problems: ProblemDocRow[]): Record<ProblemStatus, number> {
  const counts: Record<ProblemStatus, number> = { in_progress: 0, deemed_completed: 0, completed: 0 };
  for (const problem of problems) counts[problem.status]++;
  return counts;
}

/** 三、下步工作安排: one paragraph per status class, named as the notice's three classes. */
export function nextStepsBlocks(
  problems: ProblemDocRow[],
  kind: string,
  effectiveness: Partial<Record<EffectivenessRating, number>> = {},
): Block[] {
  const counts = statusCounts(problems);
  const label = PROBLEM_STATUS_NOTICE_LABELS;
  return [
    {
      kind: 'heading2',
      text: `（一）再加力度，确保${kind}反馈问题“清仓见底”。`,
      rest: `针对“${label.in_progress}”的${counts.in_progress}个问题，深入分析原因，研究解决办法，集中力量攻坚，确保按期整改到位。`,
    },
    {
      kind: 'heading2',
      text: '（二）持续用力，巩固深化整改成果。',
      rest: `针对“${label.deemed_completed}”的${counts.deemed_completed}个问题，做好打持久战的准备，持续推进阶段性目标之后的工作，健全长效机制。`,
    },
    {
      kind: 'heading2',
      text: `（三）常态监督，防止${kind}反馈问题“反弹回潮”。`,
      rest: `针对“${label.completed}”的${counts.completed}个问题，适时开展“回头看”，对整改成效进行评估，防止老问题复发反弹。${describeEffectiveness(effectiveness)}`,
    },
  ];
}

/** The public notice (通报), structured as published notices are (domain.md §6.1). */
export function buildNotice(input: NoticeInput): WordDocument {
  const { inspection } = input;
  const kind = kindWord(inspection.kind);
  const title = noticeTitle(inspection);
  const blocks: Block[] = [{ kind: 'title', text: title }];
  blocks.push({
    kind: 'paragraph',
    text: `${openingSentence(inspection)}按照${kind}工作有关要求，现将${kind}整改进展情况予以公布。`,
  });

  blocks.push({ kind: 'heading1', text: `一、${kind}整改组织领导情况` });
  for (const text of organisationParagraphs(input)) blocks.push({ kind: 'paragraph', text });

  blocks.push({ kind: 'heading1', text: `二、${kind}整改任务落实情况` });
  const categoryById = new Map(input.categories.map((category) => [category.id, category]));
  let currentCategory: string | null = null;
  let categoryIndex = 0;
  input.problems.forEach((problem, index) => {
    if (problem.categoryId && problem.categoryId !== currentCategory && categoryById.has(problem.categoryId)) {
      currentCategory = problem.categoryId;
      categoryIndex++;
      blocks.push({
        kind: 'heading2',
        text: `（${chineseNumber(categoryIndex)}）${categoryById.get(problem.categoryId)!.title}`,
      });
    }
    blocks.push({ kind: 'heading3', text: `${index + 1}.关于“${problem.title}”的问题` });
    const body = rectificationText(problem.overview, input.measures.get(problem.id) ?? []);
    blocks.push({ kind: 'paragraph', text: `整改情况：${body}` });
  });

  blocks.push({ kind: 'heading1', text: '三、下步工作安排' });
  blocks.push(...nextStepsBlocks(input.problems, kind, input.effectiveness));

  const closing = [`欢迎广大干部群众对${kind}整改落实情况进行监督。如有意见建议，请及时向我们反映。`];
  if (inspection.publicityFrom || inspection.publicityTo) {
    closing.push(`公开期限：${chinesePeriod(inspection.publicityFrom, inspection.publicityTo)}。`);
  }
  const contact = [
    inspection.contactPhone
      ? `电话${inspection.contactPhone}${inspection.contactHours ? `（${inspection.contactHours}）` : ''}`
      : null,
    inspection.contactEmail ? `电子邮箱${inspection.contactEmail}` : null,
  ].filter(Boolean);
  if (contact.length > 0) closing.push(`联系方式：${contact.join('；')}。`);
  blocks.push({ kind: 'paragraph', text: closing.join('') });
  blocks.push({ kind: 'signature', issuer: inspection.issuer ?? '', date: chineseDate(input.date) });
  return { title, blocks };
}
