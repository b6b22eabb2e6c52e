import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { pageWindow, type Page } from '../../common/http/pagination.js';
import { SqlParams } from '../../common/sql.js';
import { AppConfig } from '../../config/app-config.js';
import { JobsService } from '../jobs/jobs.service.js';
import { AuditService } from './audit.service.js';
import type { AuditEventDto, AuditQueryDto } from './dto/audit-event.dto.js';

const COLUMNS = `id::text, occurred_at AS "occurredAt", actor_id AS "actorId", actor_username AS "actorUsername",
  actor_roles AS "actorRoles", actor_unit_id AS "actorUnitId", ip, request_id AS "requestId", action,
  entity_type AS "entityType", entity_id AS "entityId", result, before, after, detail`;

const CSV_HEADER = [
  '时间',
  '账号',
  '角色',
  '单位',
  'IP',
  '请求编号',
  '操作',
  '对象类型',
  '对象编号',
  '结果',
  '变更前',
  '变更后',
  '详情',
];
export const AUDIT_RETENTION_JOB = 'audit.retention';

// Spreadsheet programs execute cells that start with these characters: such a cell is exported as text.
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// The audit admin's view of the audit trail: search and export (both audited), and the retention purge (the job
// audit.retention, daily at 03:15 China time).
@Injectable()
export class AuditLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    jobs: JobsService,
  ) {
    void jobs.define({
      name: AUDIT_RETENTION_JOB,
      label: '清理超过保存期限的审计日志',
      cron: '15 3 * * *',
      handler: async () => ({ deleted: await this.purge() }),
    });
  }

  private where(query: AuditQueryDto, params: SqlParams): string {
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

  async search(query: AuditQueryDto): Promise<Page<AuditEventDto>> {
    const { page, pageSize, offset } = pageWindow(query);
    const params = new SqlParams();
    const where = this.where(query, params);
    const countParams = [...params.values];
    const limit = params.add(pageSize);
    const skip = params.add(offset);
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT ${COLUMNS} FROM audit_event WHERE ${where} ORDER BY occurred_at DESC, id DESC LIMIT ${limit} OFFSET ${skip}`,
        params.values,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM audit_event WHERE ${where}`, countParams),
    ]);
    await this.audit.record({ action: 'AUDIT_QUERY', entityType: 'audit_event', detail: { query: { ...query } } });
    const items = (rows as Array<AuditEventDto & { occurredAt: Date }>).map((row) => ({
      ...row,
      occurredAt: new Date(row.occurredAt).toISOString(),
    }));
    return { items, total: (count as Array<{ total: number }>)[0].total, page, pageSize };
  }

  /** Streams the matching events as CSV (UTF-8 with BOM, for Excel), newest first, in batches. */
  async exportCsv(query: AuditQueryDto, response: Response): Promise<void> {
    await this.audit.record({ action: 'AUDIT_EXPORTED', entityType: 'audit_event', detail: { query: { ...query } } });
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="audit.csv"; filename*=UTF-8''${encodeURIComponent('审计日志.csv')}`,
    );
    response.write(`\uFEFF${CSV_HEADER.join(',')}\r\n`);
    let cursor: { at: Date; id: string } | null = null;
    for (;;) {
      const params = new SqlParams();
      const where = [this.where(query, params)];
      if (cursor)
        where.push(`(occurred_at, id) < (${params.add(cursor.at)}::timestamptz, ${params.add(cursor.id)}::bigint)`);
      const rows = (await this.dataSource.query(
        `SELECT ${COLUMNS}, occurred_at AS "cursorAt" FROM audit_event WHERE ${where.join(' AND ')} ORDER BY occurred_at DESC, id DESC LIMIT 1000`,
        params.values,
      )) as Array<AuditEventDto & { cursorAt: Date; occurredAt: Date }>;
      for (const row of rows) {
        const line = [
          new Date(row.occurredAt).toISOString(),
          row.actorUsername,
          row.actorRoles.join('|'),
          row.actorUnitId,
          row.ip,
          row.requestId,
          row.action,
          row.entityType,
          row.entityId,
          row.result,
          row.before,
          row.after,
          row.detail,
        ].map(csvCell);
        if (!response.write(`${line.join(',')}\r\n`)) await new Promise((resolve) => response.once('drain', resolve));
      }
      if (rows.length < 1000) break;
      cursor = { at: rows[rows.length - 1].cursorAt, id: rows[rows.length - 1].id };
    }
    response.end();
  }

  /** Deletes audit events older than the retention; the database refuses anything younger (and any retention < 184 days). */
  async purge(): Promise<number> {
    const days = this.config.AUDIT_RETENTION_DAYS;
    const deleted = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('zhenggai.audit_retention_days', $1, true)`, [String(days)]);
      const result = (await manager.query(
        `DELETE FROM audit_event WHERE occurred_at < now() - make_interval(days => $1::int) RETURNING id`,
        [days],
      )) as [unknown[], number];
      return result[1];
    });
    await this.audit.record({
      action: 'AUDIT_PURGED',
      entityType: 'audit_event',
      actor: null,
      username: 'system',
      detail: { retentionDays: days, deleted },
    });
    return deleted;
  }
}
