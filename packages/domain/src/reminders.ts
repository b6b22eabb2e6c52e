// When reminders go out and whom an overdue measure escalates to (催办提醒规则), per inspection. The API stores and
// validates a policy with these rules; the settings page checks the same ones before sending.

export const ESCALATION_TARGETS = ['unit', 'unit_leader', 'task_force', 'supervisor'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

export const ESCALATION_TARGET_LABELS: Record<EscalationTarget, string> = {
  unit: '责任单位全部账号',
  unit_leader: '责任单位负责人',
  task_force: '整改专班',
  supervisor: '监督人员',
};

/** The channels a reminder may use besides the app (in-app is always on). */
export const REMINDER_CHANNELS = ['in_app', 'email', 'webhook'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

export const REMINDER_CHANNEL_LABELS: Record<ReminderChannel, string> = {
  in_app: '系统内通知',
  email: '邮件',
  webhook: '外部推送（企业微信、钉钉等）',
};

export interface EscalationStep {
  /** days after the deadline (0: the day it becomes overdue) */
  afterOverdueDays: number;
  notify: EscalationTarget;
}

export interface ReminderRules {
  /** reminders this many days before the deadline, e.g. [7, 3, 1] */
  dueSoonDays: number[];
  escalation: EscalationStep[];
  channels: ReminderChannel[];
}

export const DEFAULT_REMINDER_RULES: ReminderRules = {
  dueSoonDays: [7, 3, 1],
  escalation: [
    { afterOverdueDays: 0, notify: 'unit' },
    { afterOverdueDays: 3, notify: 'unit_leader' },
    { afterOverdueDays: 7, notify: 'task_force' },
    { afterOverdueDays: 14, notify: 'supervisor' },
  ],
  channels: ['in_app', 'email', 'webhook'],
};

export const MAX_DUE_SOON_DAYS = 90;
export const MAX_OVERDUE_DAYS = 365;

/**
 * What is wrong with a policy, by field (empty when it is fine): due-soon days are distinct whole days from 1 to 90;
 * escalation steps have distinct days from 0 to 365, in increasing order; in-app is always among the channels.
 */
export function checkReminderRules(rules: ReminderRules): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const days = rules.dueSoonDays;
  if (days.length > 10) (errors.dueSoonDays ??= []).push('到期前提醒最多设置 10 个');
  if (days.some((day) => !Number.isInteger(day) || day < 1 || day > MAX_DUE_SOON_DAYS))
    (errors.dueSoonDays ??= []).push(`到期前提醒的天数须为 1 至 ${MAX_DUE_SOON_DAYS} 的整数`);
  if (new Set(days).size !== days.length) (errors.dueSoonDays ??= []).push('到期前提醒的天数不能重复');
  const steps = rules.escalation;
  if (steps.length === 0) (errors.escalation ??= []).push('至少设置一级逾期提醒');
  if (steps.length > 8) (errors.escalation ??= []).push('逾期升级最多设置 8 级');
  if (
    steps.some(
      (step) =>
        !Number.isInteger(step.afterOverdueDays) ||
        step.afterOverdueDays < 0 ||
        step.afterOverdueDays > MAX_OVERDUE_DAYS,
    )
  )
    (errors.escalation ??= []).push(`逾期天数须为 0 至 ${MAX_OVERDUE_DAYS} 的整数`);
  if (steps.some((step, i) => i > 0 && step.afterOverdueDays <= steps[i - 1].afterOverdueDays))
    (errors.escalation ??= []).push('逾期升级须按逾期天数从少到多排列，且天数不能重复');
  if (steps.some((step) => !ESCALATION_TARGETS.includes(step.notify)))
    (errors.escalation ??= []).push('未知的提醒对象');
  if (!rules.channels.includes('in_app')) (errors.channels ??= []).push('系统内通知始终开启');
  if (rules.channels.some((channel) => !REMINDER_CHANNELS.includes(channel)))
    (errors.channels ??= []).push('未知的提醒渠道');
  return errors;
}

/** The policy in one Chinese sentence, e.g. for the settings page and the audit trail. */
export function describeReminderRules(rules: ReminderRules): string {
  const before = rules.dueSoonDays.length
    ? `到期前 ${[...rules.dueSoonDays].sort((a, b) => b - a).join('、')} 天提醒责任单位`
    : '到期前不提醒';
  const ladder = rules.escalation
    .map(
      (step) =>
        `${step.afterOverdueDays === 0 ? '逾期当天' : `逾期 ${step.afterOverdueDays} 天`}提醒${ESCALATION_TARGET_LABELS[step.notify]}`,
    )
    .join('，');
  return `${before}；${ladder}。`;
}

/** Quiet hours, China time: nothing goes out by email or webhook from 22:00 until 07:00 (it waits; in-app is immediate). */
export const QUIET_HOURS = { from: 22, to: 7 } as const;

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** When a message due at `now` may go out by email or webhook: `now` outside quiet hours, else the next 07:00 China. */
export function outsideQuietHours(now: Date): Date {
  const china = new Date(now.getTime() + CHINA_OFFSET_MS);
  const hour = china.getUTCHours();
  if (hour >= QUIET_HOURS.to && hour < QUIET_HOURS.from) return now;
  const wake = new Date(china);
  if (hour >= QUIET_HOURS.from) wake.setUTCDate(wake.getUTCDate() + 1);
  wake.setUTCHours(QUIET_HOURS.to, 0, 0, 0);
  return new Date(wake.getTime() - CHINA_OFFSET_MS);
}
