// 成效评估: after sign-off, the task force may rate how well a problem's rectification worked. Shared by the API (the
// look-back report, the notice's summary) and the web.

export const EFFECTIVENESS_RATINGS = ['good', 'fair', 'average', 'poor'] as const;
export type EffectivenessRating = (typeof EFFECTIVENESS_RATINGS)[number];
export const EFFECTIVENESS_RATING_LABELS: Record<EffectivenessRating, string> = {
  good: '好',
  fair: '较好',
  average: '一般',
  poor: '差',
};

/** Only a signed-off problem (已完成, 视同完成) is evaluated. */
export function canEvaluateEffectiveness(problemStatus: string): boolean {
  return problemStatus === 'completed' || problemStatus === 'deemed_completed';
}

/**
 * The evaluations in one sentence for a notice or a report: 已对12个问题开展整改成效评估，其中成效好的8个、较好的3个、
 * 一般的1个。 Empty when nothing was evaluated.
 */
export function describeEffectiveness(counts: Partial<Record<EffectivenessRating, number>>): string {
  const total = EFFECTIVENESS_RATINGS.reduce((sum, rating) => sum + (counts[rating] ?? 0), 0);
  if (total === 0) return '';
  const parts = EFFECTIVENESS_RATINGS.filter((rating) => (counts[rating] ?? 0) > 0).map(
    (rating) => `${EFFECTIVENESS_RATING_LABELS[rating]}的${counts[rating]}个`,
  );
  return `已对${total}个问题开展整改成效评估，其中成效${parts.join('、')}。`;
}
