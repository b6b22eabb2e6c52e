import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isMeasureDone, validateReason } from '@zhenggai/domain';
import { scopeOf } from '../../common/auth/access-scope.js';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import { pageWindow, type Page } from '../../common/http/pagination.js';
import type { Actor } from '../../common/http/request-context.js';
import { StaleVersionError, requireVersion, withConflictState } from '../../common/versioned-update.js';
import { AuditService } from '../audit/audit.service.js';
import { refOf } from '../units/dto/ref.dto.js';
import type { DecideExtensionDto, RequestExtensionDto } from './dto/measure-actions.dto.js';
import type { ExtensionDto } from './dto/measure-records.dto.js';
import type { ExtensionQueryDto } from './dto/extension-query.dto.js';
import { DeadlineExtensionsRepository, type ExtensionFilter } from './deadline-extensions.repository.js';
import { MeasureWritesRepository } from './measure-writes.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { MeasuresRepository } from './measures.repository.js';
import { MeasuresService } from './measures.service.js';

const STATUS_LABELS = { pending: '待审批', approved: '已同意', refused: '未同意' } as const;

type Row = Record<string, never>;

function mapExtension(row: Row): ExtensionDto {
  return {
    id: row.id,
    measureId: row.measureId,
    unit: { id: row.unitId, name: row.unitName },
    requestedBy: refOf(row.requestedById, row.requestedByName),
    previousDeadline: row.previousDeadline,
    requestedDeadline: row.requestedDeadline,
    reason: row.reason,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status as keyof typeof STATUS_LABELS],
    decidedBy: refOf(row.decidedById, row.decidedByName),
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
    opinion: row.opinion,
    createdAt: new Date(row.createdAt).toISOString(),
    version: row.version,
    measureRef: `${row.problemLabel}(${row.measureSeq})`,
    measureText: row.measureText,
  };
}

