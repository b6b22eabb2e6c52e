import { WEBHOOK_EVENT_LABELS, type WebhookEvent, type WebhookFormat } from '@zhenggai/domain';

/** What happened, as every format tells it; built by the module that emits the event. */
export interface WebhookPayload {
  event: WebhookEvent;
  /** ISO date-time */
  occurredAt: string;
  /** one line in Chinese, e.g. 整改专班催办：一(1) */
  title: string;
  /** the officer's message or reason, if any */
  message: string | null;
  by: { id: string; name: string } | null;
  /** a path of the web app, like the in-app notification's */
  link: string | null;
  measures: WebhookMeasure[];
}

export interface WebhookMeasure {
  id: string;
  /** the problem's label and the measure's number, e.g. 一(1) */
  label: string;
  problemTitle: string;
  /** the start of the measure's text */
  excerpt: string;
  units: string[];
}

// WeCom answers 40058 above 4096 bytes of markdown; DingTalk's limit is larger: one cap for both
const MARKDOWN_MAX_BYTES = 4000;

/** The body sent to a webhook: the bytes are built once, signed and stored, and every attempt sends them. */
export function renderWebhookBody(format: WebhookFormat, payload: WebhookPayload): string {
  switch (format) {
    case 'json':
      return renderJson(payload);
    case 'wecom':
      return renderWecom(payload);
    case 'dingtalk':
      return renderDingtalk(payload);
  }
}

export function renderJson(payload: WebhookPayload): string {
  const { event, occurredAt, ...data } = payload;
  return JSON.stringify({ event, occurredAt, data });
}

/** WeCom (企业微信) group robot: `{ msgtype: 'markdown', markdown: { content } }`. */
export function renderWecom(payload: WebhookPayload): string {
  return JSON.stringify({ msgtype: 'markdown', markdown: { content: markdownText(payload) } });
}

/** DingTalk (钉钉) group robot: `{ msgtype: 'markdown', markdown: { title, text } }`. */
export function renderDingtalk(payload: WebhookPayload): string {
  return JSON.stringify({
    msgtype: 'markdown',
    markdown: { title: `${WEBHOOK_EVENT_LABELS[payload.event]}：${payload.title}`, text: markdownText(payload) },
  });
}

/** The Chinese markdown both robots show. */
export function markdownText(payload: WebhookPayload): string {
  const lines = [`**${WEBHOOK_EVENT_LABELS[payload.event]}**：${oneLine(payload.title)}`];
  if (payload.message) lines.push('', ...payload.message.split(/\r?\n/).map((line) => `> ${line}`));
  if (payload.measures.length > 0) {
    lines.push('');
    for (const measure of payload.measures) {
      const units = measure.units.length > 0 ? `（${measure.units.join('、')}）` : '';
      lines.push(`- ${measure.label} ${oneLine(measure.excerpt)}${units}`);
    }
  }
  lines.push('');
  if (payload.by) lines.push(`操作人：${payload.by.name}`);
  lines.push(`时间：${chinaTime(payload.occurredAt)}`);
  if (payload.link) lines.push(`位置：${payload.link}`);
  return clipBytes(lines.join('\n'), MARKDOWN_MAX_BYTES);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `YYYY-MM-DD HH:mm` in China time. */
export function chinaTime(iso: string): string {
  const date = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

/** Cuts a text to at most `max` UTF-8 bytes, never inside a character, marking the cut with …. */
export function clipBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let result = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > max - 3) break;
    result += char;
    bytes += size;
  }
  return `${result}…`;
}
