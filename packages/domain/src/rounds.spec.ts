import { describe, expect, it } from 'vitest';
import {
  checkRoundSchedule,
  defaultRoundTitle,
  describeRoundSchedule,
  isLateSubmission,
  PUNCTUALITY_LABELS,
  ROUND_UNIT_STATUS_LABELS,
  roundNumber,
} from './rounds.js';

describe('reporting rounds', () => {
  it('numbers rounds and titles them from the period end', () => {
    expect(roundNumber(3)).toBe('第3期');
    expect(defaultRoundTitle('2024-06-30')).toBe('2024年6月整改进展报送');
  });

  it('counts the due day itself as on time (China dates)', () => {
    expect(isLateSubmission('2024-07-05', '2024-07-05')).toBe(false);
    expect(isLateSubmission('2024-07-05', '2024-07-04')).toBe(false);
    expect(isLateSubmission('2024-07-05', '2024-07-06')).toBe(true);
  });

  it('checks and describes the schedule', () => {
    expect(checkRoundSchedule({ enabled: true, dayOfMonth: 25, dueAfterDays: 5 })).toEqual({});
    expect(checkRoundSchedule({ enabled: true, dayOfMonth: 29, dueAfterDays: 0 })).toEqual({
      dayOfMonth: '每月报送日须为 1 至 28 日',
      dueAfterDays: '报送期限须为开启后 1 至 31 天',
    });
    expect(describeRoundSchedule({ enabled: true, dayOfMonth: 25, dueAfterDays: 5 })).toBe(
      '每月25日自动开启报送轮次，5天内报送',
    );
    expect(describeRoundSchedule({ enabled: false, dayOfMonth: 25, dueAfterDays: 5 })).toContain('手动开启');
  });

  it('labels every state in Chinese', () => {
    for (const label of [...Object.values(ROUND_UNIT_STATUS_LABELS), ...Object.values(PUNCTUALITY_LABELS)])
      expect(label).toMatch(/\p{Script=Han}/u);
  });
});
