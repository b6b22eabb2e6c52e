import { describe, expect, it } from 'vitest';
import { checkReminderRules, DEFAULT_REMINDER_RULES, describeReminderRules, outsideQuietHours } from './reminders.js';

describe('reminder rules', () => {
  it('accepts the default policy and says it in one sentence', () => {
    expect(checkReminderRules(DEFAULT_REMINDER_RULES)).toEqual({});
    expect(describeReminderRules(DEFAULT_REMINDER_RULES)).toBe(
      '到期前 7、3、1 天提醒责任单位；逾期当天提醒责任单位全部账号，逾期 3 天提醒责任单位负责人，逾期 7 天提醒整改专班，逾期 14 天提醒监督人员。',
    );
  });

  it('refuses repeated or out-of-range days, an unordered ladder and a policy without in-app', () => {
    const errors = checkReminderRules({
      dueSoonDays: [3, 3, 0],
      escalation: [
        { afterOverdueDays: 7, notify: 'task_force' },
        { afterOverdueDays: 3, notify: 'unit_leader' },
      ],
      channels: ['email'],
    });
    expect(Object.keys(errors).sort()).toEqual(['channels', 'dueSoonDays', 'escalation']);
    expect(errors.dueSoonDays).toContain('到期前提醒的天数不能重复');
    expect(errors.escalation).toContain('逾期升级须按逾期天数从少到多排列，且天数不能重复');
    expect(checkReminderRules({ ...DEFAULT_REMINDER_RULES, escalation: [] }).escalation).toEqual([
      '至少设置一级逾期提醒',
    ]);
  });
});

describe('quiet hours (22:00–07:00 China time)', () => {
  const china = (text: string) => new Date(`${text}+08:00`);
  it('lets a message out at once in the day', () => {
    expect(outsideQuietHours(china('2026-12-07T07:00:00'))).toEqual(china('2026-12-07T07:00:00'));
    expect(outsideQuietHours(china('2026-12-07T21:59:59'))).toEqual(china('2026-12-07T21:59:59'));
  });
  it('holds it until 07:00, the same night or the next morning', () => {
    expect(outsideQuietHours(china('2026-12-07T22:00:00'))).toEqual(china('2026-12-08T07:00:00'));
    expect(outsideQuietHours(china('2026-12-31T23:30:00'))).toEqual(china('2027-01-01T07:00:00'));
    expect(outsideQuietHours(china('2026-12-08T03:10:00'))).toEqual(china('2026-12-08T07:00:00'));
  });
});
