import { describe, expect, it } from 'vitest';
import {
  addDays,
  chinaDate,
  daysBetween,
  isCheckpointOverdue,
  isIsoDate,
  isOverdue,
  LIGHT_LABELS,
  LIGHT_NAMES,
  LIGHTS,
  measureLight,
  worstLight,
} from './deadline.js';

describe('chinaDate', () => {
  it('uses the China calendar date, not UTC', () => {
    expect(chinaDate(new Date('2024-03-31T16:00:00Z'))).toBe('2024-04-01');
    expect(chinaDate(new Date('2024-03-31T15:59:59Z'))).toBe('2024-03-31');
  });
});

describe('dates', () => {
  it('validates ISO dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
  });
  it('counts days and adds them', () => {
    expect(daysBetween('2023-11-01', '2024-01-01')).toBe(61);
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
  });
});

describe('measureLight', () => {
  const today = '2024-05-10';
  it('is red past the deadline, yellow within the window, green otherwise and grey when done', () => {
    expect(measureLight('2024-05-09', 'in_progress', today)).toBe('red');
    expect(measureLight('2024-05-10', 'in_progress', today)).toBe('yellow');
    expect(measureLight('2024-05-17', 'in_progress', today)).toBe('yellow');
    expect(measureLight('2024-05-18', 'in_progress', today)).toBe('green');
    expect(measureLight('2024-05-18', 'in_progress', today, 10)).toBe('yellow');
    expect(measureLight('2024-01-01', 'completed', today)).toBe('grey');
    expect(measureLight('2024-01-01', 'deemed_completed', today)).toBe('grey');
    expect(measureLight(null, 'not_started', today)).toBe('green');
  });
  it('turns a 视同完成 measure red once its open checkpoint is past, not on its day', () => {
    expect(measureLight('2024-01-01', 'deemed_completed', today, 7, '2024-05-09')).toBe('red');
    expect(measureLight('2024-01-01', 'deemed_completed', today, 7, '2024-05-10')).toBe('grey');
    expect(measureLight('2024-01-01', 'deemed_completed', today, 7, null)).toBe('grey');
    // only a 视同完成 measure is judged by its checkpoints
    expect(measureLight('2024-01-01', 'completed', today, 7, '2024-05-01')).toBe('grey');
    expect(measureLight('2024-06-30', 'in_progress', today, 7, '2024-05-01')).toBe('green');
    expect(isCheckpointOverdue('2024-05-09', 'deemed_completed', today)).toBe(true);
    expect(isCheckpointOverdue('2024-05-10', 'deemed_completed', today)).toBe(false);
    expect(isCheckpointOverdue('2024-05-09', 'in_progress', today)).toBe(false);
  });
  it('treats the deadline day itself as on time', () => {
    expect(isOverdue('2024-05-10', 'in_progress', today)).toBe(false);
    expect(isOverdue('2024-05-09', 'pending_review', today)).toBe(true);
    expect(isOverdue('2024-05-09', 'completed', today)).toBe(false);
  });
  it('shows the most urgent light for a problem', () => {
    expect(worstLight(['grey', 'green', 'red', 'yellow'])).toBe('red');
    expect(worstLight(['grey', 'grey'])).toBe('grey');
    expect(worstLight(['grey', 'yellow'])).toBe('yellow');
  });
});

describe('light names', () => {
  it('names every light and its meaning', () => {
    expect(LIGHTS.map((light) => `${LIGHT_NAMES[light]}：${LIGHT_LABELS[light]}`)).toEqual([
      '红灯：逾期',
      '黄灯：临期',
      '绿灯：正常',
      '灰灯：已完成',
    ]);
  });
});
