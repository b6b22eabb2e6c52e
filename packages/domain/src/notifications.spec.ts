import { describe, expect, it } from 'vitest';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_LABELS,
  notificationKindLabel,
  notificationKindsFor,
} from './notifications.js';

describe('notification kinds', () => {
  it('labels every kind in Chinese and shows an unknown one by its code', () => {
    for (const kind of NOTIFICATION_KINDS) expect(NOTIFICATION_KIND_LABELS[kind]).toMatch(/\p{Script=Han}/u);
    expect(notificationKindLabel('measure.urged')).toBe('催办');
    expect(notificationKindLabel('lookback.reopened')).toBe('lookback.reopened');
  });

  it('lists for each role only the kinds it can receive', () => {
    expect(notificationKindsFor(['unit_leader'])).toContain('measure.urged');
    expect(notificationKindsFor(['unit_leader'])).not.toContain('measure.submitted');
    expect(notificationKindsFor(['task_force_officer'])).toEqual([
      'measure.submitted',
      'extension.requested',
      'measure.overdue',
      'checkpoint.due',
      'checkpoint.review',
      'order.replied',
      'order.overdue',
      'round.submitted',
      'round.missing',
      'lookback.rebounded',
    ]);
    expect(notificationKindsFor(['supervisor'])).toEqual(['measure.overdue', 'order.overdue', 'round.missing']);
    expect(notificationKindsFor(['system_admin'])).toEqual([]);
    expect(notificationKindsFor(['task_force_officer', 'unit_staff'])).toHaveLength(NOTIFICATION_KINDS.length);
  });
});
