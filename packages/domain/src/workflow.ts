// The sign-off workflow of a measure: who may do what from which status, how a measure's status follows from its
// units' statuses, and what an approval must contain. The API enforces these rules; the web uses them to offer only
// the actions that will succeed.
import { isIsoDate, daysBetween } from './deadline.js';
import type { Role } from './roles.js';
import type { MeasureStatus } from './status.js';

export const MEASURE_ACTIONS = ['start', 'submit', 'approve', 'return', 'reopen'] as const;
export type MeasureAction = (typeof MEASURE_ACTIONS)[number];

export const MEASURE_ACTION_LABELS: Record<MeasureAction, string> = {
  start: '启动整改',
  submit: '提交销号',
  approve: '审核通过',
  return: '退回',
  reopen: '重新打开',
};

export const APPROVAL_OUTCOMES = ['completed', 'deemed_completed'] as const;
export type ApprovalOutcome = (typeof APPROVAL_OUTCOMES)[number];

/** How an approved sign-off (审核通过) closes a measure: 已完成 or 视同完成. */
export const APPROVAL_OUTCOME_LABELS: Record<ApprovalOutcome, string> = {
  completed: '已完成',
  deemed_completed: '视同完成',
};

interface TransitionRule {
  from: readonly MeasureStatus[];
  roles: readonly Role[];
  // the action is taken by one of the measure's own units (lead or co-unit)
  ownUnit: boolean;
}

export const TRANSITION_RULES: Record<MeasureAction, TransitionRule> = {
  start: { from: ['not_started'], roles: ['unit_leader', 'unit_staff'], ownUnit: true },
  // a 视同完成 long-term item comes back for its final sign-off
  submit: { from: ['not_started', 'in_progress', 'deemed_completed'], roles: ['unit_leader'], ownUnit: true },
  approve: { from: ['pending_review'], roles: ['task_force_officer'], ownUnit: false },
  return: { from: ['pending_review'], roles: ['task_force_officer'], ownUnit: false },
  reopen: { from: ['completed', 'deemed_completed'], roles: ['task_force_officer'], ownUnit: false },
};

export type TransitionCheck =
  { ok: true } | { ok: false; code: 'FORBIDDEN' | 'TRANSITION_NOT_ALLOWED'; message: string };

/** May an account with `roles` (belonging to one of the measure's units when `ownUnit`) take `action` now? */
export function checkTransition(
  action: MeasureAction,
  context: { status: MeasureStatus; unitStatus?: MeasureStatus | null; roles: readonly Role[]; ownUnit: boolean },
): TransitionCheck {
  const rule = TRANSITION_RULES[action];
  const label = MEASURE_ACTION_LABELS[action];
  if (!context.roles.some((role) => rule.roles.includes(role)) || (rule.ownUnit && !context.ownUnit)) {
    return { ok: false, code: 'FORBIDDEN', message: `当前账号不能${label}` };
  }
  if (!rule.from.includes(context.status)) {
    return {
      ok: false,
      code: 'TRANSITION_NOT_ALLOWED',
      message: `整改措施当前状态为“${STATUS_WORDS[context.status]}”，不能${label}`,
    };
  }
  if (action === 'submit' && context.unitStatus === 'pending_review') {
    return { ok: false, code: 'TRANSITION_NOT_ALLOWED', message: '本单位已提交，正在等待审核' };
  }
  return { ok: true };
}

const STATUS_WORDS: Record<MeasureStatus, string> = {
  not_started: '未启动',
  in_progress: '推进中',
  pending_review: '待审核',
  completed: '已完成',
  deemed_completed: '视同完成',
};

export const ROLL_UP_RULE = '各责任单位均提交后，措施进入待审核；任一单位已启动即为推进中；销号结果由整改专班审核确定';

/**
 * A measure's status from its units' statuses while it is not signed off:
 * every unit submitted → 待审核; any unit started or submitted → 推进中; else 未启动.
 */
export function rollUpMeasureStatus(unitStatuses: readonly MeasureStatus[]): MeasureStatus {
  if (unitStatuses.length === 0) return 'not_started';
  if (unitStatuses.every((status) => status === 'pending_review')) return 'pending_review';
  if (unitStatuses.some((status) => status !== 'not_started')) return 'in_progress';
  return 'not_started';
}

export interface ApprovalInput {
  outcome: ApprovalOutcome;
  opinion?: string | null;
  stageOutcome?: string | null;
  longTermMechanism?: string | null;
  nextCheckpoint?: string | null;
}

/** Field errors of an approval (empty when valid). 视同完成 needs the stage outcome, the mechanism and a future checkpoint. */
export function validateApproval(input: ApprovalInput, today: string): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (input.outcome !== 'deemed_completed') return errors;
  if (!input.stageOutcome?.trim()) errors.stageOutcome = ['视同完成须填写阶段性成果'];
  if (!input.longTermMechanism?.trim()) errors.longTermMechanism = ['视同完成须填写长效机制'];
  if (!input.nextCheckpoint) errors.nextCheckpoint = ['视同完成须填写下一检查节点日期'];
  else if (!isIsoDate(input.nextCheckpoint)) errors.nextCheckpoint = ['日期格式应为 YYYY-MM-DD'];
  else if (daysBetween(today, input.nextCheckpoint) <= 0) errors.nextCheckpoint = ['下一检查节点须晚于今天'];
  return errors;
}

/** A reason is required to return or reopen, and to request a deadline extension. */
export function validateReason(reason: string | null | undefined): string | null {
  if (!reason || reason.trim().length < 2) return '请填写理由（至少 2 个字）';
  return null;
}
