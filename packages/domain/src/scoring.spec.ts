import { describe, expect, it } from 'vitest';
import {
  checkScoringWeights,
  DEFAULT_SCORING_WEIGHTS,
  describeScoringFormula,
  rankUnits,
  scoringComponents,
  unitScore,
  type UnitScoreCounts,
} from './scoring.js';

const none: UnitScoreCounts = {
  measures: 0,
  done: 0,
  doneOnTime: 0,
  openNotOverdue: 0,
  roundPlaces: 0,
  roundsOnTime: 0,
  roundsLate: 0,
  returnedCount: 0,
  reboundCount: 0,
  urgedCount: 0,
};

// 4 measures: 3 signed off (2 of them by their deadline), 1 open and not overdue; 4 places in closed rounds: 2 on
// time, 1 late, 1 missing; 1 return, 1 rebound, 2 urges
const unitA: UnitScoreCounts = {
  measures: 4,
  done: 3,
  doneOnTime: 2,
  openNotOverdue: 1,
  roundPlaces: 4,
  roundsOnTime: 2,
  roundsLate: 1,
  returnedCount: 1,
  reboundCount: 1,
  urgedCount: 2,
};

describe('unit scoring (考核)', () => {
  it('derives the rates from the counts', () => {
    expect(scoringComponents(unitA)).toEqual({
      completionRate: 0.75, // 3 / 4
      onTimeRate: 0.75, // (2 + 1) / 4
      reportPunctuality: 0.625, // (2 + 1/2) / 4
      returnedCount: 1,
      reboundCount: 1,
      urgedCount: 2,
      measures: 4,
    });
  });

  it('rounds rates to 4 decimals and answers 0 where a denominator is 0', () => {
    const components = scoringComponents({ ...none, measures: 3, done: 1, doneOnTime: 1 });
    expect(components.completionRate).toBe(0.3333);
    expect(components.onTimeRate).toBe(0.3333);
    expect(components.reportPunctuality).toBe(0);
    expect(scoringComponents(none)).toMatchObject({ completionRate: 0, onTimeRate: 0, reportPunctuality: 0 });
  });

  it('scores with the default weights (hand-computed)', () => {
    // 0.75×50 + 0.75×30 + 0.625×20 − 1×2 − 1×5 − 2×1 = 37.5 + 22.5 + 12.5 − 9 = 63.5
    expect(unitScore(scoringComponents(unitA), DEFAULT_SCORING_WEIGHTS)).toBe(63.5);
    // 0.3333×50 + 0.3333×30 = 16.665 + 9.999 = 26.664 → 26.66
    expect(
      unitScore(scoringComponents({ ...none, measures: 3, done: 1, doneOnTime: 1 }), DEFAULT_SCORING_WEIGHTS),
    ).toBe(26.66);
    // everything signed off on time, every report on time: the full 100
    expect(
      unitScore(
        scoringComponents({ ...none, measures: 2, done: 2, doneOnTime: 2, roundPlaces: 1, roundsOnTime: 1 }),
        DEFAULT_SCORING_WEIGHTS,
      ),
    ).toBe(100);
  });

  it('scores with other weights', () => {
    const weights = { completion: 40, onTime: 40, punctuality: 20, returned: 0, rebound: 10, urged: 0.5 };
    // 0.75×40 + 0.75×40 + 0.625×20 − 1×10 − 2×0.5 = 30 + 30 + 12.5 − 11 = 61.5
    expect(unitScore(scoringComponents(unitA), weights)).toBe(61.5);
  });

  it('never goes below 0', () => {
    // 1 open overdue measure, urged 3 times: 0 − 3 → 0
    expect(unitScore(scoringComponents({ ...none, measures: 1, urgedCount: 3 }), DEFAULT_SCORING_WEIGHTS)).toBe(0);
  });

  it('ranks best first; equal scores share a rank and the next rank skips', () => {
    const ranked = rankUnits(
      [
        { name: '乙', score: 80 },
        { name: '丁', score: 70 },
        { name: '甲', score: 90 },
        { name: '丙', score: 80 },
      ],
      (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
    );
    expect(ranked.map((item) => [item.name, item.rank])).toEqual([
      ['甲', 1],
      ['丙', 2],
      ['乙', 2],
      ['丁', 4],
    ]);
    expect(rankUnits([])).toEqual([]);
  });

  it('writes the formula in Chinese, leaving out terms weighted 0', () => {
    expect(describeScoringFormula(DEFAULT_SCORING_WEIGHTS)).toBe(
      '得分 = 完成率×50 + 按期率×30 + 报送及时率×20 − 退回次数×2 − 反弹次数×5 − 被催办次数×1（最低0分）',
    );
    expect(
      describeScoringFormula({ completion: 60, onTime: 40, punctuality: 0, returned: 0, rebound: 10, urged: 0.5 }),
    ).toBe('得分 = 完成率×60 + 按期率×40 − 反弹次数×10 − 被催办次数×0.5（最低0分）');
  });

  it('checks the weights, with Chinese problems by field', () => {
    expect(checkScoringWeights(DEFAULT_SCORING_WEIGHTS)).toEqual({});
    expect(checkScoringWeights({ ...DEFAULT_SCORING_WEIGHTS, punctuality: 30 })).toEqual({
      weights: ['完成率、按期率、报送及时率的分值合计须为 100 分（现为 110 分）'],
    });
    expect(checkScoringWeights({ ...DEFAULT_SCORING_WEIGHTS, completion: 49.5, onTime: 30.5 })).toEqual({
      completion: ['完成率的分值须为 0 至 100 的整数'],
      onTime: ['按期率的分值须为 0 至 100 的整数'],
    });
    expect(checkScoringWeights({ ...DEFAULT_SCORING_WEIGHTS, returned: -1, urged: 0.25, rebound: 21 })).toEqual({
      returned: ['退回次数每次扣分须为 0 至 20 之间、最多一位小数的数'],
      rebound: ['反弹次数每次扣分须为 0 至 20 之间、最多一位小数的数'],
      urged: ['被催办次数每次扣分须为 0 至 20 之间、最多一位小数的数'],
    });
    expect(checkScoringWeights({ ...DEFAULT_SCORING_WEIGHTS, urged: 0.5 })).toEqual({});
  });
});
