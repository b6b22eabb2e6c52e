import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  checkTransition,
  MEASURE_STATUS_LABELS,
  rollUpMeasureStatus,
  validateApproval,
  validateReason,
  type MeasureAction,
  type MeasureStatus,
} from '@zhenggai/domain';
import { scopeOf } from '../../common/auth/access-scope.js';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import {
  StaleVersionError,
  requireVersion,
  withConflictState,
  type ColumnValues,
} from '../../common/versioned-update.js';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import type { MeasureDto } from './dto/measure.dto.js';
import type { ApproveMeasureDto, ReasonDto, SubmitMeasureDto } from './dto/measure-actions.dto.js';
import { measureExcerpt, type LockedMeasure, type UnitShare } from './measure-ledger.js';
import { MeasureWritesRepository } from './measure-writes.repository.js';
import { MeasuresRepository } from './measures.repository.js';
import { MeasuresService } from './measures.service.js';

interface TransitionContext {
  manager: EntityManager;
  measure: LockedMeasure;
  units: UnitShare[];
  ownUnitId: string | null;
}

// The sign-off chain of a measure: a unit submits with evidence, an officer approves (已完成 / 视同完成) or returns it,
// and a signed-off measure can be reopened. Each step is one transaction: version check, status change, history
// event, audit event and the problem's derived status.
@Injectable()
export class MeasureWorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly measures: MeasuresService,
    private readonly reads: MeasuresRepository,
    private readonly writes: MeasureWritesRepository,
    private readonly audit: AuditService,
    private readonly attachments: AttachmentsService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly webhooks: WebhooksService,
  ) {}

  /**
   * Tells the people a step concerns, in the step's transaction: the measure's units (their enabled accounts) when
   * the task force decides, the task force when a unit submits.
   */
  private async notifyStep(
    manager: EntityManager,
    measureId: string,
    action: MeasureAction,
    status: MeasureStatus,
    opinion: string | null,
  ): Promise<void> {
    const measure = await this.reads.notice(manager, measureId);
    const link = measure.link;
    const message = {
      submit: { kind: 'measure.submitted', title: `待审核销号：${measure.label}`, link: '/reviews' },
      approve: {
        kind: 'measure.approved',
        title: `销号申请已通过：${measure.label}（${MEASURE_STATUS_LABELS[status]}）`,
        link,
      },
      return: { kind: 'measure.returned', title: `销号申请被退回：${measure.label}`, link },
      reopen: { kind: 'measure.reopened', title: `措施已重新打开：${measure.label}`, link },
      start: null,
    }[action];
    // a unit's submission asks the task force for a decision only once every unit has submitted
    if (!message || (action === 'submit' && status !== 'pending_review')) return;
    const recipients = await this.reads.accountsToNotify(
      manager,
      action === 'submit'
        ? { taskForce: true }
        : { unitIds: (await this.writes.unitShares(manager, measureId)).map((u) => u.unitId) },
    );
    const body = [
      opinion ? (action === 'submit' ? `完成情况：${opinion}` : `意见：${opinion}`) : null,
      `${measure.label} ${measure.excerpt}`,
    ]
      .filter(Boolean)
      .join('\n\n');
    await this.notifications.notify(
      recipients,
      { kind: message.kind, title: message.title, body, link: message.link },
      manager,
    );
  }

  private async transition(
    id: string,
    action: MeasureAction,
    version: number | undefined,
    actor: Actor,
    apply: (context: TransitionContext) => Promise<{
      status: MeasureStatus;
      columns: ColumnValues;
      event: { opinion?: string | null; attachmentIds?: string[]; detail?: Record<string, unknown> };
    }>,
  ): Promise<MeasureDto> {
    const scope = scopeOf(actor);
    let opinion: string | null = null;
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const measure = await this.writes.lock(manager, id, scope);
          if (!measure) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
          // visibility first: a caller outside the measure's units learns nothing, not even that a version is missing
          const expected = requireVersion(version);
          if (measure.version !== expected) throw new StaleVersionError();
          const units = await this.writes.unitShares(manager, id);
          const ownUnitId = actor.unitId && units.some((unit) => unit.unitId === actor.unitId) ? actor.unitId : null;
          const check = checkTransition(action, {
            status: measure.status,
            unitStatus: units.find((unit) => unit.unitId === ownUnitId)?.status ?? null,
            roles: actor.roles,
            ownUnit: ownUnitId !== null,
          });
          if (!check.ok) throw new AppError(check.code, check.message);

          const result = await apply({ manager, measure, units, ownUnitId });
          const updated = await this.writes.update(manager, id, expected, {
            status: result.status,
            ...result.columns,
          });
          if (!updated) throw new StaleVersionError();
          await this.writes.insertEvent(manager, {
            measureId: id,
            action,
            fromStatus: measure.status,
            toStatus: result.status,
            unitId: ownUnitId,
            actorId: actor.id,
            actorName: actor.displayName,
            ...result.event,
          });
          await this.audit.record(
            {
              action: `MEASURE_${action.toUpperCase()}`,
              entityType: 'measure',
              entityId: id,
              before: { status: measure.status, version: measure.version },
              after: { status: result.status, version: measure.version + 1, ...result.columns },
              detail: { opinion: result.event.opinion ?? null, attachmentIds: result.event.attachmentIds ?? [] },
            },
            manager,
          );
          await this.writes.refreshProblemStatus(manager, measure.problemId, this.audit);
          await this.notifyStep(manager, id, action, result.status, result.event.opinion ?? null);
          opinion = result.event.opinion ?? null;
        }),
      () => this.measures.get(id, actor),
    );
    if (action === 'return') await this.publishReturn(id, opinion, actor);
    return this.measures.get(id, actor);
  }

  /** Outbound webhooks hear of a returned submission once the return has committed. */
  private async publishReturn(id: string, reason: string | null, actor: Actor): Promise<void> {
    const manager = this.dataSource.manager;
    const [notice, row] = await Promise.all([this.reads.notice(manager, id), this.reads.problemAndUnits(id)]);
    await this.webhooks.publish('measure.returned', {
      occurredAt: new Date().toISOString(),
      title: `销号申请被退回：${notice.label}`,
      message: reason,
      by: { id: actor.id, name: actor.displayName },
      link: notice.link,
      measures: [
        {
          id,
          label: notice.label,
          problemTitle: measureExcerpt(row?.problemTitle ?? ''),
          excerpt: notice.excerpt,
          units: row?.units ?? [],
        },
      ],
    });
  }

  submit(id: string, dto: SubmitMeasureDto, actor: Actor): Promise<MeasureDto> {
    return this.transition(id, 'submit', dto.version, actor, async ({ manager, measure, units, ownUnitId }) => {
      if (dto.attachmentIds.length === 0) {
        throw new AppError('VALIDATION_FAILED', '提交销号须附上本措施的佐证材料', {
          errors: { attachmentIds: ['请至少上传一份佐证材料'] },
        });
      }
      // locks the evidence rows so that they cannot be deleted before this submission commits
      await this.attachments.assertUsableAsEvidence(dto.attachmentIds, id, manager);
      const evidence = [...new Set(dto.attachmentIds.map((value) => value.toLowerCase()))];
      await this.writes.setUnitStatus(manager, id, [ownUnitId!], 'pending_review');
      const after = units.map((unit) =>
        unit.unitId === ownUnitId ? 'pending_review' : unit.status,
      ) as MeasureStatus[];
      let status = rollUpMeasureStatus(
        after.map((value) => (value === 'deemed_completed' || value === 'completed' ? 'in_progress' : value)),
      );
      // a 视同完成 item stays 视同完成 until every unit has asked for its final sign-off
      if (measure.status === 'deemed_completed' && status !== 'pending_review') status = 'deemed_completed';
      const columns: ColumnValues = status === 'pending_review' ? { submitted_at: this.clock.now() } : {};
      return { status, columns, event: { opinion: dto.note, attachmentIds: evidence } };
    });
  }

  approve(id: string, dto: ApproveMeasureDto, actor: Actor): Promise<MeasureDto> {
    return this.transition(id, 'approve', dto.version, actor, async ({ manager }) => {
      const errors = validateApproval(dto, this.clock.today());
      if (Object.keys(errors).length > 0)
        throw new AppError('VALIDATION_FAILED', '视同完成须填写阶段性成果、长效机制和下一检查节点', { errors });
      await this.writes.setUnitStatus(manager, id, 'all', dto.outcome);
      const evidence = await this.reads.evidenceIds(manager, id);
      const deemed = dto.outcome === 'deemed_completed';
      if (deemed) await this.writes.insertCheckpoint(manager, id, dto.nextCheckpoint!, '视同完成后检查节点');
      const columns: ColumnValues = {
        completed_at: this.clock.now(),
        stage_outcome: deemed ? dto.stageOutcome!.trim() : null,
        long_term_mechanism: deemed ? dto.longTermMechanism!.trim() : null,
        next_checkpoint: deemed ? dto.nextCheckpoint : null,
      };
      // a 视同完成 item keeps going as a long-term one
      if (deemed) columns.term = 'long_term';
      return {
        status: dto.outcome,
        columns,
        event: {
          opinion: dto.opinion ?? null,
          attachmentIds: evidence,
          detail: deemed ? { nextCheckpoint: dto.nextCheckpoint } : undefined,
        },
      };
    });
  }

  returnSubmission(id: string, dto: ReasonDto, actor: Actor): Promise<MeasureDto> {
    return this.transition(id, 'return', dto.version, actor, async ({ manager }) => {
      const problem = validateReason(dto.reason);
      if (problem) throw new AppError('VALIDATION_FAILED', problem, { errors: { reason: [problem] } });
      await this.writes.setUnitStatus(manager, id, 'all', 'in_progress');
      return { status: 'in_progress', columns: { submitted_at: null }, event: { opinion: dto.reason.trim() } };
    });
  }

  reopen(id: string, dto: ReasonDto, actor: Actor): Promise<MeasureDto> {
    return this.transition(id, 'reopen', dto.version, actor, async ({ manager }) => {
      const problem = validateReason(dto.reason);
      if (problem) throw new AppError('VALIDATION_FAILED', problem, { errors: { reason: [problem] } });
      await this.writes.setUnitStatus(manager, id, 'all', 'in_progress');
      return {
        status: 'in_progress',
        columns: { submitted_at: null, completed_at: null },
        event: { opinion: dto.reason.trim() },
      };
    });
  }
}
