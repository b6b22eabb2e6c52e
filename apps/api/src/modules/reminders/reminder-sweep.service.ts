import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { NotificationKind } from '@zhenggai/domain';
import { Clock } from '../../common/clock.js';
import { JobsService } from '../jobs/jobs.service.js';
import { measureExcerpt, measureLink } from '../measures/measure-ledger.js';
import { MeasureWritesRepository, type QueuedCheckpoint } from '../measures/measure-writes.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import {
  RemindersRepository,
  type ClaimedOrder,
  type ClaimedReminder,
  type ClaimedRound,
} from './reminders.repository.js';

export const REMINDER_SWEEP_JOB = 'reminders.sweep';

export interface SweepResult {
  /** the China calendar day swept */
  day: string;
  /** reminders and escalation steps claimed (new keys) */
  reminders: number;
  /** notifications written (one per person and kind, listing that person's measures) */
  notifications: number;
}

interface Message {
  kind: NotificationKind;
  userIds: string[];
  claims: ClaimedReminder[];
  escalated: boolean;
}

// The daily sweep (every day at 08:30 China time, and on demand): reminders before a deadline and the escalation
// ladder of overdue measures, per the inspection's reminder policy. Each reminder is claimed by a stable key in the
// same transaction as its notifications, so it goes out once however often and on however many processes the sweep
// runs. A person hears once per sweep and kind, with the list of their measures.
@Injectable()
export class ReminderSweepService {
  private readonly logger = new Logger('ReminderSweep');

  constructor(
    private readonly repository: RemindersRepository,
    private readonly measureWrites: MeasureWritesRepository,
    private readonly notifications: NotificationsService,
    private readonly webhooks: WebhooksService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    jobs: JobsService,
  ) {
    void jobs.define({
      name: REMINDER_SWEEP_JOB,
      label: '每日催办提醒（到期提醒与逾期升级）',
      cron: '30 8 * * *',
      handler: () => this.sweep(),
    });
  }

  async sweep(): Promise<SweepResult> {
    const day = this.clock.today();
    const result = await this.dataSource.transaction(async (manager) => {
      const claims = await this.repository.claimDue(manager, day);
      const recipients = await this.repository.recipients(
        manager,
        claims.map((claim) => ({ subjectId: claim.measureId, notify: claim.notify })),
        'measure',
      );
      let notifications = 0;
      for (const message of messages(claims, recipients)) {
        notifications += await this.notifications.notify(message.userIds, render(message), manager);
      }
      // 视同完成 checkpoints that came due go into the officers' review list, once; the unit hears it is due
      const queued = await this.measureWrites.queueDueCheckpoints(manager, day);
      const queuedRecipients = await this.repository.recipients(
        manager,
        queued.flatMap((item) => [
          { subjectId: item.measureId, notify: 'unit' as const },
          { subjectId: item.measureId, notify: 'task_force' as const },
        ]),
        'measure',
      );
      for (const message of checkpointMessages(queued, queuedRecipients)) {
        notifications += await this.notifications.notify(message.userIds, message.notice, manager);
      }
      // unanswered 督办单 climb the same ladder, counted from the day after their reply date
      const orders = await this.repository.claimOrders(manager, day);
      const orderRecipients = await this.repository.recipients(
        manager,
        orders.map((order) => ({ subjectId: order.unitId, notify: order.notify })),
        'unit',
      );
      for (const message of orderMessages(orders, orderRecipients)) {
        notifications += await this.notifications.notify(message.userIds, message.notice, manager);
      }
      // units owing a report: 3 and 1 days before the due date, then the same ladder from the day after it
      const rounds = await this.repository.claimRounds(manager, day);
      const roundRecipients = await this.repository.recipients(
        manager,
        rounds.map((round) => ({ subjectId: round.unitId, notify: round.notify })),
        'unit',
      );
      for (const message of roundMessages(rounds, roundRecipients)) {
        notifications += await this.notifications.notify(message.userIds, message.notice, manager);
      }
      return { claims, orderCount: orders.length + rounds.length + queued.length, rounds, notifications };
    });
    const overdue = uniqueMeasures(result.claims.filter((claim) => claim.rule.startsWith('overdue:')));
    if (overdue.length > 0) {
      await this.webhooks.publish('measure.overdue', {
        occurredAt: this.clock.now().toISOString(),
        title: `整改措施逾期提醒：${overdue.length} 项`,
        message: null,
        by: null,
        link: overdue.length === 1 ? measureLink(overdue[0].problemId, overdue[0].measureId) : '/',
        measures: overdue.map((claim) => ({
          id: claim.measureId,
          label: `${claim.label}（时限 ${claim.deadline}，逾期 ${claim.days} 天）`,
          problemTitle: measureExcerpt(claim.problemTitle),
          excerpt: measureExcerpt(claim.text),
          units: claim.units,
        })),
      });
    }
    const missing = uniqueOwing(result.rounds.filter((round) => round.rule.startsWith('missing:')));
    if (missing.length > 0) {
      await this.webhooks.publish('round.missing', {
        occurredAt: this.clock.now().toISOString(),
        title: `${missing.length} 个单位逾期未报送整改进展`,
        message: missing
          .map((round) => `第${round.seq}期 ${round.unitName}（报送截止 ${round.dueDate}，已逾期 ${round.days} 天）`)
          .join('\n'),
        by: null,
        link: missing.length === 1 ? `/report-rounds/${missing[0].roundId}` : '/report-rounds',
        measures: [],
      });
    }
    if (result.claims.length + result.orderCount > 0)
      this.logger.log(
        `${day}: ${result.claims.length + result.orderCount} reminder(s), ${result.notifications} notification(s)`,
      );
    return { day, reminders: result.claims.length + result.orderCount, notifications: result.notifications };
  }
}

