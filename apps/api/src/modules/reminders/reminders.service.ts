import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  checkReminderRules,
  DEFAULT_REMINDER_RULES,
  describeReminderRules,
  type ReminderRules,
} from '@zhenggai/domain';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import { requireVersion, StaleVersionError, withConflictState } from '../../common/versioned-update.js';
import { AuditService } from '../audit/audit.service.js';
import { InspectionsService } from '../inspections/inspections.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { refOf } from '../units/dto/ref.dto.js';
import type { QueuedSweepDto, ReminderPolicyDto, UpdateReminderPolicyDto } from './dto/reminder-policy.dto.js';
import { REMINDER_SWEEP_JOB } from './reminder-sweep.service.js';
import { RemindersRepository } from './reminders.repository.js';

// 催办提醒规则: when reminders go out before a deadline and whom an overdue measure escalates to, per inspection.
// Officers edit it; everyone who sees the inspection reads it. Without a saved policy the default applies.
@Injectable()
export class RemindersService {
  constructor(
    private readonly repository: RemindersRepository,
    private readonly inspections: InspectionsService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Queues a run of the daily sweep now (one at a time); the sweep never sends a reminder twice. */
  async runSweepNow(): Promise<QueuedSweepDto> {
    const id = await this.jobs.send(REMINDER_SWEEP_JOB, {}, { singletonKey: 'manual' });
    if (!id) throw new AppError('JOB_ALREADY_QUEUED');
    await this.audit.record({
      action: 'JOB_RUN_REQUESTED',
      entityType: 'job',
      entityId: id,
      detail: { name: REMINDER_SWEEP_JOB },
    });
    return { id };
  }

  async policy(inspectionId: string, actor: Actor): Promise<ReminderPolicyDto> {
    // 404 for an inspection the caller does not see
    await this.inspections.get(inspectionId, actor);
    return this.read(inspectionId);
  }

  async update(inspectionId: string, dto: UpdateReminderPolicyDto, actor: Actor): Promise<ReminderPolicyDto> {
    const version = requireVersion(dto.version);
    await this.inspections.get(inspectionId, actor);
    const rules: ReminderRules = {
      dueSoonDays: [...dto.dueSoonDays].sort((a, b) => b - a),
      escalation: dto.escalation.map((step) => ({ afterOverdueDays: step.afterOverdueDays, notify: step.notify })),
      channels: dto.channels,
    };
    const errors = checkReminderRules(rules);
    if (Object.keys(errors).length > 0) {
      throw new AppError('VALIDATION_FAILED', Object.values(errors)[0][0], { errors });
    }
    const before = await this.read(inspectionId);
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          if (!(await this.repository.save(manager, inspectionId, version, rules, actor.id))) {
            throw new StaleVersionError();
          }
          await this.audit.record(
            {
              action: 'REMINDER_POLICY_UPDATED',
              entityType: 'inspection',
              entityId: inspectionId,
              before: { ...pickRules(before), text: before.text },
              after: { ...rules, text: describeReminderRules(rules) },
            },
            manager,
          );
        }),
      () => this.read(inspectionId),
    );
    return this.read(inspectionId);
  }

  private async read(inspectionId: string): Promise<ReminderPolicyDto> {
    const row = await this.repository.policy(inspectionId);
    const rules = row ?? DEFAULT_REMINDER_RULES;
    return {
      inspectionId,
      dueSoonDays: rules.dueSoonDays,
      escalation: rules.escalation,
      channels: rules.channels,
      isDefault: !row,
      text: describeReminderRules(rules),
      updatedBy: row ? refOf(row.updatedById, row.updatedByName) : null,
      updatedAt: row?.updatedAt?.toISOString() ?? null,
      version: row?.version ?? 1,
    };
  }
}

function pickRules(policy: ReminderPolicyDto): ReminderRules {
  return { dueSoonDays: policy.dueSoonDays, escalation: policy.escalation, channels: policy.channels };
}
