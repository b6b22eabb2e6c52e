import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { scopeOf, type AccessScope } from '../../../common/auth/access-scope.js';
import { Clock } from '../../../common/clock.js';
import { AppError } from '../../../common/errors/app-error.js';
import type { Actor } from '../../../common/http/request-context.js';
import { AppConfig } from '../../../config/app-config.js';
import { AuditService } from '../../audit/audit.service.js';
import { JobsService, type JobRun } from '../../jobs/jobs.service.js';
import { roundName, safeFileName } from '../chinese.js';
import type { LedgerExportQueryDto } from '../dto/export-query.dto.js';
import { LedgerExportService } from '../ledger/ledger-export.service.js';
import { LedgerRepository, type LedgerFilter } from '../ledger/ledger.repository.js';
import { ExportJobsRepository, type ExportJobRow } from './export-jobs.repository.js';

export const LEDGER_EXPORT_JOB = 'documents.ledger-export';
export const EXPORT_PURGE_JOB = 'documents.export-purge';
/** Attempts after the first one (pg-boss retries a thrown attempt after EXPORT_RETRY_DELAY seconds). */
export const EXPORT_RETRY_LIMIT = 1;
const EXPORT_RETRY_DELAY = 5;
/** Files and rows are kept for a day. */
export const EXPORT_KEEP_MS = 86_400_000;
/** A queued or running job whose row has not moved for this long has lost its worker (crash, restart). */
export const EXPORT_STALE_MS = 30 * 60_000;
/** At most ~2 progress UPDATEs a second. */
const PROGRESS_EVERY_MS = 500;

const FAILED_MESSAGE = '导出失败，请重新导出';
const STALE_MESSAGE = '导出中断（服务重启或超时），请重新导出';

export interface ExportJobView {
  id: string;
  status: ExportJobRow['status'];
  progress: number;
  fileName: string;
  error?: string;
  createdAt: string;
  finishedAt?: string;
}

const view = (row: ExportJobRow): ExportJobView => ({
  id: row.id,
  status: row.status,
  progress: row.progress,
  fileName: row.fileName,
  ...(row.error ? { error: row.error } : {}),
  createdAt: new Date(row.createdAt).toISOString(),
  ...(row.finishedAt ? { finishedAt: new Date(row.finishedAt).toISOString() } : {}),
});

// The 整改台账 as a background job (issue 28: 600,000 rows): the request records the job, its audit event and the
// pg-boss job in one transaction and answers 202; a worker writes the workbook to UPLOAD_DIR/exports/<id>.xlsx with
// LedgerExportService.write, reporting progress; only the requester reads the job and its file.
@Injectable()
export class ExportJobsService {
  private readonly logger = new Logger(ExportJobsService.name);
  private readonly folder: string;

  constructor(
    private readonly repository: ExportJobsRepository,
    private readonly ledger: LedgerRepository,
    private readonly ledgerExport: LedgerExportService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.folder = path.resolve(config.UPLOAD_DIR, 'exports');
    void jobs.define<{ jobId: string }>({
      name: LEDGER_EXPORT_JOB,
      label: '后台导出整改台账',
      retryLimit: EXPORT_RETRY_LIMIT,
      retryDelay: EXPORT_RETRY_DELAY,
      retryBackoff: false,
      handler: (data, run) => this.run(data.jobId, run),
    });
    void jobs.define({
      name: EXPORT_PURGE_JOB,
      label: '清理一天前的后台导出文件',
      cron: '23 * * * *',
      handler: () => this.purge(),
    });
  }

