import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error.js';
import { pageWindow } from '../../common/http/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import {
  JOB_RUN_STATE_LABELS,
  type JobRunDto,
  type JobRunPageDto,
  type JobRunQueryDto,
  type JobsOverviewDto,
  type QueuedJobDto,
} from './dto/job.dto.js';
import { JobsRepository, type JobRunRow } from './jobs.repository.js';
import { JobsService } from './jobs.service.js';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** A cron line in words, for the common shapes; anything else is shown as it is. */
export function describeCron(cron: string): string {
  const [minute, hour, day, month, weekday] = cron.trim().split(/\s+/);
  const pad = (value: string) => value.padStart(2, '0');
  if (cron.trim() === '* * * * *') return '每分钟';
  if (/^\d+$/.test(minute) && /^\d+$/.test(hour) && day === '*' && month === '*') {
    const time = `${pad(hour)}:${pad(minute)}`;
    if (weekday === '*') return `每天 ${time}`;
    if (/^[0-6]$/.test(weekday)) return `每周${WEEKDAYS[Number(weekday)]} ${time}`;
    if (weekday === '1-5') return `工作日 ${time}`;
  }
  return cron;
}

function errorOf(row: JobRunRow): string | null {
  if (row.state !== 'failed' && row.state !== 'retry') return null;
  const output = row.output as { message?: unknown } | string | null;
  if (typeof output === 'string') return output;
  return typeof output?.message === 'string' ? output.message : null;
}

// The system admin's view of the background jobs: what runs when, how the last runs went, retry and run-now.
@Injectable()
export class JobRunsService {
  constructor(
    private readonly jobs: JobsService,
    private readonly repository: JobsRepository,
    private readonly audit: AuditService,
  ) {}

  async overview(): Promise<JobsOverviewDto> {
    const definitions = this.jobs.list();
    const summaries = (await this.repository.ready())
      ? await this.repository.summaries(definitions.map((job) => job.name))
      : new Map();
    return {
      working: this.jobs.working,
      jobs: definitions.map((job) => {
        const summary = summaries.get(job.name);
        return {
          name: job.name,
          label: job.label,
          cron: job.cron ?? null,
          scheduleText: job.cron ? describeCron(job.cron) : null,
          lastRun: summary?.last ? this.toDto(summary.last) : null,
          failedCount: summary?.failed ?? 0,
        };
      }),
    };
  }

  async runs(query: JobRunQueryDto): Promise<JobRunPageDto> {
    const { page, pageSize, offset } = pageWindow(query);
    if (!(await this.repository.ready())) return { items: [], total: 0, page, pageSize };
    const names = this.jobs.list().map((job) => job.name);
    const { rows, total } = await this.repository.runs(
      names,
      { name: query.name, state: query.state },
      { offset, limit: pageSize },
    );
    return { items: rows.map((row) => this.toDto(row)), total, page, pageSize };
  }

  async runNow(name: string): Promise<QueuedJobDto> {
    const job = this.jobs.get(name);
    if (!job) throw new AppError('JOB_UNKNOWN');
    // one manual run at a time: a second click while the first is queued is refused
    const id = await this.jobs.send(name, {}, { singletonKey: 'manual' });
    if (!id) throw new AppError('JOB_ALREADY_QUEUED');
    await this.audit.record({ action: 'JOB_RUN_REQUESTED', entityType: 'job', entityId: id, detail: { name } });
    return { id };
  }

  async retry(id: string): Promise<JobRunDto> {
    const run = (await this.repository.ready()) ? await this.repository.run(id) : null;
    if (!run || !this.jobs.get(run.name)) throw new AppError('JOB_RUN_NOT_FOUND');
    if (run.state !== 'failed') throw new AppError('JOB_NOT_FAILED');
    await this.jobs.retry(run.name, id);
    await this.audit.record({
      action: 'JOB_RETRIED',
      entityType: 'job',
      entityId: id,
      detail: { name: run.name, error: errorOf(run) },
    });
    const retried = await this.repository.run(id);
    return this.toDto(retried ?? run);
  }

  private toDto(row: JobRunRow): JobRunDto {
    const output = row.output && typeof row.output === 'object' ? (row.output as Record<string, unknown>) : null;
    return {
      id: row.id,
      name: row.name,
      label: this.jobs.get(row.name)?.label ?? row.name,
      state: row.state,
      stateLabel: JOB_RUN_STATE_LABELS[row.state] ?? row.state,
      createdAt: row.created_on.toISOString(),
      startedAt: row.started_on?.toISOString() ?? null,
      completedAt: row.completed_on?.toISOString() ?? null,
      retryCount: row.retry_count,
      retryLimit: row.retry_limit,
      error: errorOf(row),
      output: row.state === 'completed' ? output : null,
    };
  }
}
