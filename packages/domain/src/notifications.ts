// What a notification is about (its `kind`), in Chinese: the bell, the delivery log and each user's mail preferences
// (账户设置 › 通知设置) name them the same way. A kind not listed here is still delivered; it shows its code.
export const NOTIFICATION_KINDS = [
  'measure.urged',
  'measure.submitted',
  'measure.approved',
  'measure.returned',
  'measure.reopened',
  'extension.requested',
  'extension.approved',
  'extension.refused',
  'measure.due_soon',
  'measure.overdue',
  'checkpoint.due',
  'checkpoint.review',
  'checkpoint.reviewed',
  'order.issued',
  'order.replied',
  'order.overdue',
  'round.opened',
  'round.submitted',
  'round.returned',
  'round.due_soon',
  'round.missing',
  'round.urged',
  'lookback.rebounded',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  'measure.urged': '催办',
  'measure.submitted': '待审核的销号申请',
  'measure.approved': '销号申请通过',
  'measure.returned': '销号申请被退回',
  'measure.reopened': '措施重新打开',
  'extension.requested': '待审批的延期申请',
  'extension.approved': '延期申请获批',
  'extension.refused': '延期申请未获批',
  'measure.due_soon': '措施即将到期提醒',
  'measure.overdue': '逾期提醒与升级督办',
  'checkpoint.due': '视同完成措施检查节点提醒',
  'checkpoint.review': '待评估的检查节点',
  'checkpoint.reviewed': '检查节点评估结果',
  'order.issued': '督办单',
  'order.replied': '督办单回复',
  'order.overdue': '督办单逾期未回复',
  'round.opened': '报送通知',
  'round.submitted': '单位已报送',
  'round.returned': '报送被退回',
  'round.due_soon': '报送即将截止提醒',
  'round.missing': '逾期未报送',
  'round.urged': '报送催办',
  'lookback.rebounded': '回头看发现反弹',
};

/** The kind's Chinese label, or the code itself for a kind this build does not know. */
export function notificationKindLabel(kind: string): string {
  return (NOTIFICATION_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

type Audience = 'officer' | 'unit' | 'supervisor';

/** Who receives a kind: the task force (officers), the accounts of a measure's units, the supervisors. */
export const NOTIFICATION_KIND_AUDIENCE: Record<NotificationKind, readonly Audience[]> = {
  'measure.urged': ['unit'],
  'measure.submitted': ['officer'],
  'measure.approved': ['unit'],
  'measure.returned': ['unit'],
  'measure.reopened': ['unit'],
  'extension.requested': ['officer'],
  'extension.approved': ['unit'],
  'extension.refused': ['unit'],
  'measure.due_soon': ['unit'],
  // an overdue measure climbs the ladder: the unit, its leader, the task force, the supervisors
  'measure.overdue': ['unit', 'officer', 'supervisor'],
  'checkpoint.due': ['unit', 'officer'],
  // a checkpoint that came due waits in the officers' review list; the units hear of the review's outcome
  'checkpoint.review': ['officer'],
  'checkpoint.reviewed': ['unit'],
  'order.issued': ['unit'],
  'order.replied': ['officer'],
  'order.overdue': ['unit', 'officer', 'supervisor'],
  'round.opened': ['unit'],
  'round.submitted': ['officer'],
  'round.returned': ['unit'],
  'round.due_soon': ['unit'],
  // a unit past the due date climbs the ladder like an overdue measure
  'round.missing': ['unit', 'officer', 'supervisor'],
  'round.urged': ['unit'],
  'lookback.rebounded': ['unit', 'officer'],
};

/** The kinds an account with these roles can receive (its mail preferences list only these). */
export function notificationKindsFor(roles: readonly string[]): NotificationKind[] {
  const mine = new Set<Audience>();
  if (roles.includes('task_force_officer')) mine.add('officer');
  if (roles.includes('unit_leader') || roles.includes('unit_staff')) mine.add('unit');
  if (roles.includes('supervisor')) mine.add('supervisor');
  return NOTIFICATION_KINDS.filter((kind) => NOTIFICATION_KIND_AUDIENCE[kind].some((audience) => mine.has(audience)));
}
