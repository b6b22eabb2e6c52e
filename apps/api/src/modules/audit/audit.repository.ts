import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SqlParams } from '../../common/sql.js';
import type { AuditChainFields } from './audit-chain.js';
import type { AuditEventDto, AuditQueryDto } from './dto/audit-event.dto.js';

export type AuditChainRow = AuditChainFields & { hash: string };

export type AuditEventRow = AuditEventDto & { occurredAt: Date };
export type AuditExportRow = AuditEventRow & { cursorAt: Date };
export interface AuditCursor {
  at: Date;
  id: string;
}

const COLUMNS = `id::text, occurred_at AS "occurredAt", actor_id AS "actorId", actor_username AS "actorUsername",
  actor_roles AS "actorRoles", actor_unit_id AS "actorUnitId", ip, request_id AS "requestId", action,
  entity_type AS "entityType", entity_id AS "entityId", result, before, after, detail`;

function whereOf(query: AuditQueryDto, params: SqlParams): string {
  const where = ['TRUE'];
  if (query.username) where.push(`lower(actor_username) = lower(${params.add(query.username)})`);
  if (query.actorId) where.push(`actor_id = ${params.add(query.actorId)}`);
  if (query.action) where.push(`action = ${params.add(query.action)}`);
  if (query.entityType) where.push(`entity_type = ${params.add(query.entityType)}`);
  if (query.entityId) where.push(`entity_id = ${params.add(query.entityId)}`);
  if (query.result) where.push(`result = ${params.add(query.result)}`);
  if (query.from) where.push(`occurred_at >= ${params.add(query.from)}::timestamptz`);
  if (query.to) where.push(`occurred_at < ${params.add(query.to)}::timestamptz`);
  return where.join(' AND ');
}

// The columns of a chained row as the text the chain's canonical serialisation takes (audit-chain.ts); they are text, so
// ORDER BY names the table's seq (the alias would sort 10 before 9)
const CHAIN_COLUMNS = `seq::text AS seq, id::text AS id,
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAt",
  actor_id::text AS "actorId", actor_username AS "actorUsername", to_jsonb(actor_roles)::text AS "actorRoles",
  actor_unit_id::text AS "actorUnitId", ip, request_id AS "requestId", action, entity_type AS "entityType",
  entity_id AS "entityId", result, before::text AS before, after::text AS after, detail::text AS detail,
  prev_hash AS "prevHash", hash`;

// All SQL of the audit admin's view of the audit trail: search, export batches, the retention purge and the chain.
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page of the matching events, newest first, and how many match. */
  async findPage(
    query: AuditQueryDto,
    window: { limit: number; offset: number },
  ): Promise<{ rows: AuditEventRow[]; total: number }> {
    const params = new SqlParams();
    const where = whereOf(query, params);
    const countParams = [...params.values];
    const limit = params.add(window.limit);
    const skip = params.add(window.offset);
    // the page and the total from one statement (one snapshot): an event written meanwhile never makes them disagree
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS}, count(*) OVER ()::int AS "totalRows" FROM audit_event WHERE ${where}
        ORDER BY occurred_at DESC, id DESC LIMIT ${limit} OFFSET ${skip}`,
      params.values,
    )) as Array<AuditEventRow & { totalRows: number }>;
    if (rows.length === 0) {
      // past the last page: the total still counts
      const [{ total }] = (await this.dataSource.query(
        `SELECT count(*)::int AS total FROM audit_event WHERE ${where}`,
        countParams,
      )) as Array<{ total: number }>;
      return { rows: [], total };
    }
    return { rows: rows.map(({ totalRows: _, ...row }) => row as AuditEventRow), total: rows[0].totalRows };
  }

  /** The next `size` matching events older than the cursor (from the newest when null), newest first. */
  async exportBatch(query: AuditQueryDto, cursor: AuditCursor | null, size: number): Promise<AuditExportRow[]> {
    const params = new SqlParams();
    const where = [whereOf(query, params)];
    if (cursor)
      where.push(`(occurred_at, id) < (${params.add(cursor.at)}::timestamptz, ${params.add(cursor.id)}::bigint)`);
    return (await this.dataSource.query(
      `SELECT ${COLUMNS}, occurred_at AS "cursorAt" FROM audit_event WHERE ${where.join(' AND ')} ORDER BY occurred_at DESC, id DESC LIMIT ${size}`,
      params.values,
    )) as AuditExportRow[];
  }

  /** Deletes the events older than `days` in one transaction that declares the retention to the database; returns how many. */
  async purgeOlderThan(days: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('zhenggai.audit_retention_days', $1, true)`, [String(days)]);
      const result = (await manager.query(
        `DELETE FROM audit_event WHERE occurred_at < now() - make_interval(days => $1::int) RETURNING id`,
        [days],
      )) as [unknown[], number];
      return result[1];
    });
  }

  /** The next `size` chained rows after seq `afterSeq` (from the first when null), in seq order. */
  async chainBatch(afterSeq: string | null, size: number): Promise<AuditChainRow[]> {
    return (await this.dataSource.query(
      `SELECT ${CHAIN_COLUMNS} FROM audit_event WHERE audit_event.seq > $1::bigint ORDER BY audit_event.seq LIMIT $2`,
      [afterSeq ?? '0', size],
    )) as AuditChainRow[];
  }

  /** The first committed row the chain never took in (only possible with the chain trigger bypassed). */
  async firstUnchained(): Promise<{ id: string; occurredAt: string } | null> {
    const rows = (await this.dataSource.query(
      `SELECT id::text AS id, occurred_at AS "occurredAt" FROM audit_event WHERE seq IS NULL ORDER BY id LIMIT 1`,
    )) as Array<{ id: string; occurredAt: Date }>;
    return rows.length ? { id: rows[0].id, occurredAt: new Date(rows[0].occurredAt).toISOString() } : null;
  }
}
