import type { EntityManager } from 'typeorm';
import { deriveProblemStatus, type MeasureStatus, type ProblemStatus } from '@zhenggai/domain';
import type { AccessScope } from '../../common/auth/access-scope.js';
import { SqlParams } from '../../common/sql.js';
import type { AuditService } from '../audit/audit.service.js';
import { assignedToSql } from './measures.repository.js';

// Row-level helpers used inside a write transaction by the measure services.

export interface LockedMeasure {
  id: string;
  problemId: string;
  inspectionId: string;
  status: MeasureStatus;
  version: number;
  deadline: string | null;
  term: string;
  leadUnitId: string | null;
}

export interface UnitShare {
  unitId: string;
  role: 'lead' | 'co';
  status: MeasureStatus;
}

/** Locks a measure the scope may see (FOR UPDATE), or returns null. */
export async function lockMeasure(
  manager: EntityManager,
  id: string,
  scope: AccessScope,
): Promise<LockedMeasure | null> {
  const params = new SqlParams();
  const where = [`m.id = ${params.add(id)}`, 'm.deleted_at IS NULL'];
  if (!scope.all) where.push(assignedToSql('m', params.add(scope.unitIds)));
  const rows = (await manager.query(
    `SELECT m.id, m.problem_id AS "problemId", m.inspection_id AS "inspectionId", m.status, m.version, m.deadline, m.term,
            m.lead_unit_id AS "leadUnitId"
     FROM measure m WHERE ${where.join(' AND ')} FOR UPDATE OF m`,
    params.values,
  )) as LockedMeasure[];
  return rows[0] ?? null;
}

export async function unitShares(manager: EntityManager, measureId: string): Promise<UnitShare[]> {
  return (await manager.query(
    `SELECT unit_id AS "unitId", role, status FROM measure_unit WHERE measure_id = $1 ORDER BY role DESC, created_at`,
    [measureId],
  )) as UnitShare[];
}

export async function setUnitStatus(
  manager: EntityManager,
  measureId: string,
  unitIds: string[] | 'all',
  status: MeasureStatus,
): Promise<void> {
  if (unitIds === 'all') {
    await manager.query(
      `UPDATE measure_unit SET status = $2, updated_at = now(), version = version + 1 WHERE measure_id = $1`,
      [measureId, status],
    );
  } else {
    await manager.query(
      `UPDATE measure_unit SET status = $3, updated_at = now(), version = version + 1 WHERE measure_id = $1 AND unit_id = ANY($2)`,
      [measureId, unitIds, status],
    );
  }
}

export interface MeasureEventInput {
  measureId: string;
  action: string;
  fromStatus?: MeasureStatus | null;
  toStatus?: MeasureStatus | null;
  unitId?: string | null;
  actorId: string | null;
  actorName: string | null;
  opinion?: string | null;
  attachmentIds?: string[];
  detail?: Record<string, unknown> | null;
}

export async function insertMeasureEvent(manager: EntityManager, event: MeasureEventInput): Promise<void> {
  await manager.query(
    `INSERT INTO measure_event (measure_id, action, from_status, to_status, unit_id, actor_id, actor_name, opinion, attachment_ids, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      event.measureId,
      event.action,
      event.fromStatus ?? null,
      event.toStatus ?? null,
      event.unitId ?? null,
      event.actorId,
      event.actorName,
      event.opinion ?? null,
      event.attachmentIds ?? [],
      event.detail ? JSON.stringify(event.detail) : null,
    ],
  );
}

/** Re-derives a problem's status from its live measures; audited when it changes. */
export async function refreshProblemStatus(
  manager: EntityManager,
  problemId: string,
  audit: AuditService,
): Promise<ProblemStatus> {
  const [row] = (await manager.query(
    `SELECT p.status, coalesce(array_agg(m.status) FILTER (WHERE m.id IS NOT NULL), '{}') AS statuses
     FROM problem p LEFT JOIN measure m ON m.problem_id = p.id AND m.deleted_at IS NULL
     WHERE p.id = $1 GROUP BY p.id`,
    [problemId],
  )) as Array<{ status: ProblemStatus; statuses: MeasureStatus[] }>;
  if (!row) return 'in_progress';
  const derived = deriveProblemStatus(row.statuses);
  if (derived !== row.status) {
    await manager.query(`UPDATE problem SET status = $2, updated_at = now() WHERE id = $1`, [problemId, derived]);
    await audit.record(
      {
        action: 'PROBLEM_STATUS_DERIVED',
        entityType: 'problem',
        entityId: problemId,
        before: { status: row.status },
        after: { status: derived },
      },
      manager,
    );
  }
  return derived;
}

export interface MeasureNotice {
  /** e.g. 7.(2) */
  label: string;
  /** the measure's text, cut at 40 characters */
  excerpt: string;
  /** the measure on its problem page */
  link: string;
}

/** A measure's text cut for a notification. */
export function measureExcerpt(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

/** The measure on its problem page, the deep link of the web app. */
export function measureLink(problemId: string, measureId: string): string {
  return `/problems/${problemId}#measure-${measureId}`;
}