  async create(inspectionId: string, query: LedgerExportQueryDto, actor: Actor): Promise<ExportJobView> {
    const scope = scopeOf(actor);
    const inspection = await this.ledger.findInspection(inspectionId, scope);
    if (!inspection) throw new AppError('NOT_FOUND', '巡视（巡察）不存在或无权查看');
    const filter: LedgerFilter = { status: query.status, unitId: query.unitId, light: query.light, q: query.q };
    const id = randomUUID();
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await this.repository.insert(
        {
          id,
          actorId: actor.id,
          inspectionId,
          filter: JSON.parse(JSON.stringify(filter)) as Record<string, unknown>,
          scope,
          fileName: `${safeFileName(roundName(inspection))}整改台账.xlsx`,
          createdAt: now,
        },
        manager,
      );
      await this.audit.record(
        {
          action: 'LEDGER_EXPORTED',
          entityType: 'inspection',
          entityId: inspectionId,
          detail: { filter: { ...filter }, scoped: !scope.all, exportJobId: id },
        },
        manager,
      );
      await this.jobs.sendMany(LEDGER_EXPORT_JOB, [{ data: { jobId: id }, singletonKey: id }], manager);
    });
    return this.get(id, actor);
  }

  async get(id: string, actor: Actor): Promise<ExportJobView> {
    return view(await this.own(id, actor));
  }

  /** The finished workbook: 409 while it is being written or when the export failed. */
  async file(id: string, actor: Actor): Promise<{ name: string; size: number; stream: Readable }> {
    const job = await this.own(id, actor);
    if (job.status === 'failed') throw new AppError('EXPORT_JOB_FAILED', job.error ?? FAILED_MESSAGE);
    if (job.status !== 'done') throw new AppError('EXPORT_JOB_NOT_READY');
    const file = this.pathOf(job.id);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (!stat) throw new AppError('NOT_FOUND', '导出文件已清理，请重新导出');
    return { name: job.fileName, size: stat.size, stream: fs.createReadStream(file) };
  }

  /** The worker: writes the workbook, then marks the job done; a throw is retried by pg-boss, the last one fails it. */
  async run(jobId: string, run: Pick<JobRun, 'attempt'>): Promise<unknown> {
    const job = await this.repository.find(jobId);
    if (!job || !(await this.repository.start(jobId, this.clock.now()))) return { skipped: true };
    const final = run.attempt > EXPORT_RETRY_LIMIT;
    const scope = job.scope as unknown as AccessScope;
    const inspection = await this.ledger.findInspection(job.inspectionId, scope);
    if (!inspection) {
      await this.repository.fail(jobId, '巡视（巡察）不存在或已无权查看，未能导出', true, this.clock.now());
      return { failed: 'not found' };
    }
    await fs.promises.mkdir(this.folder, { recursive: true, mode: 0o700 });
    const target = this.pathOf(jobId);
    const temporary = `${target}.${randomUUID()}.tmp`;
    const handle = await fs.promises.open(temporary, 'wx', 0o600);
    const output = handle.createWriteStream();
    let last = 0;
    try {
      await this.ledgerExport.write(inspection, job.filter as LedgerFilter, scope, output, {
        onProgress: async (done, total) => {
          const now = Date.now();
          if (now - last < PROGRESS_EVERY_MS) return;
          last = now;
          // 100 only once the file is complete and in place
          const percent = total === 0 ? 99 : Math.min(99, Math.floor((done * 100) / total));
          await this.repository.progress(jobId, percent, this.clock.now());
        },
      });
      if (!output.writableFinished) await finished(output);
      await fs.promises.rename(temporary, target);
      const { size } = await fs.promises.stat(target);
      await this.repository.finish(jobId, size, this.clock.now());
      return { size };
    } catch (error) {
      output.destroy();
      await fs.promises.rm(temporary, { force: true });
      this.logger.error(`export ${jobId} failed: ${error instanceof Error ? error.message : String(error)}`);
      // the attempt's own error is the one pg-boss keeps (and retries on)
      await this.repository.fail(jobId, FAILED_MESSAGE, final, this.clock.now()).catch(() => undefined);
      throw error;
    }
  }

  /** Fails the jobs that lost their worker, deletes the jobs and files older than a day. */
  async purge(): Promise<{ stale: number; deleted: number }> {
    const now = this.clock.now();
    const stale = await this.repository.failStale(new Date(now.getTime() - EXPORT_STALE_MS), STALE_MESSAGE, now);
    const deleted = await this.repository.deleteOlderThan(new Date(now.getTime() - EXPORT_KEEP_MS));
    for (const id of deleted) await fs.promises.rm(this.pathOf(id), { force: true });
    return { stale: stale.length, deleted: deleted.length };
  }

  private async own(id: string, actor: Actor): Promise<ExportJobRow> {
    const job = await this.repository.find(id);
    // another account's job is as absent as a missing one
    if (!job || job.actorId !== actor.id) throw new AppError('NOT_FOUND', '导出任务不存在或已清理');
    return job;
  }

  private pathOf(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error('invalid export job id');
    return path.join(this.folder, `${id}.xlsx`);
  }
}
