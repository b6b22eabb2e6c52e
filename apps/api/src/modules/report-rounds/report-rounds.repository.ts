import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Punctuality, RoundSchedule, RoundStatus, RoundUnitStatus } from '@zhenggai/domain';
import type { AccessScope } from '../../common/auth/access-scope.js';
import { DONE_STATUSES_SQL, SqlParams } from '../../common/sql.js';

export interface RoundRow {
  id: string;
  inspectionId: string;
  seq: number;
  title: string;
  periodEnd: string;
  dueDate: string;
  status: RoundStatus;
  scheduleKey: string | null;
  openedById: string | null;
  openedByName: string | null;
  openedAt: Date;
  closedAt: Date | null;
  version: number;
  expected: number;
  submitted: number;
  late: number;
}

export interface RoundUnitRow {
  unitId: string;
  unitName: string;
  status: RoundUnitStatus;
  submittedAt: Date | null;
  submittedBy: string | null;
  returnReason: string | null;
  punctuality: Punctuality | null;
}

export interface ScheduleRow extends RoundSchedule {
  version: number;
  updatedAt: Date | null;
  updatedById: string | null;
  updatedByName: string | null;
}

export interface NewRound {
  inspectionId: string;
  title: string;
  periodEnd: string;
  dueDate: string;
  scheduleKey: string | null;
  openedById: string | null;
  /** null: every unit with an open measure of the inspection */
  unitIds: string[] | null;
}

export interface LedgerItem {
  measureId: string;
  problemId: string;
  label: string;
  problemTitle: string;
  text: string;
  status: string;
  deadline: string | null;
  /** the earliest checkpoint not yet reviewed (a 视同完成 measure past it is red) */
  openCheckpoint: string | null;
  latestProgress: string | null;
}

export interface SubmissionRow {
  id: string;
  roundId: string;
  unitId: string;
  unitName: string;
  attempt: number;
  submittedAt: Date;
  submittedByName: string;
  late: boolean;
  returnedAt: Date | null;
  returnReason: string | null;
}

export interface SnapshotItemRow {
  submissionId: string;
  measureId: string;
  problemId: string;
  label: string;
  problemTitle: string;
  text: string;
  status: string;
  statusLabel: string;
  deadline: string | null;
  light: string;
  progress: string;
  evidenceIds: string[];
}

const ROUND_SELECT = `SELECT r.id, r.inspection_id AS "inspectionId", r.seq, r.title,
  to_char(r.period_end, 'YYYY-MM-DD') AS "periodEnd", to_char(r.due_date, 'YYYY-MM-DD') AS "dueDate", r.status,
  r.schedule_key AS "scheduleKey", r.opened_by_id AS "openedById", ob.display_name AS "openedByName",
  r.opened_at AS "openedAt", r.closed_at AS "closedAt", r.version,
  count(ru.unit_id)::int AS expected,
  count(ru.unit_id) FILTER (WHERE ru.status IN ('submitted', 'late'))::int AS submitted,
  count(ru.unit_id) FILTER (WHERE ru.status = 'late')::int AS late
  FROM report_round r LEFT JOIN user_account ob ON ob.id = r.opened_by_id`;

/** The units in scope a caller sees: all of them, or the caller's own. */
function unitScopeSql(scope: AccessScope, params: SqlParams, alias = 'ru'): string {
  return scope.all ? 'TRUE' : `${alias}.unit_id = ANY(${params.add(scope.unitIds)})`;
}

