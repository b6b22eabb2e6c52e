import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { pageWindow, type Page } from '../../common/http/pagination.js';
import { AppConfig } from '../../config/app-config.js';
import { JobsService } from '../jobs/jobs.service.js';
import { AuditRepository, type AuditCursor } from './audit.repository.js';
import { AuditService } from './audit.service.js';
import type { AuditEventDto, AuditQueryDto } from './dto/audit-event.dto.js';

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
    private readonly events: AuditRepository,
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

  async search(query: AuditQueryDto): Promise<Page<AuditEventDto>> {
    const { page, pageSize, offset } = pageWindow(query);
    const { rows, total } = await this.events.findPage(query, { limit: pageSize, offset });
    await this.audit.record({ action: 'AUDIT_QUERY', entityType: 'audit_event', detail: { query: { ...query } } });
    const items = rows.map((row) => ({
      ...row,
      occurredAt: new Date(row.occurredAt).toISOString(),
    }));
    return { items, total, page, pageSize };
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
    let cursor: AuditCursor | null = null;
    for (;;) {
      const rows = await this.events.exportBatch(query, cursor, 1000);
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
    const deleted = await this.events.purgeOlderThan(days);
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
