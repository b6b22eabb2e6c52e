// Outbound webhooks: the events a webhook can subscribe to and the body formats, with their Chinese names.

export const WEBHOOK_EVENTS = [
  'measure.urged',
  'measure.overdue',
  'measure.returned',
  'round.missing',
  'order.issued',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  'measure.urged': '催办',
  'measure.overdue': '措施逾期',
  'measure.returned': '销号申请退回',
  'round.missing': '未按期报送',
  'order.issued': '督办单下发',
};

export const WEBHOOK_FORMATS = ['json', 'wecom', 'dingtalk'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const WEBHOOK_FORMAT_LABELS: Record<WebhookFormat, string> = {
  json: 'JSON',
  wecom: '企业微信',
  dingtalk: '钉钉',
};

export const WEBHOOK_DELIVERY_STATUS_LABELS: Record<'succeeded' | 'failed', string> = {
  succeeded: '成功',
  failed: '失败',
};