function uniqueOwing(rounds: ClaimedRound[]): ClaimedRound[] {
  const seen = new Map<string, ClaimedRound>();
  for (const round of rounds)
    if (!seen.has(`${round.roundId}|${round.unitId}`)) seen.set(`${round.roundId}|${round.unitId}`, round);
  return [...seen.values()];
}

function uniqueMeasures(claims: ClaimedReminder[]): ClaimedReminder[] {
  const seen = new Map<string, ClaimedReminder>();
  for (const claim of claims) if (!seen.has(claim.measureId)) seen.set(claim.measureId, claim);
  return [...seen.values()];
}

/** One message per person and kind; people told the same list get one message together. */
function messages(
  claims: ClaimedReminder[],
  recipients: Array<{ subjectId: string; notify: string; userId: string }>,
): Message[] {
  const byPerson = new Map<
    string,
    { kind: NotificationKind; claims: Map<string, ClaimedReminder>; escalated: boolean }
  >();
  const claimsOf = new Map<string, ClaimedReminder[]>();
  for (const claim of claims) {
    const key = `${claim.measureId}|${claim.notify}`;
    claimsOf.set(key, [...(claimsOf.get(key) ?? []), claim]);
  }
  for (const recipient of recipients) {
    for (const claim of claimsOf.get(`${recipient.subjectId}|${recipient.notify}`) ?? []) {
      const kind: NotificationKind = claim.rule.startsWith('due:')
        ? 'measure.due_soon'
        : claim.rule.startsWith('checkpoint:')
          ? 'checkpoint.due'
          : 'measure.overdue';
      const key = `${recipient.userId}|${kind}`;
      const entry = byPerson.get(key) ?? { kind, claims: new Map(), escalated: false };
      if (!entry.claims.has(claim.measureId)) entry.claims.set(claim.measureId, claim);
      if (claim.notify !== 'unit' && kind === 'measure.overdue') entry.escalated = true;
      byPerson.set(key, entry);
    }
  }
  const grouped = new Map<string, Message>();
  for (const [key, entry] of byPerson) {
    const userId = key.split('|')[0];
    const list = [...entry.claims.values()].sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
    const group = `${entry.kind}|${entry.escalated}|${list.map((claim) => `${claim.measureId}:${claim.days}`).join(',')}`;
    const message = grouped.get(group) ?? { kind: entry.kind, userIds: [], claims: list, escalated: entry.escalated };
    message.userIds.push(userId);
    grouped.set(group, message);
  }
  return [...grouped.values()];
}

/** A notification lists at most this many measures; the rest are counted (the app lists them all). */
const LISTED = 20;

function listed(claims: ClaimedReminder[], line: (claim: ClaimedReminder) => string): string[] {
  const lines = claims.slice(0, LISTED).map(line);
  if (claims.length > LISTED) lines.push(`……等共 ${claims.length} 项，请在系统中查看全部。`);
  return lines;
}