// All SQL of the reporting rounds (报送轮次).
@Injectable()
export class ReportRoundsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Opens a round numbered after the inspection's last one (under a per-inspection advisory lock, so concurrent
   * openings get consecutive numbers), with its scope of units. A scheduled round whose month already has one
   * answers null: the unique (inspection, schedule_key) index makes two processes open it once.
   */
  async open(manager: EntityManager, round: NewRound): Promise<string | null> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('report_round:' || $1, 0))`, [
      round.inspectionId,
    ]);
    const [row] = (await manager.query(
      `INSERT INTO report_round (inspection_id, seq, title, period_end, due_date, schedule_key, opened_by_id)
       SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6 FROM report_round WHERE inspection_id = $1
       ON CONFLICT (inspection_id, schedule_key) DO NOTHING
       RETURNING id`,
      [round.inspectionId, round.title, round.periodEnd, round.dueDate, round.scheduleKey, round.openedById],
    )) as Array<{ id: string }>;
    if (!row) return null;
    if (round.unitIds) {
      await manager.query(
        `INSERT INTO report_round_unit (round_id, unit_id)
         SELECT $1, u.id FROM unit u WHERE u.id = ANY($2::uuid[]) AND u.deleted_at IS NULL`,
        [row.id, round.unitIds],
      );
    } else {
      await manager.query(
        `INSERT INTO report_round_unit (round_id, unit_id)
         SELECT DISTINCT $1::uuid, mu.unit_id
         FROM measure m JOIN measure_unit mu ON mu.measure_id = m.id
         JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL
         JOIN unit u ON u.id = mu.unit_id AND u.deleted_at IS NULL
         WHERE m.inspection_id = $2 AND m.deleted_at IS NULL AND m.status NOT IN ${DONE_STATUSES_SQL}`,
        [row.id, round.inspectionId],
      );
    }
    return row.id;
  }

  /** Of these units, the live ones. */
  async liveUnits(unitIds: string[]): Promise<string[]> {
    const rows = (await this.dataSource.query(`SELECT id FROM unit WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`, [
      unitIds,
    ])) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  /** Rounds with their counts over the units the scope sees; a unit user sees only rounds its units are in. */
  async find(
    filter: { id?: string; inspectionId?: string; status?: RoundStatus },
    scope: AccessScope,
    manager?: EntityManager,
  ): Promise<RoundRow[]> {
    const params = new SqlParams();
    const where = ['TRUE'];
    if (filter.id) where.push(`r.id = ${params.add(filter.id)}`);
    if (filter.inspectionId) where.push(`r.inspection_id = ${params.add(filter.inspectionId)}`);
    if (filter.status) where.push(`r.status = ${params.add(filter.status)}`);
    const units = unitScopeSql(scope, params);
    return (await (manager ?? this.dataSource.manager).query(
      `${ROUND_SELECT} LEFT JOIN report_round_unit ru ON ru.round_id = r.id AND ${units}
       WHERE ${where.join(' AND ')}
       GROUP BY r.id, ob.display_name
       HAVING ${scope.all ? 'TRUE' : 'count(ru.unit_id) > 0'}
       ORDER BY r.seq DESC`,
      params.values,
    )) as RoundRow[];
  }

  /** The units of a round the scope sees, with the standing submission's author. */
  async units(roundId: string, scope: AccessScope, manager?: EntityManager): Promise<RoundUnitRow[]> {
    const params = new SqlParams();
    const round = params.add(roundId);
    return (await (manager ?? this.dataSource.manager).query(
      `SELECT ru.unit_id AS "unitId", u.name AS "unitName", ru.status, ru.submitted_at AS "submittedAt",
              CASE WHEN ru.status IN ('submitted', 'late') THEN s.submitted_by_name END AS "submittedBy",
              CASE WHEN ru.status = 'returned' THEN s.return_reason END AS "returnReason", ru.punctuality
       FROM report_round_unit ru JOIN unit u ON u.id = ru.unit_id
       LEFT JOIN report_submission s ON s.id = ru.submission_id
       WHERE ru.round_id = ${round} AND ${unitScopeSql(scope, params)}
       ORDER BY u.sort_order, u.name`,
      params.values,
    )) as RoundUnitRow[];
  }

  /** Locks the round row for a state change; null when it does not exist. */
  async lockRound(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; status: RoundStatus; dueDate: string; version: number; inspectionId: string } | null> {
    const [row] = (await manager.query(
      `SELECT id, status, to_char(due_date, 'YYYY-MM-DD') AS "dueDate", version, inspection_id AS "inspectionId"
       FROM report_round WHERE id = $1 FOR UPDATE`,
      [id],
    )) as Array<{ id: string; status: RoundStatus; dueDate: string; version: number; inspectionId: string }>;
    return row ?? null;
  }

  /**
   * Closes the round: every unit without a standing report is recorded missing, the others keep the punctuality
   * their report earned. Returns the number of units recorded missing.
   */
  async close(manager: EntityManager, id: string, closedById: string | null, closedAt: Date): Promise<number> {
    await manager.query(
      `UPDATE report_round SET status = 'closed', closed_by_id = $2, closed_at = $3, version = version + 1 WHERE id = $1`,
      [id, closedById, closedAt],
    );
    const missing = (await manager.query(
      `UPDATE report_round_unit SET punctuality = 'missing'
       WHERE round_id = $1 AND status IN ('pending', 'returned') RETURNING unit_id`,
      [id],
    )) as [unknown[], number];
    return missing[1];
  }

  /** The units in a round without a standing report, with their open measures and active accounts. */
  async missing(
    roundId: string,
    scope: AccessScope,
  ): Promise<
    Array<{
      unitId: string;
      unitName: string;
      status: RoundUnitStatus;
      openMeasures: number;
      contacts: Array<{ name: string; email: string | null; roles: string[] }>;
    }>
  > {
    const params = new SqlParams();
    const round = params.add(roundId);
    return (await this.dataSource.query(
      `SELECT ru.unit_id AS "unitId", u.name AS "unitName", ru.status,
              (SELECT count(DISTINCT m.id)::int FROM measure m JOIN measure_unit mu ON mu.measure_id = m.id
               WHERE mu.unit_id = ru.unit_id AND m.inspection_id = r.inspection_id AND m.deleted_at IS NULL
                 AND m.status NOT IN ${DONE_STATUSES_SQL}) AS "openMeasures",
              coalesce((SELECT json_agg(json_build_object('name', ua.display_name, 'email', ua.email, 'roles', ua.roles)
                                 ORDER BY 'unit_leader' = ANY(ua.roles) DESC, ua.display_name)
                        FROM user_account ua WHERE ua.unit_id = ru.unit_id AND ua.disabled_at IS NULL), '[]') AS contacts
       FROM report_round_unit ru JOIN report_round r ON r.id = ru.round_id JOIN unit u ON u.id = ru.unit_id
       WHERE ru.round_id = ${round} AND ru.status IN ('pending', 'returned') AND ${unitScopeSql(scope, params)}
       ORDER BY u.sort_order, u.name`,
      params.values,
    )) as Array<{
      unitId: string;
      unitName: string;
      status: RoundUnitStatus;
      openMeasures: number;
      contacts: Array<{ name: string; email: string | null; roles: string[] }>;
    }>;
  }

  // --- the unit's report ---

  /** The unit's place in the round, locked for a submission or a return; null when the unit is not in scope. */
  async lockRoundUnit(
    manager: EntityManager,
    roundId: string,
    unitId: string,
  ): Promise<{ status: RoundUnitStatus; submissionId: string | null } | null> {
    const [row] = (await manager.query(
      `SELECT status, submission_id AS "submissionId" FROM report_round_unit
       WHERE round_id = $1 AND unit_id = $2 FOR UPDATE`,
      [roundId, unitId],
    )) as Array<{ status: RoundUnitStatus; submissionId: string | null }>;
    return row ?? null;
  }

  /** The unit's place in the round (no lock). */
  async roundUnit(
    roundId: string,
    unitId: string,
  ): Promise<{ unitName: string; status: RoundUnitStatus; submissionId: string | null } | null> {
    const [row] = (await this.dataSource.query(
      `SELECT u.name AS "unitName", ru.status, ru.submission_id AS "submissionId"
       FROM report_round_unit ru JOIN unit u ON u.id = ru.unit_id WHERE ru.round_id = $1 AND ru.unit_id = $2`,
      [roundId, unitId],
    )) as Array<{ unitName: string; status: RoundUnitStatus; submissionId: string | null }>;
    return row ?? null;
  }

  /**
   * The unit's live measures of the inspection (lead or co-unit), in ledger order, with the latest progress the
   * unit wrote on each.
   */
  async ledgerOfUnit(manager: EntityManager | undefined, inspectionId: string, unitId: string): Promise<LedgerItem[]> {
    return (await (manager ?? this.dataSource.manager).query(
      `SELECT m.id AS "measureId", m.problem_id AS "problemId", p.label || '(' || m.seq || ')' AS label,
              p.title AS "problemTitle", m.text, m.status, to_char(m.deadline, 'YYYY-MM-DD') AS deadline,
              (SELECT to_char(min(oc.due_on), 'YYYY-MM-DD') FROM measure_checkpoint oc
               WHERE oc.measure_id = m.id AND oc.review_status <> 'done' AND oc.done_on IS NULL) AS "openCheckpoint",
              (SELECT pu.text FROM progress_update pu WHERE pu.measure_id = m.id
               ORDER BY (pu.unit_id IS NOT DISTINCT FROM $2) DESC, pu.reported_on DESC, pu.created_at DESC LIMIT 1) AS "latestProgress"
       FROM measure m JOIN measure_unit mu ON mu.measure_id = m.id AND mu.unit_id = $2
       JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL
       WHERE m.inspection_id = $1 AND m.deleted_at IS NULL
       ORDER BY p.seq, m.seq`,
      [inspectionId, unitId],
    )) as LedgerItem[];
  }

  /** Of these attachments, those of `measureId` still on file. */
  async evidenceOf(manager: EntityManager, pairs: Array<{ measureId: string; attachmentId: string }>) {
    if (pairs.length === 0) return 0;
    const [{ count }] = (await manager.query(
      `SELECT count(*)::int AS count FROM attachment a
       JOIN unnest($1::uuid[], $2::uuid[]) AS x(measure_id, attachment_id)
         ON a.id = x.attachment_id AND a.measure_id = x.measure_id
       WHERE a.deleted_at IS NULL`,
      [pairs.map((pair) => pair.measureId), pairs.map((pair) => pair.attachmentId)],
    )) as Array<{ count: number }>;
    return count;
  }

  /** Writes a submission and its frozen snapshot, and makes it the unit's standing report. */
  async insertSubmission(
    manager: EntityManager,
    submission: {
      roundId: string;
      unitId: string;
      submittedById: string;
      submittedByName: string;
      submittedAt: Date;
      late: boolean;
    },
    items: Array<Omit<SnapshotItemRow, 'submissionId'>>,
  ): Promise<string> {
    const [{ id }] = (await manager.query(
      `INSERT INTO report_submission (round_id, unit_id, attempt, submitted_by_id, submitted_by_name, submitted_at, late)
       SELECT $1, $2, coalesce(max(attempt), 0) + 1, $3, $4, $5, $6 FROM report_submission
       WHERE round_id = $1 AND unit_id = $2
       RETURNING id`,
      [
        submission.roundId,
        submission.unitId,
        submission.submittedById,
        submission.submittedByName,
        submission.submittedAt,
        submission.late,
      ],
    )) as Array<{ id: string }>;
    if (items.length > 0) {
      await manager.query(
        `INSERT INTO report_snapshot_item (submission_id, measure_id, position, problem_id, label, problem_title, text,
                                           status, status_label, deadline, light, progress, evidence_ids)
         SELECT $1, x.measure_id, x.position, x.problem_id, x.label, x.problem_title, x.text, x.status, x.status_label,
                x.deadline, x.light, x.progress, x.evidence_ids
         FROM jsonb_to_recordset($2::jsonb) AS x(measure_id uuid, position int, problem_id uuid, label text,
              problem_title text, text text, status text, status_label text, deadline date, light text, progress text,
              evidence_ids uuid[])`,
        [
          id,
          JSON.stringify(
            items.map((item, position) => ({
              measure_id: item.measureId,
              position,
              problem_id: item.problemId,
              label: item.label,
              problem_title: item.problemTitle,
              text: item.text,
              status: item.status,
              status_label: item.statusLabel,
              deadline: item.deadline,
              light: item.light,
              progress: item.progress,
              evidence_ids: item.evidenceIds,
            })),
          ),
        ],
      );
    }
    await manager.query(
      `UPDATE report_round_unit SET status = $3, submission_id = $4, submitted_at = $5, punctuality = $6
       WHERE round_id = $1 AND unit_id = $2`,
      [
        submission.roundId,
        submission.unitId,
        submission.late ? 'late' : 'submitted',
        id,
        submission.submittedAt,
        submission.late ? 'late' : 'on_time',
      ],
    );
    return id;
  }

  /** Returns the standing submission for correction: the unit must report again. */
  async returnSubmission(
    manager: EntityManager,
    roundId: string,
    unitId: string,
    submissionId: string,
    by: { id: string; at: Date; reason: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE report_submission SET returned_at = $2, returned_by_id = $3, return_reason = $4
       WHERE id = $1 AND returned_at IS NULL`,
      [submissionId, by.at, by.id, by.reason],
    );
    await manager.query(
      `UPDATE report_round_unit SET status = 'returned', punctuality = NULL WHERE round_id = $1 AND unit_id = $2`,
      [roundId, unitId],
    );
  }

  /** Every submission of a unit in a round, newest first. */
  async submissions(roundId: string, unitId: string): Promise<SubmissionRow[]> {
    return (await this.dataSource.query(
      `SELECT s.id, s.round_id AS "roundId", s.unit_id AS "unitId", u.name AS "unitName", s.attempt,
              s.submitted_at AS "submittedAt", s.submitted_by_name AS "submittedByName", s.late,
              s.returned_at AS "returnedAt", s.return_reason AS "returnReason"
       FROM report_submission s JOIN unit u ON u.id = s.unit_id
       WHERE s.round_id = $1 AND s.unit_id = $2 ORDER BY s.attempt DESC`,
      [roundId, unitId],
    )) as SubmissionRow[];
  }

  /** The snapshot items of these submissions, in the order they were reported. */
  async snapshotItems(submissionIds: string[]): Promise<SnapshotItemRow[]> {
    if (submissionIds.length === 0) return [];
    return (await this.dataSource.query(
      `SELECT submission_id AS "submissionId", measure_id AS "measureId", problem_id AS "problemId", label,
              problem_title AS "problemTitle", text, status, status_label AS "statusLabel",
              to_char(deadline, 'YYYY-MM-DD') AS deadline, light, progress, evidence_ids AS "evidenceIds"
       FROM report_snapshot_item WHERE submission_id = ANY($1::uuid[]) ORDER BY submission_id, position`,
      [submissionIds],
    )) as SnapshotItemRow[];
  }

  /** Open rounds in which one of these units has no standing report (待报送). */
  async pendingFor(unitIds: string[]): Promise<Array<{ roundId: string; unitId: string; unitName: string }>> {
    return (await this.dataSource.query(
      `SELECT ru.round_id AS "roundId", ru.unit_id AS "unitId", u.name AS "unitName"
       FROM report_round_unit ru JOIN report_round r ON r.id = ru.round_id AND r.status = 'open'
       JOIN inspection i ON i.id = r.inspection_id AND i.deleted_at IS NULL
       JOIN unit u ON u.id = ru.unit_id
       WHERE ru.unit_id = ANY($1::uuid[]) AND ru.status IN ('pending', 'returned')
       ORDER BY r.due_date, u.name`,
      [unitIds],
    )) as Array<{ roundId: string; unitId: string; unitName: string }>;
  }

  // --- the schedule ---

  async schedule(inspectionId: string, manager?: EntityManager): Promise<ScheduleRow | null> {
    const [row] = (await (manager ?? this.dataSource.manager).query(
      `SELECT rs.enabled, rs.day_of_month AS "dayOfMonth", rs.due_after_days AS "dueAfterDays", rs.version,
              rs.updated_at AS "updatedAt", rs.updated_by_id AS "updatedById", ua.display_name AS "updatedByName"
       FROM report_schedule rs LEFT JOIN user_account ua ON ua.id = rs.updated_by_id WHERE rs.inspection_id = $1`,
      [inspectionId],
    )) as ScheduleRow[];
    return row ?? null;
  }

  /** Saves the schedule if still at `version` (the default counts as 1); false when another save came first. */
  async saveSchedule(
    manager: EntityManager,
    inspectionId: string,
    version: number,
    schedule: RoundSchedule,
    userId: string,
  ): Promise<boolean> {
    const values = [schedule.enabled, schedule.dayOfMonth, schedule.dueAfterDays, userId];
    if (version === 1) {
      const inserted = (await manager.query(
        `INSERT INTO report_schedule (inspection_id, enabled, day_of_month, due_after_days, updated_by_id, version)
         VALUES ($1, $2, $3, $4, $5, 2) ON CONFLICT (inspection_id) DO NOTHING RETURNING version`,
        [inspectionId, ...values],
      )) as unknown[];
      return inserted.length > 0;
    }
    const [updated] = (await manager.query(
      `UPDATE report_schedule SET enabled = $3, day_of_month = $4, due_after_days = $5, updated_by_id = $6,
              updated_at = now(), version = version + 1
       WHERE inspection_id = $1 AND version = $2 RETURNING version`,
      [inspectionId, version, ...values],
    )) as [unknown[], number];
    return updated.length > 0;
  }

  /** Live inspections whose enabled schedule falls on this day of the month. */
  async scheduledFor(dayOfMonth: number): Promise<Array<{ inspectionId: string; dueAfterDays: number }>> {
    return (await this.dataSource.query(
      `SELECT rs.inspection_id AS "inspectionId", rs.due_after_days AS "dueAfterDays"
       FROM report_schedule rs JOIN inspection i ON i.id = rs.inspection_id AND i.deleted_at IS NULL
       WHERE rs.enabled AND rs.day_of_month = $1`,
      [dayOfMonth],
    )) as Array<{ inspectionId: string; dueAfterDays: number }>;
  }
}
