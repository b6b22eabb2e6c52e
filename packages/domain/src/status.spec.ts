import { describe, expect, it } from 'vitest';
import { deriveProblemStatus, MEASURE_STATUSES, problemStatusLabel, type MeasureStatus } from './status.js';

describe('deriveProblemStatus', () => {
  it.each<[MeasureStatus[], string]>([
    [['completed', 'completed'], 'completed'],
    [['completed', 'deemed_completed'], 'deemed_completed'],
    [['deemed_completed'], 'deemed_completed'],
    [['completed', 'in_progress'], 'in_progress'],
    [['deemed_completed', 'pending_review'], 'in_progress'],
    [['not_started'], 'in_progress'],
    [[], 'in_progress'],
  ])('%j → %s', (statuses, expected) => {
    expect(deriveProblemStatus(statuses)).toBe(expected);
  });

  it('labels every combination of two measures with one of the three words', () => {
    for (const a of MEASURE_STATUSES) {
      for (const b of MEASURE_STATUSES) {
        expect(['已完成', '视同完成', '未完成']).toContain(problemStatusLabel(deriveProblemStatus([a, b])));
      }
    }
  });
});
