import { MEASURE_STATUS_LABELS, PROBLEM_STATUS_LABELS } from '@zhenggai/domain';
import { chineseDate, kindWord, roundName } from '../chinese.js';
import type {
  EvidenceDocRow,
  InspectionDocRow,
  MeasureDocRow,
  ProblemDocRow,
  ReviewEventRow,
} from './documents.repository.js';
import type { Block, WordDocument } from './gbt9704.js';

export interface SignoffInput {
  inspection: InspectionDocRow;
  problem: ProblemDocRow;
  measures: MeasureDocRow[];
  evidence: EvidenceDocRow[];
  events: ReviewEventRow[];
  date: string;
}

const ACTION_LABELS: Record<string, string> = {
  submit: '提交销号',
  approve: '审核通过',
  return: '退回',
  reopen: '重新打开',
};

/** A China calendar date of a timestamp. */
const chinaDay = (at: Date) => new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export function reviewLine(event: ReviewEventRow): string {
  const outcome = event.action === 'approve' && event.toStatus ? `（${MEASURE_STATUS_LABELS[event.toStatus]}）` : '';
  const opinion = event.opinion?.trim() ? `：${event.opinion.trim()}` : '';
  return `${chineseDate(chinaDay(event.occurredAt))} ${event.actorName ?? ''}${ACTION_LABELS[event.action] ?? event.action}${outcome}${opinion}`;
}

/** 对账销号单 of one problem: its measures with units, deadlines, status, evidence, and the review trail. */
export function buildSignoff(input: SignoffInput): WordDocument {
  const { inspection, problem } = input;
  const title = `${kindWord(inspection.kind)}反馈问题对账销号单`;
  const blocks: Block[] = [{ kind: 'title', text: title }];
  blocks.push({
    kind: 'table',
    columns: [
      { title: '项目', width: 2 },
      { title: '内容', width: 8 },
    ],
    rows: [
      ['巡视（巡察）', roundName(inspection)],
      ['问题编号', problem.label],
      ['具体问题', problem.title],
      ['完成情况', PROBLEM_STATUS_LABELS[problem.status]],
      ['牵头单位', problem.leadUnitName ?? ''],
      ['责任领导', problem.leadLeaderName ?? ''],
    ],
  });
  blocks.push({ kind: 'heading1', text: '一、整改措施对账情况' });
  const evidenceBy = new Map<string, string[]>();
  for (const item of input.evidence)
    evidenceBy.set(item.measureId, [...(evidenceBy.get(item.measureId) ?? []), item.name]);
  const eventsBy = new Map<string, string[]>();
  for (const event of input.events)
    eventsBy.set(event.measureId, [...(eventsBy.get(event.measureId) ?? []), reviewLine(event)]);
  blocks.push({
    kind: 'table',
    columns: [
      { title: '序号', width: 1 },
      { title: '整改措施', width: 5 },
      { title: '责任单位', width: 2.4 },
      { title: '完成时限', width: 1.8 },
      { title: '完成情况', width: 1.4 },
      { title: '佐证材料', width: 2.4 },
      { title: '审核意见', width: 3.4 },
    ],
    rows: input.measures.map((measure) => [
      String(measure.seq),
      measure.text,
      [
        measure.leadUnitName ? `牵头：${measure.leadUnitName}` : '未分配',
        ...(measure.coUnitNames.length ? [`配合：${measure.coUnitNames.join('、')}`] : []),
      ].join('\n'),
      measure.deadline ? chineseDate(measure.deadline) : measure.term === 'long_term' ? '长期坚持' : '',
      MEASURE_STATUS_LABELS[measure.status],
      (evidenceBy.get(measure.id) ?? []).join('\n') || '无',
      (eventsBy.get(measure.id) ?? []).join('\n') || '尚未审核',
    ]),
  });
  blocks.push({ kind: 'heading1', text: '二、审核意见' });
  blocks.push({ kind: 'paragraph', text: '牵头单位意见（签字）：' });
  blocks.push({ kind: 'blank' });
  blocks.push({ kind: 'paragraph', text: '责任领导意见（签字）：' });
  blocks.push({ kind: 'blank' });
  blocks.push({ kind: 'paragraph', text: '整改专班审核意见（签字）：' });
  blocks.push({ kind: 'signature', issuer: inspection.issuer ?? '', date: chineseDate(input.date) });
  return { title, blocks };
}
