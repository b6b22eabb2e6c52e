import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_REMINDER_RULES, type EscalationTarget, type ReminderRules } from '@zhenggai/domain';
import { DONE_STATUSES_SQL } from '../../common/sql.js';

export interface PolicyRow extends ReminderRules {
  version: number;
  updatedAt: Date | null;
  updatedById: string | null;
  updatedByName: string | null;
}

/** A reminder the sweep just claimed (its key was new): which measure, which rule, whom to tell. */
export interface ClaimedReminder {
  measureId: string;
  rule: string;
  notify: EscalationTarget;
  days: number;
  deadline: string;
  label: string;
  text: string;
  problemId: string;
  problemTitle: string;
  units: string[];
}

/** An unanswered 督办单 the sweep just claimed an escalation step of. */
export interface ClaimedOrder {
  orderId: string;
  unitId: string;
  unitName: string;
  year: number;
  seq: number;
  replyBy: string;
  days: number;
  notify: EscalationTarget;
}

/** A unit without a standing report in an open reporting round, whose reminder or escalation step was claimed. */
export interface ClaimedRound {
  roundId: string;
  seq: number;
  title: string;
  dueDate: string;
  unitId: string;
  unitName: string;
  /** due:3 | due:1 | missing:<step> */
  rule: string;
  /** days before the due date (due:*) or days past it (missing:*) */
  days: number;
  notify: EscalationTarget;
}

export interface ReminderRecipient {
  /** the measure, or the unit of a 督办单 */
  subjectId: string;
  notify: EscalationTarget;
  userId: string;
}

