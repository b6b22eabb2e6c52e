import type { OutgoingMail } from '../mail/mail.service.js';

export interface MailableNotification {
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
}

const APP_NAME = '整改工作平台';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** China time, to the minute: 2026年12月7日 09:30. */
export function chinaTime(at: Date): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}年${get('month')}月${get('day')}日 ${get('hour')}:${get('minute')}`;
}

/**
 * The mail of one notification: a Chinese subject and the same text as plain text and as HTML, with a link into the
 * app (`publicUrl` + the notification's path) and a footer saying where the user turns such mail off.
 */
export function notificationMail(
  notification: MailableNotification,
  recipient: { email: string; displayName: string },
  publicUrl: string,
): OutgoingMail {
  const url = notification.link ? new URL(notification.link, publicUrl).toString() : null;
  const when = chinaTime(notification.createdAt);
  const footer = `此邮件由${APP_NAME}自动发送，请勿直接回复。可在“账户设置 › 通知设置”中选择哪些消息发到邮箱。`;
  const text = [
    `${recipient.displayName}：`,
    '',
    notification.title,
    '',
    notification.body,
    '',
    ...(url ? [`查看详情：${url}`, ''] : []),
    `${APP_NAME} ${when}`,
    '',
    `——`,
    footer,
  ].join('\n');
  const paragraphs = notification.body
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p style="margin:0 0 8px">${escapeHtml(line)}</p>`)
    .join('');
  const html = [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head>',
    "<body style=\"font-family:'Microsoft YaHei','PingFang SC',sans-serif;font-size:14px;color:#1f1f1f;line-height:1.6\">",
    `<p>${escapeHtml(recipient.displayName)}：</p>`,
    `<h2 style="font-size:16px;margin:16px 0 8px">${escapeHtml(notification.title)}</h2>`,
    paragraphs,
    url ? `<p><a href="${escapeHtml(url)}" style="color:#1677ff">查看详情</a></p>` : '',
    `<p style="color:#8c8c8c">${APP_NAME} ${escapeHtml(when)}</p>`,
    `<hr style="border:none;border-top:1px solid #f0f0f0"><p style="color:#8c8c8c;font-size:12px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('');
  return { to: recipient.email, subject: `【${APP_NAME}】${notification.title}`, text, html };
}

/** One mail a day with every notification since the last one (for accounts that chose the daily digest). */
export function digestMail(
  items: MailableNotification[],
  recipient: { email: string; displayName: string },
  publicUrl: string,
): OutgoingMail {
  const footer = `此邮件由${APP_NAME}每天汇总发送，请勿直接回复。可在“账户设置 › 通知设置”中改为逐条发送或关闭某类通知。`;
  const entries = items.map((item) => ({
    when: chinaTime(item.createdAt),
    title: item.title,
    first: item.body.split(/\n+/).find((line) => line.trim() !== '') ?? '',
    url: item.link ? new URL(item.link, publicUrl).toString() : null,
  }));
  const text = [
    `${recipient.displayName}：`,
    '',
    `您有 ${items.length} 条新通知：`,
    '',
    ...entries.flatMap((entry, index) => [
      `${index + 1}. ${entry.title}（${entry.when}）`,
      ...(entry.first ? [`   ${entry.first}`] : []),
      ...(entry.url ? [`   ${entry.url}`] : []),
    ]),
    '',
    '——',
    footer,
  ].join('\n');
  const html = [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head>',
    "<body style=\"font-family:'Microsoft YaHei','PingFang SC',sans-serif;font-size:14px;color:#1f1f1f;line-height:1.6\">",
    `<p>${escapeHtml(recipient.displayName)}：</p><p>您有 ${items.length} 条新通知：</p><ol>`,
    ...entries.map(
      (entry) =>
        `<li><p style="margin:0">${entry.url ? `<a href="${escapeHtml(entry.url)}" style="color:#1677ff">${escapeHtml(entry.title)}</a>` : escapeHtml(entry.title)} <span style="color:#8c8c8c">${escapeHtml(entry.when)}</span></p>${entry.first ? `<p style="margin:0 0 8px;color:#595959">${escapeHtml(entry.first)}</p>` : ''}</li>`,
    ),
    `</ol><hr style="border:none;border-top:1px solid #f0f0f0"><p style="color:#8c8c8c;font-size:12px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('');
  return { to: recipient.email, subject: `【${APP_NAME}】通知汇总（${items.length} 条）`, text, html };
}

/** The test mail the system admin sends from the channels page. */
export function testMail(to: string, requestedBy: string, at: Date, publicUrl: string): OutgoingMail {
  const text = `这是一封测试邮件，由系统管理员 ${requestedBy} 于 ${chinaTime(at)} 从${APP_NAME}发送。\n\n收到此邮件说明邮件通道配置正确。\n\n${publicUrl}`;
  return {
    to,
    subject: `【${APP_NAME}】邮件通道测试`,
    text,
    html: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>${text
      .split('\n')
      .filter(Boolean)
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('')}</body></html>`,
  };
}