function render(message: Message): { kind: string; title: string; body: string; link: string } {
  const { claims, kind, escalated } = message;
  const [first] = claims;
  const single = claims.length === 1;
  if (kind === 'measure.due_soon') {
    return {
      kind,
      title: single ? `整改措施将于 ${first.days} 天后到期：${first.label}` : `${claims.length} 项整改措施即将到期`,
      body: [
        '请按时完成整改并报送进展、提交销号；确需延期的，请在到期前提出延期申请。',
        ...claims.map(
          (claim) =>
            `${claim.label} ${measureExcerpt(claim.text, 24)}（时限 ${claim.deadline}，还有 ${claim.days} 天）`,
        ),
      ].join('\n'),
      link: single ? measureLink(first.problemId, first.measureId) : '/tasks',
    };
  }
  if (kind === 'checkpoint.due') {
    const when = (days: number) => (days === 0 ? '今天到期' : `还有 ${days} 天`);
    return {
      kind,
      title: single
        ? `视同完成措施的检查节点${first.days === 0 ? '今天到期' : `将于 ${first.days} 天后到期`}：${first.label}`
        : `${claims.length} 项视同完成措施的检查节点即将到期`,
      body: [
        '请对照阶段性目标报送进展，整改专班将据此复核是否达到阶段目标。',
        ...listed(
          claims,
          (claim) =>
            `${claim.label} ${measureExcerpt(claim.text, 24)}（检查节点 ${claim.deadline}，${when(claim.days)}）`,
        ),
      ].join('\n'),
      link: single ? measureLink(first.problemId, first.measureId) : '/',
    };
  }
  return {
    kind,
    title: single ? `整改措施已逾期 ${first.days} 天：${first.label}` : `${claims.length} 项整改措施已逾期`,
    body: [
      escalated ? '以下措施逾期仍未完成，请督促责任单位抓紧整改。' : '以下措施已超过整改时限，请抓紧整改并报送进展。',
      ...listed(
        claims,
        (claim) =>
          `${claim.label} ${measureExcerpt(claim.text, 24)}（时限 ${claim.deadline}，${claim.days === 0 ? '今天到期' : `已逾期 ${claim.days} 天`}）`,
      ),
    ].join('\n'),
    link: single ? measureLink(first.problemId, first.measureId) : escalated ? '/' : '/tasks',
  };
}

/**
 * The checkpoints that came due: the officers hear of those waiting for their review (检查节点待评估), each unit of
 * those that are its own (检查节点已到期). One notice per person and kind; people told the same list share it.
 */
function checkpointMessages(
  queued: QueuedCheckpoint[],
  recipients: Array<{ subjectId: string; notify: string; userId: string }>,
): Array<{ userIds: string[]; notice: { kind: NotificationKind; title: string; body: string; link: string } }> {
  const byPerson = new Map<string, { kind: NotificationKind; list: Map<string, QueuedCheckpoint> }>();
  for (const recipient of recipients) {
    const kind: NotificationKind = recipient.notify === 'task_force' ? 'checkpoint.review' : 'checkpoint.due';
    for (const item of queued) {
      if (item.measureId !== recipient.subjectId) continue;
      const key = `${recipient.userId}|${kind}`;
      const entry = byPerson.get(key) ?? { kind, list: new Map<string, QueuedCheckpoint>() };
      entry.list.set(item.checkpointId, item);
      byPerson.set(key, entry);
    }
  }
  const grouped = new Map<string, { userIds: string[]; kind: NotificationKind; list: QueuedCheckpoint[] }>();
  for (const [key, entry] of byPerson) {
    const list = [...entry.list.values()];
    const group = `${entry.kind}|${list.map((item) => item.checkpointId).join(',')}`;
    const message = grouped.get(group) ?? { userIds: [], kind: entry.kind, list };
    message.userIds.push(key.split('|')[0]);
    grouped.set(group, message);
  }
  const when = (item: QueuedCheckpoint) => (item.days === 0 ? '今天到期' : `已过 ${item.days} 天`);
  const line = (item: QueuedCheckpoint) =>
    `${item.label} ${measureExcerpt(item.text, 24)}（${item.title ?? '检查节点'} ${item.dueOn}，${when(item)}）`;
  return [...grouped.values()].map(({ userIds, kind, list }) => {
    const [first] = list;
    const single = list.length === 1;
    if (kind === 'checkpoint.review') {
      return {
        userIds,
        notice: {
          kind,
          title: single ? `检查节点待评估：${first.label}` : `${list.length} 个检查节点待评估`,
          body: ['以下视同完成措施的检查节点已到期，请评估是否达到阶段目标。', ...list.slice(0, 20).map(line)].join(
            '\n',
          ),
          link: '/checkpoint-reviews',
        },
      };
    }
    return {
      userIds,
      notice: {
        kind,
        title: single
          ? `视同完成措施的检查节点${first.days === 0 ? '今天到期' : '已到期'}：${first.label}`
          : `${list.length} 项视同完成措施的检查节点已到期`,
        body: ['请对照阶段性目标报送进展，整改专班将据此评估是否达到阶段目标。', ...list.slice(0, 20).map(line)].join(
          '\n',
        ),
        link: single ? measureLink(first.problemId, first.measureId) : '/',
      },
    };
  });
}

const orderNumber = (order: ClaimedOrder) => `督办〔${order.year}〕${order.seq}号`;

