import { describe, expect, it } from '@jest/globals';
import { completionRate, onTimeRate, percent, unitLight } from './statistics.rules.js';

describe('statistics rules', () => {
  it('gives percents with one decimal, and 0 for an empty total', () => {
    expect(percent(19, 25)).toBe(76);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 0)).toBe(0);
    expect(percent(5, 5)).toBe(100);
  });

  it('counts 视同完成 in the completion rate only when asked', () => {
    const counts = { total: 41, completed: 20, deemedCompleted: 8 };
    expect(completionRate(counts, true)).toBe(68.3);
    expect(completionRate(counts, false)).toBe(48.8);
  });

  it('has no on-time rate before anything is done', () => {
    expect(onTimeRate(0, 0)).toBeNull();
    expect(onTimeRate(3, 4)).toBe(75);
  });

  it('lights a unit red before yellow, grey only when all is done', () => {
    expect(unitLight({ assigned: 5, done: 2, overdue: 1, dueSoon: 2 })).toBe('red');
    expect(unitLight({ assigned: 5, done: 2, overdue: 0, dueSoon: 2 })).toBe('yellow');
    expect(unitLight({ assigned: 5, done: 5, overdue: 0, dueSoon: 0 })).toBe('grey');
    expect(unitLight({ assigned: 5, done: 4, overdue: 0, dueSoon: 0 })).toBe('green');
    expect(unitLight({ assigned: 0, done: 0, overdue: 0, dueSoon: 0 })).toBe('green');
  });
});
