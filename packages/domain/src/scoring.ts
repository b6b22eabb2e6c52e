// Unit scoring (考核): one score per responsible unit of an inspection, from weighted components. The API computes
// the ranking with these functions and the web shows the same formula; this file is the only copy of the rule.
//
// The components of a unit, over the live measures of the inspection assigned to it (lead or co-unit):
//
// - completionRate (完成率) = signed-off measures (已完成 and 视同完成) / the unit's measures.
// - onTimeRate (按期率) = (signed-off measures completed on or before their deadline + open measures not yet
//   overdue) / the unit's measures. "Completed" is the China calendar day of the sign-off; a measure without a
//   deadline, or a signed-off one without a recorded completion day, counts as on time; an open measure is overdue
//   from the day after its deadline (the deadline day itself is still on time).
// - reportPunctuality (报送及时率) = (places with punctuality 'on_time' + ½ × places 'late') / the unit's places in
//   the closed reporting rounds of the inspection ('missing' counts 0); 0 when the unit had no such place.
// - returnedCount (退回次数): sign-off requests of the unit's measures that an officer returned (history 'return').
// - reboundCount (反弹次数): look-back items of the unit's measures found 'rebounded' (回头看反弹).
// - urgedCount (被催办次数): 催办 the unit received (history 'urge' addressed to the unit).
// - measures: how many measures the rates are shares of. Every rate is 0 when its denominator is 0.
//
// Rates are rounded to 4 decimals, and the score is computed from the rounded rates, so anyone can recompute a
// score from the components shown:
//
//   score = completionRate × completion + onTimeRate × onTime + reportPunctuality × punctuality
//           − returnedCount × returned − reboundCount × rebound − urgedCount × urged,
//
// floored at 0 and rounded to 2 decimals. The positive weights sum to 100 (a 100-point scale); the deductions are
// points per occurrence.

export interface ScoringWeights {
  /** points for a completion rate of 100% */
  completion: number;
  /** points for an on-time rate of 100% */
  onTime: number;
  /** points for a reporting punctuality of 100% */
  punctuality: number;
  /** points deducted per returned sign-off request */
  returned: number;
  /** points deducted per rebound found by a look-back */
  rebound: number;
  /** points deducted per 催办 received */
  urged: number;
}

export const SCORING_WEIGHT_FIELDS = ['completion', 'onTime', 'punctuality', 'returned', 'rebound', 'urged'] as const;
export type ScoringWeightField = (typeof SCORING_WEIGHT_FIELDS)[number];

/** The weights that add points (they sum to 100) and those that deduct points per occurrence. */
export const POSITIVE_WEIGHT_FIELDS = ['completion', 'onTime', 'punctuality'] as const;
export const DEDUCTION_WEIGHT_FIELDS = ['returned', 'rebound', 'urged'] as const;

export const SCORING_WEIGHT_LABELS: Record<ScoringWeightField, string> = {
  completion: '完成率',
  onTime: '按期率',
  punctuality: '报送及时率',
  returned: '退回次数',
  rebound: '反弹次数',
  urged: '被催办次数',
};

export const DEFAULT_SCORING_WEIGHTS: ScoringWeights = {
  completion: 50,
  onTime: 30,
  punctuality: 20,
  returned: 2,
  rebound: 5,
  urged: 1,
};

/** The scale: the positive weights must sum to this. */
export const SCORING_SCALE = 100;
/** The largest deduction per occurrence. */
export const MAX_SCORING_DEDUCTION = 20;

/** What the API counts per unit; the rates are derived from it by `scoringComponents`. */
export interface UnitScoreCounts {
  /** the unit's live measures */
  measures: number;
  /** of them signed off (已完成, 视同完成) */
  done: number;
  /** signed off on or before the deadline (or without a deadline or completion day) */
  doneOnTime: number;
  /** open and not yet overdue (no deadline, or the deadline is today or later) */
  openNotOverdue: number;
  /** the unit's places in closed reporting rounds */
  roundPlaces: number;
  roundsOnTime: number;
  roundsLate: number;
  returnedCount: number;
  reboundCount: number;
  urgedCount: number;
}

export interface UnitScoreComponents {
  /** 0–1 */
  completionRate: number;
  /** 0–1 */
  onTimeRate: number;
  returnedCount: number;
  reboundCount: number;
  /** 0–1 */
  reportPunctuality: number;
  urgedCount: number;
  measures: number;
}

