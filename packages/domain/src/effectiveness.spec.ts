import { describe, expect, it } from 'vitest';
import { canEvaluateEffectiveness, describeEffectiveness, EFFECTIVENESS_RATING_LABELS } from './effectiveness.js';

describe('成效评估', () => {
  it('labels the four ratings and evaluates only signed-off problems', () => {
    expect(Object.values(EFFECTIVENESS_RATING_LABELS)).toEqual(['好', '较好', '一般', '差']);
    expect(canEvaluateEffectiveness('completed')).toBe(true);
    expect(canEvaluateEffectiveness('deemed_completed')).toBe(true);
    expect(canEvaluateEffectiveness('in_progress')).toBe(false);
  });

  it('sums the evaluations up in one sentence, leaving out empty ratings', () => {
    expect(describeEffectiveness({ good: 8, fair: 3, average: 1 })).toBe(
      '已对12个问题开展整改成效评估，其中成效好的8个、较好的3个、一般的1个。',
    );
    expect(describeEffectiveness({ poor: 1 })).toBe('已对1个问题开展整改成效评估，其中成效差的1个。');
    expect(describeEffectiveness({})).toBe('');
  });
});