/** One notice per person listing their unanswered orders; people told the same list share it. */
function orderMessages(
  orders: ClaimedOrder[],
  recipients: Array<{ subjectId: string; notify: string; userId: string }>,
): Array<{ userIds: string[]; notice: { kind: string; title: string; body: string; link: string } }> {
  const byPerson = new Map<string, Map<string, ClaimedOrder>>();
  for (const recipient of recipients) {
    for (const order of orders) {
      if (order.unitId !== recipient.subjectId || order.notify !== recipient.notify) continue;
      const list = byPerson.get(recipient.userId) ?? new Map<string, ClaimedOrder>();
      if (!list.has(order.orderId)) list.set(order.orderId, order);
      byPerson.set(recipient.userId, list);
    }
  }
  const grouped = new Map<string, { userIds: string[]; list: ClaimedOrder[] }>();
  for (const [userId, list] of byPerson) {
    const items = [...list.values()];
    const key = items.map((order) => `${order.orderId}:${order.days}`).join(',');
    const group = grouped.get(key) ?? { userIds: [], list: items };
    group.userIds.push(userId);
    grouped.set(key, group);
  }
  return [...grouped.values()].map(({ userIds, list }) => {
    const [first] = list;
    return {
      userIds,
      notice: {
        kind: 'order.overdue',
        title:
          list.length === 1
            ? `督办单 ${orderNumber(first)} 已逾期 ${first.days} 天未回复`
            : `${list.length} 份督办单逾期未回复`,
        body: [
          '以下督办单已超过回复期限，请督促相关单位立即回复。',
          ...list.map(
            (order) => `${orderNumber(order)}（${order.unitName}，回复期限 ${order.replyBy}，已逾期 ${order.days} 天）`,
          ),
        ].join('\n'),
        link: list.length === 1 ? `/supervision-orders/${first.orderId}` : '/supervision-orders?status=overdue',
      },
    };
  });
}

/**
 * One notice per person and kind listing the reports they are told about: a unit hears of its own (报送即将截止 /
 * 逾期未报送), the task force and supervisors of every unit that climbed to them. People told the same list share it.
 */
function roundMessages(
  rounds: ClaimedRound[],
  recipients: Array<{ subjectId: string; notify: string; userId: string }>,
): Array<{ userIds: string[]; notice: { kind: string; title: string; body: string; link: string } }> {
  const byPerson = new Map<
    string,
    { kind: 'round.due_soon' | 'round.missing'; own: boolean; list: Map<string, ClaimedRound> }
  >();
  for (const recipient of recipients) {
    for (const round of rounds) {
      if (round.unitId !== recipient.subjectId || round.notify !== recipient.notify) continue;
      const kind = round.rule.startsWith('due:') ? 'round.due_soon' : 'round.missing';
      const key = `${recipient.userId}|${kind}`;
      const entry = byPerson.get(key) ?? { kind, own: true, list: new Map<string, ClaimedRound>() };
      if (round.notify === 'task_force' || round.notify === 'supervisor') entry.own = false;
      const item = `${round.roundId}|${round.unitId}`;
      if (!entry.list.has(item)) entry.list.set(item, round);
      byPerson.set(key, entry);
    }
  }
  const grouped = new Map<string, { userIds: string[]; kind: string; own: boolean; list: ClaimedRound[] }>();
  for (const [key, entry] of byPerson) {
    const list = [...entry.list.values()];
    const group = `${entry.kind}|${entry.own}|${list.map((round) => `${round.roundId}:${round.unitId}:${round.days}`).join(',')}`;
    const message = grouped.get(group) ?? { userIds: [], kind: entry.kind, own: entry.own, list };
    message.userIds.push(key.split('|')[0]);
    grouped.set(group, message);
  }
  return [...grouped.values()].map(({ userIds, kind, own, list }) => {
    const [first] = list;
    const link =
      new Set(list.map((round) => round.roundId)).size === 1 ? `/report-rounds/${first.roundId}` : '/report-rounds';
    if (kind === 'round.due_soon') {
      return {
        userIds,
        notice: {
          kind,
          title: `第${first.seq}期整改进展将于 ${first.days} 天后截止报送`,
          body: [
            '请单位负责人在截止日期前报送本单位各项未完成措施的本期进展。',
            ...list.map((round) => `第${round.seq}期 ${round.title}（报送截止 ${round.dueDate}）`),
          ].join('\n'),
          link,
        },
      };
    }
    return {
      userIds,
      notice: {
        kind,
        title: own
          ? `第${first.seq}期整改进展已逾期 ${first.days} 天未报送`
          : `${list.length} 个单位逾期未报送整改进展`,
        body: [
          own ? '本单位尚未报送，请立即报送；逾期报送将记入考核。' : '以下单位逾期未报送，请督促其立即报送。',
          ...list.map(
            (round) => `第${round.seq}期 ${round.unitName}（报送截止 ${round.dueDate}，已逾期 ${round.days} 天）`,
          ),
        ].join('\n'),
        link,
      },
    };
  });
}
