import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { scopeOf } from '../../common/auth/access-scope.js';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import { pageWindow } from '../../common/http/pagination.js';
import type { Actor } from '../../common/http/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { DocumentsService, type RenderedFile } from '../documents/word/documents.service.js';
import { measureExcerpt } from '../measures/measure-ledger.js';
import { MeasureWritesRepository } from '../measures/measure-writes.repository.js';
import { MeasuresService } from '../measures/measures.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { refOf } from '../units/dto/ref.dto.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import type {
  CreateSupervisionOrderDto,
  OrderStatus,
  ReplySupervisionOrderDto,
  SupervisionOrderDto,
  SupervisionOrderPageDto,
  SupervisionOrderQueryDto,
} from './dto/supervision-order.dto.js';
import { SupervisionOrdersRepository, type OrderRow } from './supervision-orders.repository.js';

const STATUS_LABELS: Record<OrderStatus, string> = { open: '待回复', replied: '已回复', overdue: '逾期' };

/** 督办〔2024〕3号 */
export function orderNumber(year: number, seq: number): string {
  return `督办〔${year}〕${seq}号`;
}

// 督办单: an officer issues a formal, numbered order to a unit about its unfinished measures with a reply date; the
// unit answers once, with text and evidence. Both land in the measures' history, are audited and notified.
@Injectable()
export class SupervisionOrdersService {
  constructor(
    private readonly repository: SupervisionOrdersRepository,
    private readonly writes: MeasureWritesRepository,
    private readonly measures: MeasuresService,
    private readonly notifications: NotificationsService,
    private readonly webhooks: WebhooksService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly documents: DocumentsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The order as a GB/T 9704 Word document, for whoever may see it; audited. */
  async document(id: string, actor: Actor): Promise<RenderedFile> {
    const order = await this.get(id, actor);
    const day = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const file = await this.documents.order({
      number: order.number,
      unitName: order.unit.name,
      body: order.body,
      replyBy: order.replyBy,
      issuedOn: day(order.issuedAt),
      issuer: '整改专班',
      measures: order.measures.map((measure) => ({
        label: measure.label,
        text: measure.text,
        deadline: measure.deadline,
      })),
      reply:
        order.replyBody && order.repliedAt
          ? {
              body: order.replyBody,
              repliedOn: day(order.repliedAt),
              by: order.repliedBy?.name ?? null,
              evidence: order.replyAttachments.map((file) => file.name),
            }
          : null,
    });
    await this.audit.record({
      action: 'SUPERVISION_ORDER_EXPORTED',
      entityType: 'supervision_order',
      entityId: id,
      detail: { number: order.number },
    });
    return file;
  }

  async create(dto: CreateSupervisionOrderDto, actor: Actor): Promise<SupervisionOrderDto> {
    const today = this.clock.today();
    if (dto.replyBy < today) {
      throw new AppError('VALIDATION_FAILED', '回复期限不能早于今天', {
        errors: { replyBy: ['回复期限不能早于今天'] },
      });
    }
    const unitName = await this.repository.unitName(dto.unitId);
    if (!unitName)
      throw new AppError('VALIDATION_FAILED', '督办单位不存在', { errors: { unitId: ['单位不存在或已删除'] } });
    const ids = dto.measureIds.map((id) => id.toLowerCase());
    const year = Number(today.slice(0, 4));
    const { id, seq } = await this.dataSource.transaction(async (manager) => {
      const own = await this.repository.measuresOfUnit(manager, dto.unitId, ids);
      if (own.length !== ids.length) {
        const message = '所选措施须为该单位承担且尚未完成的措施';
        throw new AppError('VALIDATION_FAILED', message, { errors: { measureIds: [message] } });
      }
      const seq = await this.repository.nextNumber(manager, year);
      const id = await this.repository.insert(
        manager,
        { year, seq, unitId: dto.unitId, body: dto.body, replyBy: dto.replyBy, issuedById: actor.id },
        ids,
      );
      const number = orderNumber(year, seq);
      await this.writes.insertEvents(
        manager,
        ids.map((measureId) => ({
          measureId,
          action: 'order',
          unitId: dto.unitId,
          actorId: actor.id,
          actorName: actor.displayName,
          opinion: dto.body,
          detail: { orderId: id, number, replyBy: dto.replyBy },
        })),
      );
      await this.audit.record(
        {
          action: 'SUPERVISION_ORDER_ISSUED',
          entityType: 'supervision_order',
          entityId: id,
          after: { number, unitId: dto.unitId, measureIds: ids, replyBy: dto.replyBy },
        },
        manager,
      );
      await this.notifications.notify(
        await this.measures.unitAccountIds(manager, [dto.unitId]),
        {
          kind: 'order.issued',
          title: `督办单 ${number}：请于 ${dto.replyBy} 前回复`,
          body: `${dto.body}\n\n涉及 ${ids.length} 项整改措施。`,
          link: `/supervision-orders/${id}`,
        },
        manager,
      );
      return { id, seq };
    });
    const order = await this.get(id, actor);
    await this.webhooks.publish('order.issued', {
      occurredAt: this.clock.now().toISOString(),
      title: `督办单 ${orderNumber(year, seq)}：${unitName}，请于 ${dto.replyBy} 前回复`,
      message: dto.body,
      by: { id: actor.id, name: actor.displayName },
      link: `/supervision-orders/${id}`,
      measures: order.measures.map((measure) => ({
        id: measure.id,
        label: measure.label,
        problemTitle: '',
        excerpt: measureExcerpt(measure.text),
        units: [unitName],
      })),
    });
    return order;
  }

  async reply(id: string, dto: ReplySupervisionOrderDto, actor: Actor): Promise<SupervisionOrderDto> {
    // an order outside the caller's units answers 404
    const order = await this.get(id, actor);
    const attachmentIds = (dto.attachmentIds ?? []).map((value) => value.toLowerCase());
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.repository.lock(manager, id);
      if (!locked) throw new AppError('NOT_FOUND', '督办单不存在或无权查看');
      if (locked.repliedAt) throw new AppError('TRANSITION_NOT_ALLOWED', '该督办单已回复，不能重复回复');
      if (attachmentIds.length > 0) {
        const found = await this.repository.evidenceOfOrder(manager, id, attachmentIds);
        if (found.length !== attachmentIds.length) {
          const message = '所选佐证材料不存在、已删除或不属于督办单涉及的措施';
          throw new AppError('VALIDATION_FAILED', message, { errors: { attachmentIds: [message] } });
        }
      }
      await this.repository.saveReply(manager, id, {
        body: dto.body,
        attachmentIds,
        repliedById: actor.id,
        repliedAt: this.clock.now(),
      });
      await this.writes.insertEvents(
        manager,
        order.measures.map((measure) => ({
          measureId: measure.id,
          action: 'order_reply',
          unitId: order.unit.id,
          actorId: actor.id,
          actorName: actor.displayName,
          opinion: dto.body,
          attachmentIds,
          detail: { orderId: id, number: order.number },
        })),
      );
      await this.audit.record(
        {
          action: 'SUPERVISION_ORDER_REPLIED',
          entityType: 'supervision_order',
          entityId: id,
          after: { number: order.number, attachmentIds },
        },
        manager,
      );
      await this.notifications.notify(
        await this.measures.taskForceAccountIds(manager),
        {
          kind: 'order.replied',
          title: `${order.unit.name}已回复督办单 ${order.number}`,
          body: dto.body,
          link: `/supervision-orders/${id}`,
        },
        manager,
      );
    });
    return this.get(id, actor);
  }

  async get(id: string, actor: Actor): Promise<SupervisionOrderDto> {
    const { rows } = await this.repository.find({ id, today: this.clock.today() }, scopeOf(actor), {
      offset: 0,
      limit: 1,
    });
    if (rows.length === 0) throw new AppError('NOT_FOUND', '督办单不存在或无权查看');
    return this.toDto(rows[0]);
  }

  async list(query: SupervisionOrderQueryDto, actor: Actor): Promise<SupervisionOrderPageDto> {
    const { page, pageSize, offset } = pageWindow(query);
    const { rows, total } = await this.repository.find(
      { status: query.status, unitId: query.unitId, today: this.clock.today() },
      scopeOf(actor),
      { offset, limit: pageSize },
    );
    return { items: rows.map((row) => this.toDto(row)), total, page, pageSize };
  }

  private toDto(row: OrderRow): SupervisionOrderDto {
    const status: OrderStatus = row.repliedAt ? 'replied' : row.replyBy < this.clock.today() ? 'overdue' : 'open';
    return {
      id: row.id,
      number: orderNumber(row.year, row.seq),
      year: row.year,
      seq: row.seq,
      unit: { id: row.unitId, name: row.unitName },
      body: row.body,
      replyBy: row.replyBy,
      status,
      statusLabel: STATUS_LABELS[status],
      issuedBy: refOf(row.issuedById, row.issuedByName),
      issuedAt: new Date(row.issuedAt).toISOString(),
      replyBody: row.replyBody,
      replyAttachmentIds: row.replyAttachmentIds,
      replyAttachments: row.replyAttachments.map((file) => ({ ...file, size: Number(file.size) })),
      repliedBy: refOf(row.repliedById, row.repliedByName),
      repliedAt: row.repliedAt ? new Date(row.repliedAt).toISOString() : null,
      measures: row.measures.map((measure) => ({ ...measure, text: measure.text })),
      version: row.version,
    };
  }
}
