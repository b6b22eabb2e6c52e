import {
  describeEffectiveness,
  EFFECTIVENESS_RATING_LABELS,
  EFFECTIVENESS_RATINGS,
  type EffectivenessRating,
} from '@zhenggai/domain';
import { chineseDate, chineseNumber } from '../chinese.js';
import type { Block, WordDocument } from './gbt9704.js';

/** What a look-back's report shows (Word and workbook); the lookbacks module fills it in. */
export interface LookbackReportInput {
  /** 第1次回头看 */
  number: string;
  title: string;
  /** 成文日期 */
  date: string;
  /** the day it was drawn */
  drawnOn: string;
  statusLabel: string;
  sampleRatePct: number;
  seed: string;
  fingerprint: string;
  population: number;
  counts: {
    items: number;
    drawn: number;
    manual: number;
    checked: number;
    consolidated: number;
    rebounded: number;
    reboundRatePct: number;
  };
  /** rebound rate per unit the items were drawn for */
  units: Array<{ unitName: string; items: number; checked: number; rebounded: number; reboundRatePct: number }>;
  items: Array<{
    label: string;
    problemTitle: string;
    text: string;
    unitName: string;
    manual: boolean;
    statusAtDrawLabel: string;
    resultLabel: string | null;
    finding: string | null;
    /** a rebound's new deadline */
    deadline: string | null;
    measureStatusLabel: string;
    checkedBy: string | null;
    problemId: string;
    /** the problem's 成效评估 (好, 较好, 一般, 差), if any */
    effectivenessLabel: string | null;
  }>;
}

const percent = (value: number) => `${value}%`;

/** 抽查措施所属问题中，已对N个问题开展整改成效评估… (one count per problem). */
function effectivenessSentence(items: LookbackReportInput['items']): string {
  const byProblem = new Map(items.map((item) => [item.problemId, item.effectivenessLabel] as const));
  const counts: Partial<Record<EffectivenessRating, number>> = {};
  for (const label of byProblem.values()) {
    const rating = EFFECTIVENESS_RATINGS.find((key) => EFFECTIVENESS_RATING_LABELS[key] === label);
    if (rating) counts[rating] = (counts[rating] ?? 0) + 1;
  }
  const sentence = describeEffectiveness(counts);
  return sentence ? `抽查措施所属问题中，${sentence}` : '';
}

/**
 * 第N次回头看情况报告 in the GB/T 9704 layout: how the sample was drawn (rate, seed, fingerprint, so that anyone can
 * redraw it), the results and the rebound rate per unit, the rebounded measures with their new deadlines, and the
 * whole sample.
 */
export function buildLookbackReport(input: LookbackReportInput): WordDocument {
  const title = `${input.number}情况报告`;
  const { counts } = input;
  const unchecked = counts.items - counts.checked;
  const rebounded = input.items.filter((item) => item.resultLabel === '反弹');
  const blocks: Block[] = [
    { kind: 'title', text: title },
    {
      kind: 'paragraph',
      text: `${input.title}（${input.statusLabel}）。${chineseDate(input.drawnOn)}，整改专班从已销号（已完成、视同完成）的${input.population}项整改措施中，按${percent(input.sampleRatePct)}的比例分单位随机抽取${counts.drawn}项${counts.manual > 0 ? `，另加抽${counts.manual}项` : ''}，逐项开展“回头看”核查。`,
    },
    { kind: 'heading1', text: '一、抽样方法' },
    {
      kind: 'paragraph',
      text: `按牵头单位分层，每个有已销号措施的单位至少抽取1项，总数按比例四舍五入；随机种子为“${input.seed}”，样本指纹为“${input.fingerprint}”。以同一随机种子对同一台账重新抽取，所得样本相同，可供复核。`,
    },
    { kind: 'heading1', text: '二、核查结果' },
    {
      kind: 'paragraph',
      text: `共核查${counts.checked}项，其中巩固${counts.consolidated}项、反弹${counts.rebounded}项，反弹率${percent(counts.reboundRatePct)}${unchecked > 0 ? `；尚有${unchecked}项未核查` : ''}。${effectivenessSentence(input.items)}`,
    },
    {
      kind: 'table',
      columns: [
        { title: '单位', width: 4 },
        { title: '抽查', width: 1 },
        { title: '已核查', width: 1 },
        { title: '反弹', width: 1 },
        { title: '反弹率', width: 1 },
      ],
      rows: input.units.map((unit) => [
        unit.unitName,
        String(unit.items),
        String(unit.checked),
        String(unit.rebounded),
        percent(unit.reboundRatePct),
      ]),
    },
    { kind: 'heading1', text: '三、反弹问题及整改要求' },
  ];
  if (rebounded.length === 0) blocks.push({ kind: 'paragraph', text: '本次回头看未发现反弹问题。' });
  rebounded.forEach((item, index) => {
    blocks.push({
      kind: 'heading2',
      text: `（${chineseNumber(index + 1)}）${item.unitName}${item.label}。`,
      rest: `${item.finding ?? ''}该措施已重新打开，限${chineseDate(item.deadline) || '期'}前整改到位并重新申请销号。`,
    });
  });
  blocks.push({ kind: 'heading1', text: '四、抽查清单' });
  blocks.push({
    kind: 'table',
    columns: [
      { title: '序号', width: 1 },
      { title: '单位', width: 3 },
      { title: '整改措施', width: 6 },
      { title: '抽查时状态', width: 2 },
      { title: '核查结果', width: 2 },
      { title: '核查情况', width: 5 },
      { title: '成效评估', width: 2 },
    ],
    rows: input.items.map((item, index) => [
      String(index + 1),
      item.unitName,
      `${item.label} ${item.text}${item.manual ? '（加抽）' : ''}`,
      item.statusAtDrawLabel,
      item.resultLabel ?? '未核查',
      item.finding ?? '',
      item.effectivenessLabel ?? '未评估',
    ]),
  });
  blocks.push({ kind: 'signature', issuer: '整改专班', date: chineseDate(input.date) });
  return { title, blocks };
}
