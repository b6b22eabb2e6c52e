import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AccessScope } from '../../common/auth/access-scope.js';
import { assignedToSql, SqlParams } from '../../common/sql.js';

export interface ExtensionFilter {
  id?: string;
  measureId?: string;
  status?: string;
  inspectionId?: string;
}

export interface NewExtension {
  measureId: string;
  unitId: string;
  requestedById: string;
  previousDeadline: string | null;
  requestedDeadline: string;
  reason: string;
}

export interface LockedExtension {
  id: string;
  measure_id: string;
  unit_id: string;
  status: string;
  version: number;
  requested_deadline: string;
}

const SELECT = `SELECT x.id, x.measure_id AS "measureId", x.unit_id AS "unitId", u.name AS "unitName",
  x.requested_by_id AS "requestedById", rq.display_name AS "requestedByName", x.previous_deadline AS "previousDeadline",
  x.requested_deadline AS "requestedDeadline", x.reason, x.status, x.decided_by_id AS "decidedById",
  dc.display_name AS "decidedByName", x.decided_at AS "decidedAt", x.opinion, x.created_at AS "createdAt", x.version,
  p.label AS "problemLabel", m.seq AS "measureSeq", m.text AS "measureText"
  FROM deadline_extension x
  JOIN measure m ON m.id = x.measure_id AND m.deleted_at IS NULL
  JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL
  JOIN unit u ON u.id = x.unit_id
  LEFT JOIN user_account rq ON rq.id = x.requested_by_id
  LEFT JOIN user_account dc ON dc.id = x.decided_by_id`;

// All SQL of deadline extensions (延期申请); the measure's new deadline is written by MeasureWritesRepository.
@Injectable()
export class DeadlineExtensionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async hasPending(manager: EntityManager, measureId: string, unitId: string): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM deadline_extension WHERE measure_id = $1 AND unit_id = $2 AND status = 'pending'`,
      [measureId, unitId],
    )) as unknown[];
    return rows.length > 0;
  }

  async insert(manager: EntityManager, extension: NewExtension): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO deadline_extension (measure_id, unit_id, requested_by_id, previous_deadline, requested_deadline, reason)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        extension.measureId,
        extension.unitId,
        extension.requestedById,
        extension.previousDeadline,
        extension.requestedDeadline,
        extension.reason,
      ],
    )) as Array<{ id: string }>;
    return row.id;
  }

  async lock(manager: EntityManager, id: string): Promise<LockedExtension | null> {
    const [row] = (await manager.query(`SELECT * FROM deadline_extension WHERE id = $1 FOR UPDATE`, [
      id,
    ])) as LockedExtension[];
    return row ?? null;
  }

  async decide(
    manager: EntityManager,
    id: string,
    decision: { status: 'approved' | 'refused'; decidedById: string; decidedAt: Date; opinion: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE deadline_extension SET status = $2, decided_by_id = $3, decided_at = $4, opinion = $5, version = version + 1, updated_at = now()
       WHERE id = $1`,
      [id, decision.status, decision.decidedById, decision.decidedAt, decision.opinion],
    );
  }

  /** A page of extensions the scope may see, newest first, with the total. */
  async find(
    filter: ExtensionFilter,
    scope: AccessScope,
    window: { offset: number; limit: number },
  ): Promise<{ rows: Array<Record<string, never>>; total: number }> {
    const params = new SqlParams();
    const where = ['TRUE'];
    if (!scope.all) where.push(assignedToSql('m', params.add(scope.unitIds)));
    if (filter.id) where.push(`x.id = ${params.add(filter.id)}`);
    if (filter.measureId) where.push(`x.measure_id = ${params.add(filter.measureId)}`);
    if (filter.status) where.push(`x.status = ${params.add(filter.status)}`);
    if (filter.inspectionId) where.push(`m.inspection_id = ${params.add(filter.inspectionId)}`);
    const countParams = [...params.values];
    const limit = params.add(window.limit);
    const offset = params.add(window.offset);
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `${SELECT} WHERE ${where.join(' AND ')} ORDER BY x.created_at DESC, x.id LIMIT ${limit} OFFSET ${offset}`,
        params.values,
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM deadline_extension x JOIN measure m ON m.id = x.measure_id AND m.deleted_at IS NULL
         JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL WHERE ${where.join(' AND ')}`,
        countParams,
      ),
    ]);
    return { rows: rows as Array<Record<string, never>>, total: (count as Array<{ total: number }>)[0].total };
  }
}
