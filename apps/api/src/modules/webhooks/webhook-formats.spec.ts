import { describe, expect, it } from '@jest/globals';
import {
  clipBytes,
  markdownText,
  renderDingtalk,
  renderJson,
  renderWebhookBody,
  renderWecom,
  type WebhookPayload,
} from './webhook-formats.js';

const payload: WebhookPayload = {
  event: 'measure.urged',
  occurredAt: '2024-05-20T04:00:00.000Z',
  title: '整改专班催办：一(1)',
  message: '请于本周五前报送整改进展。\n逾期将通报。',
  by: { id: 'u1', name: '张专班' },
  link: '/problems/p1#measure-m1',
  measures: [
    {
      id: 'm1',
      label: '一(1)',
      problemTitle: '落实主体责任不到位',
      excerpt: '建立  整改台账',
      units: ['区水务局', '区财政局'],
    },
  ],
};

describe('webhook formats', () => {
  it('json: { event, occurredAt, data }', () => {
    const body = JSON.parse(renderJson(payload));
    expect(body).toEqual({
      event: 'measure.urged',
      occurredAt: '2024-05-20T04:00:00.000Z',
      data: {
        title: payload.title,
        message: payload.message,
        by: payload.by,
        link: payload.link,
        measures: payload.measures,
      },
    });
  });

  it('wecom: a markdown message of the group robot', () => {
    const body = JSON.parse(renderWecom(payload));
    expect(Object.keys(body)).toEqual(['msgtype', 'markdown']);
    expect(body.msgtype).toBe('markdown');
    expect(Object.keys(body.markdown)).toEqual(['content']);
    expect(body.markdown.content).toBe(markdownText(payload));
  });

  it('dingtalk: a markdown message with a title', () => {
    const body = JSON.parse(renderDingtalk(payload));
    expect(body).toEqual({
      msgtype: 'markdown',
      markdown: { title: '催办：整改专班催办：一(1)', text: markdownText(payload) },
    });
  });

  it('tells the event in Chinese: what, the message, the measures with their units, who, when, where', () => {
    expect(markdownText(payload)).toBe(
      [
        '**催办**：整改专班催办：一(1)',
        '',
        '> 请于本周五前报送整改进展。',
        '> 逾期将通报。',
        '',
        '- 一(1) 建立 整改台账（区水务局、区财政局）',
        '',
        '操作人：张专班',
        '时间：2024-05-20 12:00',
        '位置：/problems/p1#measure-m1',
      ].join('\n'),
    );
    expect(markdownText({ ...payload, event: 'measure.returned', message: null, by: null, link: null })).toBe(
      [
        '**销号申请退回**：整改专班催办：一(1)',
        '',
        '- 一(1) 建立 整改台账（区水务局、区财政局）',
        '',
        '时间：2024-05-20 12:00',
      ].join('\n'),
    );
  });

  it('keeps the robots’ markdown under 4,000 bytes, never cutting a character', () => {
    const many = {
      ...payload,
      measures: Array.from({ length: 500 }, (_, i) => ({ ...payload.measures[0], id: `m${i}` })),
    };
    const content = JSON.parse(renderWebhookBody('wecom', many)).markdown.content as string;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4000);
    expect(content.endsWith('…')).toBe(true);
    expect(clipBytes('整改'.repeat(10), 10)).toBe('整改…');
    expect(clipBytes('短', 10)).toBe('短');
  });
});