// All SQL of the reminders module.
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The saved policy of an inspection, or null when it follows the default. */
  async policy(inspectionId: string, manager?: EntityManager): Promise<PolicyRow | null> {
    const [row] = (await (manager ?? this.dataSource.manager).query(
      `SELECT rp.due_soon_days AS "dueSoonDays", rp.escalation, rp.channels, rp.version, rp.updated_at AS "updatedAt",
              rp.updated_by_id AS "updatedById", ua.display_name AS "updatedByName"
       FROM reminder_policy rp LEFT JOIN user_account ua ON ua.id = rp.updated_by_id
       WHERE rp.inspection_id = $1`,
      [inspectionId],
    )) as PolicyRow[];
    return row ?? null;
  }

  /**
   * Saves the policy if it is still at `version` (the default counts as 1: the first save inserts version 2);
   * false when someone saved another version first.
   */
  async save(
    manager: EntityManager,
    inspectionId: string,
    version: number,
    rules: ReminderRules,
    userId: string,
  ): Promise<boolean> {
    const values = [rules.dueSoonDays, JSON.stringify(rules.escalation), rules.channels, userId];
    if (version === 1) {
      // the first save; a concurrent first save wins, this one finds the row and answers false
      const inserted = (await manager.query(
        `INSERT INTO reminder_policy (inspection_id, due_soon_days, escalation, channels, updated_by_id, version)
         VALUES ($1, $2, $3, $4, $5, 2) ON CONFLICT (inspection_id) DO NOTHING RETURNING version`,
        [inspectionId, ...values],
      )) as unknown[];
      return inserted.length > 0;
    }
    const [updated] = (await manager.query(
      `UPDATE reminder_policy SET due_soon_days = $3, escalation = $4, channels = $5, updated_by_id = $6,
              updated_at = now(), version = version + 1
       WHERE inspection_id = $1 AND version = $2 RETURNING version`,
      [inspectionId, version, ...values],
    )) as [unknown[], number];
    return updated.length > 0;
  }

  /**
   * Claims today's reminders in one statement: for every open measure with a deadline of a live inspection, the
   * due-soon rules of its inspection's policy (the default without one) that fall today, and every escalation step
   * it has reached (a missed day catches up); for every open checkpoint of a 视同完成 measure, the due-soon days (the
   * unit and the task force; its day is the review list's, see MeasureWritesRepository.queueDueCheckpoints). Each claim inserts its key, and only new keys come back. Two sweeps at
   * once insert each key once: the loser gets nothing for it.
   */
  async claimDue(manager: EntityManager, today: string): Promise<ClaimedReminder[]> {
    const defaults = DEFAULT_REMINDER_RULES;
    const rows = (await manager.query(
      `WITH policy AS (
         SELECT i.id AS inspection_id,
                coalesce(rp.due_soon_days, $2::int[]) AS due_soon_days,
                coalesce(rp.escalation, $3::jsonb) AS escalation
         FROM inspection i LEFT JOIN reminder_policy rp ON rp.inspection_id = i.id
         WHERE i.deleted_at IS NULL
       ), open_measure AS (
         SELECT m.id, m.inspection_id, m.deadline, m.problem_id, p.label || '(' || m.seq || ')' AS label, m.text,
                p.title AS problem_title
         FROM measure m JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL
         WHERE m.deleted_at IS NULL AND m.deadline IS NOT NULL AND m.status NOT IN ${DONE_STATUSES_SQL}
       ), checkpoint AS (
         SELECT m.id, m.inspection_id, c.due_on AS deadline, m.problem_id, p.label || '(' || m.seq || ')' AS label, m.text,
                p.title AS problem_title, c.due_on - $1::date AS days
         FROM measure_checkpoint c JOIN measure m ON m.id = c.measure_id
         JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL
         WHERE c.done_on IS NULL AND m.deleted_at IS NULL AND m.status = 'deemed_completed' AND c.due_on >= $1::date
       ), due AS (
         SELECT om.*, 'due:' || (om.deadline - $1::date) AS rule, 'unit' AS notify, om.deadline - $1::date AS days
         FROM open_measure om JOIN policy po ON po.inspection_id = om.inspection_id
         WHERE om.deadline > $1::date AND (om.deadline - $1::date) = ANY(po.due_soon_days)
         UNION ALL
         SELECT om.*, 'overdue:' || (step->>'afterOverdueDays'), step->>'notify', $1::date - om.deadline
         FROM open_measure om JOIN policy po ON po.inspection_id = om.inspection_id
         CROSS JOIN LATERAL jsonb_array_elements(po.escalation) AS step
         WHERE om.deadline <= $1::date AND ($1::date - om.deadline) >= (step->>'afterOverdueDays')::int
         UNION ALL
         SELECT cp.id, cp.inspection_id, cp.deadline, cp.problem_id, cp.label, cp.text, cp.problem_title,
                'checkpoint:' || cp.days, target.notify, cp.days
         FROM checkpoint cp JOIN policy po ON po.inspection_id = cp.inspection_id
         CROSS JOIN (VALUES ('unit'), ('task_force')) AS target(notify)
         WHERE cp.days > 0 AND cp.days = ANY(po.due_soon_days)
       ), claimed AS (
         INSERT INTO reminder_sent (key, measure_id, rule, notify, sent_on)
         SELECT 'reminder:' || d.id || ':' || d.rule || ':' || d.notify || ':' || d.deadline, d.id, d.rule, d.notify, $1::date
         FROM due d
         ON CONFLICT (key) DO NOTHING
         RETURNING measure_id, rule, notify
       )
       SELECT c.measure_id AS "measureId", c.rule, c.notify, d.days, to_char(d.deadline, 'YYYY-MM-DD') AS deadline,
              d.label, d.text, d.problem_id AS "problemId", d.problem_title AS "problemTitle",
              ARRAY(SELECT u.name FROM measure_unit mu JOIN unit u ON u.id = mu.unit_id
                    WHERE mu.measure_id = c.measure_id ORDER BY mu.role DESC, mu.created_at) AS units
       FROM claimed c JOIN due d ON d.id = c.measure_id AND d.rule = c.rule AND d.notify = c.notify
       ORDER BY d.label`,
      [today, defaults.dueSoonDays, JSON.stringify(defaults.escalation)],
    )) as ClaimedReminder[];
    return rows;
  }

  /**
   * Who hears of each claimed step: the active accounts of the units concerned (unit), those of them with the unit
   * leader's role (unit_leader), the task force's officers (task_force) or the supervisors (supervisor). The units
   * are a measure's (lead and co-units) or, for a 督办单, the one unit it went to.
   */
  async recipients(
    manager: EntityManager,
    claims: Array<{ subjectId: string; notify: EscalationTarget }>,
    subject: 'measure' | 'unit',
  ): Promise<ReminderRecipient[]> {
    if (claims.length === 0) return [];
    const unitsOf =
      subject === 'measure'
        ? 'SELECT c.subject_id, c.notify, mu.unit_id FROM claim c JOIN measure_unit mu ON mu.measure_id = c.subject_id'
        : 'SELECT c.subject_id, c.notify, c.subject_id AS unit_id FROM claim c';
    return (await manager.query(
      `WITH claim AS (
         SELECT DISTINCT subject_id, notify FROM unnest($1::uuid[], $2::text[]) AS c(subject_id, notify)
       ), concerned AS (${unitsOf})
       SELECT c.subject_id AS "subjectId", c.notify, ua.id AS "userId"
       FROM concerned c JOIN user_account ua ON ua.unit_id = c.unit_id AND ua.disabled_at IS NULL
       WHERE c.notify = 'unit' OR (c.notify = 'unit_leader' AND 'unit_leader' = ANY(ua.roles))
       UNION
       SELECT c.subject_id, c.notify, ua.id
       FROM claim c
       JOIN (SELECT id, roles FROM user_account
             WHERE disabled_at IS NULL AND roles && ARRAY['task_force_officer', 'supervisor']::text[]) ua
         ON (c.notify = 'task_force' AND 'task_force_officer' = ANY(ua.roles))
         OR (c.notify = 'supervisor' AND 'supervisor' = ANY(ua.roles))
       WHERE c.notify IN ('task_force', 'supervisor')`,
      [claims.map((c) => c.subjectId), claims.map((c) => c.notify)],
    )) as ReminderRecipient[];
  }

  /**
   * Claims the escalation steps unanswered 督办单 have reached, counted from the day after the reply date, on the
   * ladder of the reminder policy of the inspection their measures belong to (the default without one; an order
   * about measures of several inspections follows the first of them), keyed reminder:order:<order>:<step>:<target>
   * like the measures' reminders.
   */
  async claimOrders(manager: EntityManager, today: string): Promise<ClaimedOrder[]> {
    return (await manager.query(
      `WITH unanswered AS (
         SELECT o.id, o.unit_id, u.name AS unit_name, o.year, o.seq, o.reply_by, first.measure_id,
                coalesce(rp.escalation, $2::jsonb) AS escalation
         FROM supervision_order o JOIN unit u ON u.id = o.unit_id
         CROSS JOIN LATERAL (SELECT om.measure_id, m.inspection_id
                             FROM supervision_order_measure om JOIN measure m ON m.id = om.measure_id
                             WHERE om.order_id = o.id ORDER BY m.inspection_id, om.measure_id LIMIT 1) first
         LEFT JOIN reminder_policy rp ON rp.inspection_id = first.inspection_id
         WHERE o.replied_at IS NULL AND o.reply_by < $1::date
       ), due AS (
         SELECT o.id, o.unit_id, o.unit_name, o.year, o.seq, to_char(o.reply_by, 'YYYY-MM-DD') AS reply_by,
                $1::date - o.reply_by AS days, step->>'notify' AS notify, (step->>'afterOverdueDays')::int AS step_days,
                o.measure_id
         FROM unanswered o CROSS JOIN LATERAL jsonb_array_elements(o.escalation) AS step
         WHERE ($1::date - o.reply_by - 1) >= (step->>'afterOverdueDays')::int
       ), claimed AS (
         INSERT INTO reminder_sent (key, measure_id, rule, notify, sent_on)
         SELECT 'reminder:order:' || d.id || ':' || d.step_days || ':' || d.notify, d.measure_id, 'order:' || d.step_days,
                d.notify, $1::date
         FROM due d WHERE d.measure_id IS NOT NULL
         ON CONFLICT (key) DO NOTHING
         RETURNING key
       )
       SELECT d.id AS "orderId", d.unit_id AS "unitId", d.unit_name AS "unitName", d.year, d.seq,
              d.reply_by AS "replyBy", d.days, d.notify
       FROM claimed c JOIN due d ON c.key = 'reminder:order:' || d.id || ':' || d.step_days || ':' || d.notify
       ORDER BY d.year, d.seq`,
      [today, JSON.stringify(DEFAULT_REMINDER_RULES.escalation)],
    )) as ClaimedOrder[];
  }

  /**
   * Claims the reporting rounds' reminders: a unit without a standing report in an open round hears 3 days and 1 day
   * before the due date, and from the day after it climbs the escalation ladder of the inspection's reminder policy
   * (the default without one), like an overdue measure. Keys: reminder:round:<round>:<unit>:<rule>:<target>.
   */
  async claimRounds(manager: EntityManager, today: string): Promise<ClaimedRound[]> {
    return (await manager.query(
      `WITH owing AS (
         SELECT r.id AS round_id, r.seq, r.title, r.due_date, ru.unit_id, u.name AS unit_name,
                coalesce(rp.escalation, $2::jsonb) AS escalation
         FROM report_round r JOIN inspection i ON i.id = r.inspection_id AND i.deleted_at IS NULL
         JOIN report_round_unit ru ON ru.round_id = r.id AND ru.status IN ('pending', 'returned')
         JOIN unit u ON u.id = ru.unit_id
         LEFT JOIN reminder_policy rp ON rp.inspection_id = r.inspection_id
         WHERE r.status = 'open'
       ), due AS (
         SELECT o.round_id, o.seq, o.title, o.due_date, o.unit_id, o.unit_name, 'due:' || (o.due_date - $1::date) AS rule,
                'unit' AS notify, o.due_date - $1::date AS days
         FROM owing o WHERE (o.due_date - $1::date) IN (3, 1)
         UNION ALL
         SELECT o.round_id, o.seq, o.title, o.due_date, o.unit_id, o.unit_name, 'missing:' || (step->>'afterOverdueDays'),
                step->>'notify', $1::date - o.due_date
         FROM owing o CROSS JOIN LATERAL jsonb_array_elements(o.escalation) AS step
         WHERE o.due_date < $1::date AND ($1::date - o.due_date - 1) >= (step->>'afterOverdueDays')::int
       ), claimed AS (
         INSERT INTO reminder_sent (key, measure_id, rule, notify, sent_on)
         SELECT 'reminder:round:' || d.round_id || ':' || d.unit_id || ':' || d.rule || ':' || d.notify, NULL,
                'round:' || d.rule, d.notify, $1::date
         FROM due d
         ON CONFLICT (key) DO NOTHING
         RETURNING key
       )
       SELECT d.round_id AS "roundId", d.seq, d.title, to_char(d.due_date, 'YYYY-MM-DD') AS "dueDate",
              d.unit_id AS "unitId", d.unit_name AS "unitName", d.rule, d.days, d.notify
       FROM claimed c JOIN due d ON c.key = 'reminder:round:' || d.round_id || ':' || d.unit_id || ':' || d.rule || ':' || d.notify
       ORDER BY d.seq, d.unit_name`,
      [today, JSON.stringify(DEFAULT_REMINDER_RULES.escalation)],
    )) as ClaimedRound[];
  }
}
