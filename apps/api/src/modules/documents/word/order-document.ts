import { chineseDate } from '../chinese.js';
import type { Block, WordDocument } from './gbt9704.js';

/** What a 督办单 document shows; the supervision-orders module fills it in. */
export interface OrderDocInput {
  number: string;
  unitName: string;
  body: string;
  replyBy: string;
  issuedOn: string;
  issuer: string;
  measures: Array<{ label: string; text: string; deadline: string | null }>;
  reply: { body: string; repliedOn: string; by: string | null; evidence: string[] } | null;
}

/** 整改督办单 in the GB/T 9704 layout: number, addressee, requirement, the measures, the reply date, the signature. */
export function buildOrder(input: OrderDocInput): WordDocument {
  const blocks: Block[] = [
    { kind: 'title', text: '整改督办单' },
    { kind: 'paragraph', text: input.number },
    { kind: 'addressee', text: `${input.unitName}：` },
    { kind: 'paragraph', text: input.body },
    { kind: 'paragraph', text: '督办事项如下：' },
    {
      kind: 'table',
      columns: [
        { title: '序号', width: 1 },
        { title: '整改措施', width: 7 },
        { title: '完成时限', width: 2 },
      ],
      rows: input.measures.map((measure, index) => [
        String(index + 1),
        `${measure.label} ${measure.text}`,
        measure.deadline ? chineseDate(measure.deadline) : '',
      ]),
    },
    { kind: 'paragraph', text: `请于${chineseDate(input.replyBy)}前将整改落实情况书面回复整改专班。` },
  ];
  if (input.reply) {
    blocks.push({ kind: 'heading1', text: '回复情况' });
    blocks.push({ kind: 'paragraph', text: input.reply.body });
    if (input.reply.evidence.length > 0)
      blocks.push({ kind: 'paragraph', text: `佐证材料：${input.reply.evidence.join('；')}` });
    blocks.push({
      kind: 'paragraph',
      text: `回复时间：${chineseDate(input.reply.repliedOn)}${input.reply.by ? `；回复人：${input.reply.by}` : ''}`,
    });
  }
  blocks.push({ kind: 'signature', issuer: input.issuer, date: chineseDate(input.issuedOn) });
  return { title: `整改督办单（${input.number}）`, blocks };
}
