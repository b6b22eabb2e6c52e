import { describe, expect, it } from 'vitest';
import { completionRate, percentOf } from './rates.js';

describe('completionRate', () => {
  it('is the done share as a percent with one decimal', () => {
    expect(completionRate(6, 10)).toBe(60);
    expect(completionRate(5, 6)).toBe(83.3);
    expect(completionRate(2, 3)).toBe(66.7);
    expect(completionRate(10, 10)).toBe(100);
    expect(completionRate(0, 4)).toBe(0);
  });

  it('is null when the unit has no measures', () => {
    expect(completionRate(0, 0)).toBeNull();
    expect(percentOf(1, 0)).toBeNull();
  });
});
