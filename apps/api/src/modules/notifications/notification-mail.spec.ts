import { describe, expect, it } from '@jest/globals';
import { chinaTime, notificationMail } from './notification-mail.js';

describe('notificationMail', () => {
  const notification = {
    title: '催办：问题7 措施1',
    body: '请于本周内报送整改进展。\n<逾期> 3 天',
    link: '/problems/abc?measure=m1',
    createdAt: new Date('2026-12-07T01:30:00Z'),
  };

  it('writes a Chinese subject, a plain-text body and a link into the app', () => {
    const mail = notificationMail(
      notification,
      { email: 'li@example.cn', displayName: '李四' },
      'https://zg.example.cn/',
    );
    expect(mail.to).toBe('li@example.cn');
    expect(mail.subject).toBe('【整改工作平台】催办：问题7 措施1');
    expect(mail.text).toContain('李四：');
    expect(mail.text).toContain('请于本周内报送整改进展。');
    expect(mail.text).toContain('查看详情：https://zg.example.cn/problems/abc?measure=m1');
    expect(mail.text).toContain('2026年12月7日 09:30');
  });

  it('escapes the text in the HTML part', () => {
    const mail = notificationMail(
      notification,
      { email: 'li@example.cn', displayName: '<李四>' },
      'http://localhost:3000',
    );
    expect(mail.html).toContain('&lt;逾期&gt; 3 天');
    expect(mail.html).toContain('&lt;李四&gt;');
    expect(mail.html).not.toContain('<逾期>');
    expect(mail.html).toContain('href="http://localhost:3000/problems/abc?measure=m1"');
  });

  it('leaves the link out when the notification has none', () => {
    const mail = notificationMail(
      { ...notification, link: null },
      { email: 'a@b.cn', displayName: '王五' },
      'http://x',
    );
    expect(mail.text).not.toContain('查看详情');
  });
});

describe('chinaTime', () => {
  it('writes China time to the minute', () => {
    expect(chinaTime(new Date('2026-12-31T16:05:00Z'))).toBe('2027年1月1日 00:05');
  });
});