const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * factor) / factor;
};

const share = (part: number, whole: number): number => (whole > 0 ? round(part / whole, 4) : 0);

/** The components of a unit from its counts (rates rounded to 4 decimals; 0 where the denominator is 0). */
export function scoringComponents(counts: UnitScoreCounts): UnitScoreComponents {
  return {
    completionRate: share(counts.done, counts.measures),
    onTimeRate: share(counts.doneOnTime + counts.openNotOverdue, counts.measures),
    returnedCount: counts.returnedCount,
    reboundCount: counts.reboundCount,
    reportPunctuality: share(counts.roundsOnTime + counts.roundsLate / 2, counts.roundPlaces),
    urgedCount: counts.urgedCount,
    measures: counts.measures,
  };
}

/** A unit's score (0 and up, 2 decimals) from its components and the weights; see the formula at the top. */
export function unitScore(components: UnitScoreComponents, weights: ScoringWeights): number {
  const raw =
    components.completionRate * weights.completion +
    components.onTimeRate * weights.onTime +
    components.reportPunctuality * weights.punctuality -
    components.returnedCount * weights.returned -
    components.reboundCount * weights.rebound -
    components.urgedCount * weights.urged;
  return Math.max(0, round(raw, 2));
}

/**
 * Ranks scored items, best first: equal scores share a rank and the next rank skips (1, 2, 2, 4). Items of equal
 * score keep the order of `tieOrder` (e.g. the unit name), else their given order. Does not change the input.
 */
export function rankUnits<T extends { score: number }>(
  items: readonly T[],
  tieOrder?: (a: T, b: T) => number,
): Array<T & { rank: number }> {
  const sorted = [...items].sort((a, b) => b.score - a.score || (tieOrder ? tieOrder(a, b) : 0));
  let rank = 0;
  return sorted.map((item, index) => {
    if (index === 0 || item.score !== sorted[index - 1].score) rank = index + 1;
    return { ...item, rank };
  });
}

const formatNumber = (value: number): string => String(round(value, 2));

/**
 * The formula in Chinese, e.g. `得分 = 完成率×50 + 按期率×30 + 报送及时率×20 − 退回次数×2 − 反弹次数×5 −
 * 被催办次数×1（最低0分）`. Terms with weight 0 are left out.
 */
export function describeScoringFormula(weights: ScoringWeights): string {
  const plus = POSITIVE_WEIGHT_FIELDS.filter((field) => weights[field] !== 0).map(
    (field) => `${SCORING_WEIGHT_LABELS[field]}×${formatNumber(weights[field])}`,
  );
  const minus = DEDUCTION_WEIGHT_FIELDS.filter((field) => weights[field] !== 0).map(
    (field) => ` − ${SCORING_WEIGHT_LABELS[field]}×${formatNumber(weights[field])}`,
  );
  const sum = plus.length > 0 ? plus.join(' + ') : '0';
  return `得分 = ${sum}${minus.join('')}（最低0分）`;
}

/**
 * What is wrong with the weights, by field (empty when they are fine): the positive weights are whole numbers from
 * 0 to 100 that sum to 100; the deductions are numbers from 0 to 20 with at most one decimal.
 */
export function checkScoringWeights(weights: ScoringWeights): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  for (const field of POSITIVE_WEIGHT_FIELDS) {
    const value = weights[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > SCORING_SCALE)
      add(field, `${SCORING_WEIGHT_LABELS[field]}的分值须为 0 至 ${SCORING_SCALE} 的整数`);
  }
  for (const field of DEDUCTION_WEIGHT_FIELDS) {
    const value = weights[field];
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value < 0 ||
      value > MAX_SCORING_DEDUCTION ||
      !Number.isInteger(round(value * 10, 6))
    )
      add(field, `${SCORING_WEIGHT_LABELS[field]}每次扣分须为 0 至 ${MAX_SCORING_DEDUCTION} 之间、最多一位小数的数`);
  }
  if (POSITIVE_WEIGHT_FIELDS.every((field) => !errors[field])) {
    const total = POSITIVE_WEIGHT_FIELDS.reduce((sum, field) => sum + weights[field], 0);
    if (total !== SCORING_SCALE)
      add('weights', `完成率、按期率、报送及时率的分值合计须为 ${SCORING_SCALE} 分（现为 ${total} 分）`);
  }
  return errors;
}
