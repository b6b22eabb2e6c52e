// Statuses of measures and problems, their Chinese labels, and how a problem's status follows from its measures.

export const MEASURE_STATUSES = [
  'not_started',
  'in_progress',
  'pending_review',
  'completed',
  'deemed_completed',
] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  not_started: '未启动',
  in_progress: '推进中',
  pending_review: '待审核',
  completed: '已完成',
  deemed_completed: '视同完成',
};

export const PROBLEM_STATUSES = ['in_progress', 'deemed_completed', 'completed'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

// Problem-level labels are exactly these three words (the notice's three classes).
export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = {
  in_progress: '未完成',
  deemed_completed: '视同完成',
  completed: '已完成',
};

/** The long forms used in notices: 未完成,继续整改 / 视同完成,持续整改 / 已完成,同意销号. */
export const PROBLEM_STATUS_NOTICE_LABELS: Record<ProblemStatus, string> = {
  in_progress: '未完成，继续整改',
  deemed_completed: '视同完成，持续整改',
  completed: '已完成，同意销号',
};

export function isMeasureDone(status: MeasureStatus): boolean {
  return status === 'completed' || status === 'deemed_completed';
}

/**
 * Any measure not done → 未完成; else any 视同完成 → 视同完成; else 已完成.
 * A problem without measures has nothing signed off, so it is 未完成.
 */
export function deriveProblemStatus(measureStatuses: readonly MeasureStatus[]): ProblemStatus {
  if (measureStatuses.length === 0) return 'in_progress';
  if (measureStatuses.some((status) => !isMeasureDone(status))) return 'in_progress';
  if (measureStatuses.includes('deemed_completed')) return 'deemed_completed';
  return 'completed';
}

export function measureStatusLabel(status: MeasureStatus): string {
  return MEASURE_STATUS_LABELS[status];
}

export function problemStatusLabel(status: ProblemStatus): string {
  return PROBLEM_STATUS_LABELS[status];
}

export const MEASURE_TERMS = ['immediate', 'concentrated', 'long_term'] as const;
export type MeasureTerm = (typeof MEASURE_TERMS)[number];

export const MEASURE_TERM_LABELS: Record<MeasureTerm, string> = {
  immediate: '立行立改',
  concentrated: '集中整改',
  long_term: '长期坚持',
};

export const UNIT_ROLES = ['lead', 'co'] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];
export const UNIT_ROLE_LABELS: Record<UnitRole, string> = { lead: '牵头', co: '配合' };