// Deadline extensions: a unit asks for a new date with a reason; an officer approves (the deadline moves) or refuses.
@Injectable()
export class DeadlineExtensionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly extensions: DeadlineExtensionsRepository,
    private readonly reads: MeasuresRepository,
    private readonly writes: MeasureWritesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly measures: MeasuresService,
    private readonly notifications: NotificationsService,
  ) {}

  async request(measureId: string, dto: RequestExtensionDto, actor: Actor): Promise<ExtensionDto> {
    const reasonProblem = validateReason(dto.reason);
    if (reasonProblem) throw new AppError('VALIDATION_FAILED', reasonProblem, { errors: { reason: [reasonProblem] } });
    if (dto.requestedDeadline <= this.clock.today()) {
      throw new AppError('VALIDATION_FAILED', '延期后的时限须晚于今天', {
        errors: { requestedDeadline: ['须晚于今天'] },
      });
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const measure = await this.writes.lock(manager, measureId, scopeOf(actor));
      if (!measure) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
      if (!(await this.writes.unitShares(manager, measureId)).some((unit) => unit.unitId === actor.unitId)) {
        throw new AppError('FORBIDDEN', '只能为本单位承担的措施申请延期');
      }
      if (isMeasureDone(measure.status)) throw new AppError('TRANSITION_NOT_ALLOWED', '措施已完成，无需延期');
      if (measure.deadline && dto.requestedDeadline <= measure.deadline) {
        throw new AppError('VALIDATION_FAILED', '延期后的时限须晚于现有时限', {
          errors: { requestedDeadline: [`须晚于 ${measure.deadline}`] },
        });
      }
      if (await this.extensions.hasPending(manager, measureId, actor.unitId!))
        throw new AppError('DUPLICATE', '本单位已有待审批的延期申请');
      const row = {
        id: await this.extensions.insert(manager, {
          measureId,
          unitId: actor.unitId!,
          requestedById: actor.id,
          previousDeadline: measure.deadline,
          requestedDeadline: dto.requestedDeadline,
          reason: dto.reason.trim(),
        }),
      };
      await this.writes.insertEvent(manager, {
        measureId,
        action: 'extension_requested',
        unitId: actor.unitId,
        actorId: actor.id,
        actorName: actor.displayName,
        opinion: dto.reason.trim(),
        detail: { extensionId: row.id, previousDeadline: measure.deadline, requestedDeadline: dto.requestedDeadline },
      });
      await this.audit.record(
        {
          action: 'EXTENSION_REQUESTED',
          entityType: 'deadline_extension',
          entityId: row.id,
          after: { measureId, ...dto },
        },
        manager,
      );
      const notice = await this.reads.notice(manager, measureId);
      await this.notifications.notify(
        await this.reads.accountsToNotify(manager, { taskForce: true }),
        {
          kind: 'extension.requested',
          title: `延期申请待审批：${notice.label}`,
          body: `申请延期至 ${dto.requestedDeadline}。理由：${dto.reason.trim()}\n\n${notice.label} ${notice.excerpt}`,
          link: '/reviews',
        },
        manager,
      );
      return row.id;
    });
    return this.get(id, actor);
  }

  async decide(id: string, approve: boolean, dto: DecideExtensionDto, actor: Actor): Promise<ExtensionDto> {
    const version = requireVersion(dto.version);
    if (!approve && !dto.opinion?.trim()) {
      throw new AppError('VALIDATION_FAILED', '不同意延期须说明理由', { errors: { opinion: ['请填写不同意的理由'] } });
    }
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const extension = await this.extensions.lock(manager, id);
          if (!extension) throw new AppError('NOT_FOUND', '延期申请不存在');
          if (extension.version !== version) throw new StaleVersionError();
          if (extension.status !== 'pending') throw new AppError('TRANSITION_NOT_ALLOWED', '该延期申请已处理');
          const measure = await this.writes.lock(manager, extension.measure_id, scopeOf(actor));
          if (!measure) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
          const status = approve ? 'approved' : 'refused';
          await this.extensions.decide(manager, id, {
            status,
            decidedById: actor.id,
            decidedAt: this.clock.now(),
            opinion: dto.opinion?.trim() || null,
          });
          if (approve) await this.writes.setDeadline(manager, measure.id, extension.requested_deadline);
          await this.writes.insertEvent(manager, {
            measureId: measure.id,
            action: `extension_${status}`,
            unitId: extension.unit_id,
            actorId: actor.id,
            actorName: actor.displayName,
            opinion: dto.opinion?.trim() || null,
            detail: {
              extensionId: id,
              previousDeadline: measure.deadline,
              requestedDeadline: extension.requested_deadline,
            },
          });
          await this.audit.record(
            {
              action: approve ? 'EXTENSION_APPROVED' : 'EXTENSION_REFUSED',
              entityType: 'deadline_extension',
              entityId: id,
              before: { status: 'pending', deadline: measure.deadline },
              after: { status, deadline: approve ? extension.requested_deadline : measure.deadline },
            },
            manager,
          );
          const notice = await this.reads.notice(manager, measure.id);
          const opinion = dto.opinion?.trim();
          await this.notifications.notify(
            await this.reads.accountsToNotify(manager, { unitIds: [extension.unit_id] }),
            {
              kind: approve ? 'extension.approved' : 'extension.refused',
              title: `${approve ? '同意延期' : '不同意延期'}：${notice.label}`,
              body: [
                approve
                  ? `完成时限调整为 ${extension.requested_deadline}。`
                  : `完成时限仍为 ${measure.deadline ?? '—'}。`,
                opinion ? `意见：${opinion}` : null,
                `${notice.label} ${notice.excerpt}`,
              ]
                .filter(Boolean)
                .join('\n\n'),
              link: notice.link,
            },
            manager,
          );
        }),
      () => this.get(id, actor),
    );
    return this.get(id, actor);
  }

  async get(id: string, actor: Actor): Promise<ExtensionDto> {
    const { items } = await this.find({ id }, actor, { offset: 0, limit: 1 });
    if (items.length === 0) throw new AppError('NOT_FOUND', '延期申请不存在或无权查看');
    return items[0];
  }

  async listForMeasure(measureId: string, actor: Actor): Promise<ExtensionDto[]> {
    // a measure outside the caller's units answers 404, not an empty list
    await this.measures.get(measureId, actor);
    return (await this.find({ measureId }, actor, { offset: 0, limit: 200 })).items;
  }

  async list(query: ExtensionQueryDto, actor: Actor): Promise<Page<ExtensionDto>> {
    const { page, pageSize, offset } = pageWindow(query);
    const { items, total } = await this.find(query, actor, { offset, limit: pageSize });
    return { items, total, page, pageSize };
  }

  private async find(
    filter: ExtensionFilter,
    actor: Actor,
    window: { offset: number; limit: number },
  ): Promise<{ items: ExtensionDto[]; total: number }> {
    const { rows, total } = await this.extensions.find(filter, scopeOf(actor), window);
    return { items: rows.map(mapExtension), total };
  }
}
