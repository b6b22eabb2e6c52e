import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { daysBetween, MEASURE_STATUS_LABELS, type MeasureStatus } from '@zhenggai/domain';
import { scopeOf } from '../../common/auth/access-scope.js';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import { pageWindow } from '../../common/http/pagination.js';
import type { Actor } from '../../common/http/request-context.js';
import {
  StaleVersionError,
  requireVersion,
  withConflictState,
  type ColumnValues,
} from '../../common/versioned-update.js';
import { refOf } from '../units/dto/ref.dto.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CheckpointReviewsRepository } from './checkpoint-reviews.repository.js';
import type {
  CheckpointReviewPageDto,
  CheckpointReviewQueryDto,
  ReviewCheckpointDto,
} from './dto/checkpoint-review.dto.js';
import type { MeasureDto } from './dto/measure.dto.js';
import { MeasureWritesRepository } from './measure-writes.repository.js';
import { MeasuresRepository } from './measures.repository.js';
import { MeasuresService } from './measures.service.js';

export const CHECKPOINT_OUTCOME_LABELS = { reached: '达到阶段目标', missed: '未达到阶段目标' } as const;

// 检查节点评估: the officers' review list of the checkpoints of 视同完成 measures that came due (the daily sweep puts
// them there, once), and the review: 达到阶段目标 schedules the next checkpoint or signs the measure off as 已完成;
// 未达到 sends it back to 推进中. One transaction: version check, checkpoint, measure and units, history, audit, the
// problem's derived status and the units' notification.
@Injectable()
export class CheckpointReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CheckpointReviewsRepository,
    private readonly measures: MeasuresService,
    private readonly reads: MeasuresRepository,
    private readonly writes: MeasureWritesRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async list(query: CheckpointReviewQueryDto, actor: Actor): Promise<CheckpointReviewPageDto> {
    const { page, pageSize, offset } = pageWindow(query);
    const { rows, total } = await this.repository.findPage(
      { inspectionId: query.inspectionId, status: query.status ?? 'pending' },
      scopeOf(actor),
      this.clock.today(),
      { offset, limit: pageSize },
    );
    return {
      items: rows.map((row) => ({
        checkpointId: row.checkpointId,
        title: row.title,
        dueOn: row.dueOn,
        daysOverdue: row.daysOverdue,
        status: row.status,
        measureId: row.measureId,
        problemId: row.problemId,
        inspectionId: row.inspectionId,
        measureLabel: row.measureLabel,
        measureText: row.measureText,
        measureStatus: row.measureStatus,
        measureStatusLabel: MEASURE_STATUS_LABELS[row.measureStatus] ?? row.measureStatus,
        measureVersion: row.measureVersion,
        units: row.units,
        outcome: row.outcome,
        outcomeLabel: row.outcome ? CHECKPOINT_OUTCOME_LABELS[row.outcome] : null,
        opinion: row.opinion,
        reviewedAt: row.reviewedAt ? new Date(row.reviewedAt).toISOString() : null,
        reviewedBy: refOf(row.reviewedById, row.reviewedByName),
      })),
      total,
      page,
      pageSize,
    };
  }

  async review(id: string, checkpointId: string, dto: ReviewCheckpointDto, actor: Actor): Promise<MeasureDto> {
    const today = this.clock.today();
    this.validate(dto, today);
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const measure = await this.writes.lock(manager, id, scopeOf(actor));
          if (!measure) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
          const expected = requireVersion(dto.version);
          if (measure.version !== expected) throw new StaleVersionError();
          const checkpoint = await this.writes.lockCheckpoint(manager, id, checkpointId);
          if (!checkpoint) throw new AppError('NOT_FOUND', '检查节点不存在');
          if (checkpoint.reviewStatus === 'done') throw new AppError('CHECKPOINT_ALREADY_REVIEWED');
          if (measure.status !== 'deemed_completed')
            throw new AppError('TRANSITION_NOT_ALLOWED', '只有“视同完成”的措施评估检查节点');
          const opinion = dto.opinion.trim();
          if (
            !(await this.writes.reviewCheckpoint(manager, checkpointId, {
              outcome: dto.outcome,
              opinion,
              reviewedById: actor.id,
              today,
            }))
          )
            throw new AppError('CHECKPOINT_ALREADY_REVIEWED');

          let status: MeasureStatus = 'deemed_completed';
          const columns: ColumnValues = {};
          if (dto.outcome === 'missed') {
            status = 'in_progress';
            await this.writes.setUnitStatus(manager, id, 'all', 'in_progress');
            Object.assign(columns, { submitted_at: null, completed_at: null });
          } else if (dto.complete) {
            status = 'completed';
            await this.writes.setUnitStatus(manager, id, 'all', 'completed');
            Object.assign(columns, { completed_at: this.clock.now(), next_checkpoint: null });
          } else {
            const next = dto.nextCheckpoint!;
            if (!(await this.writes.insertCheckpoint(manager, id, next.dueOn, next.title?.trim() || '阶段检查节点')))
              throw new AppError('DUPLICATE', '该日期已有检查节点');
            columns.next_checkpoint = next.dueOn;
          }
          if (!(await this.writes.update(manager, id, expected, { status, ...columns }))) throw new StaleVersionError();
          const detail = {
            checkpointId,
            outcome: dto.outcome,
            dueOn: checkpoint.dueOn,
            ...(dto.outcome === 'reached' && !dto.complete ? { nextCheckpoint: dto.nextCheckpoint } : {}),
            ...(dto.outcome === 'reached' && dto.complete ? { complete: true } : {}),
          };
          await this.writes.insertEvent(manager, {
            measureId: id,
            action: 'checkpoint_review',
            fromStatus: measure.status,
            toStatus: status,
            actorId: actor.id,
            actorName: actor.displayName,
            opinion,
            detail,
          });
          await this.audit.record(
            {
              action: 'CHECKPOINT_REVIEWED',
              entityType: 'measure',
              entityId: id,
              before: { status: measure.status, version: measure.version, checkpoint: checkpoint.reviewStatus },
              after: { status, version: measure.version + 1, checkpoint: 'done', ...columns },
              detail: { ...detail, opinion },
            },
            manager,
          );
          await this.writes.refreshProblemStatus(manager, measure.problemId, this.audit);
          await this.notifyUnits(manager, id, dto, status, checkpoint.dueOn, opinion);
        }),
      () => this.measures.get(id, actor),
    );
    return this.measures.get(id, actor);
  }

  /** Bad input answers 400 before anything is locked. */
  private validate(dto: ReviewCheckpointDto, today: string): void {
    const errors: Record<string, string[]> = {};
    if (dto.outcome === 'reached') {
      if (dto.complete && dto.nextCheckpoint)
        errors.complete = ['达到阶段目标时，请在“安排下一检查节点”和“确认已完成”中选择其一'];
      else if (!dto.complete && !dto.nextCheckpoint)
        errors.nextCheckpoint = ['达到阶段目标时，请安排下一检查节点或确认已完成'];
      else if (dto.nextCheckpoint && daysBetween(today, dto.nextCheckpoint.dueOn) <= 0)
        errors.nextCheckpoint = ['下一检查节点须晚于今天'];
    } else if (dto.complete || dto.nextCheckpoint) {
      errors.outcome = ['未达到阶段目标的措施转为推进中，不能确认已完成或安排下一检查节点'];
    }
    const [first] = Object.values(errors);
    if (first) throw new AppError('VALIDATION_FAILED', first[0], { errors });
  }

  /** The measure's units hear of the review, in its transaction. */
  private async notifyUnits(
    manager: EntityManager,
    id: string,
    dto: ReviewCheckpointDto,
    status: MeasureStatus,
    dueOn: string,
    opinion: string,
  ): Promise<void> {
    const notice = await this.reads.notice(manager, id);
    const unitIds = (await this.writes.unitShares(manager, id)).map((unit) => unit.unitId);
    if (unitIds.length === 0) return;
    const recipients = await this.reads.accountsToNotify(manager, { unitIds });
    const result =
      dto.outcome === 'missed'
        ? '未达到阶段目标，措施转为推进中，请继续整改'
        : dto.complete
          ? '达到阶段目标，措施已完成'
          : `达到阶段目标，下一检查节点 ${dto.nextCheckpoint!.dueOn}`;
    await this.notifications.notify(
      recipients,
      {
        kind: 'checkpoint.reviewed',
        title: `检查节点评估：${notice.label}（${CHECKPOINT_OUTCOME_LABELS[dto.outcome]}）`,
        body: [
          `检查节点 ${dueOn}：${result}（${MEASURE_STATUS_LABELS[status]}）。`,
          `意见：${opinion}`,
          `${notice.label} ${notice.excerpt}`,
        ].join('\n\n'),
        link: notice.link,
      },
      manager,
    );
  }
}
