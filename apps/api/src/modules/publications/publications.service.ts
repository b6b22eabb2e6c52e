import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { addDays } from '@zhenggai/domain';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import { pageWindow } from '../../common/http/pagination.js';
import type { Actor } from '../../common/http/request-context.js';
import { StaleVersionError, requireVersion, withConflictState } from '../../common/versioned-update.js';
import { AuditService } from '../audit/audit.service.js';
import { DocumentsService, type InspectionDocRow } from '../documents/word/documents.service.js';
import type {
  CreatePublicationDto,
  FeedbackQueryDto,
  HandleFeedbackDto,
  PublishPublicationDto,
  UpdatePublicationDto,
  WithdrawPublicationDto,
} from './dto/publication-write.dto.js';
import type {
  FeedbackDto,
  FeedbackPageDto,
  FeedbackUnreadDto,
  PublicationDto,
  PublicationListDto,
} from './dto/publication.dto.js';
import { maskText, withoutOriginals } from './masking.js';
import { withPublicityPeriod } from './publicity-sentence.js';
import { mapFeedback, mapPublication, mapPublicationSummary } from './publications.mapper.js';
import { PublicationsRepository, type LockedPublication } from './publications.repository.js';

const DEFAULT_PUBLICITY_DAYS = 21;

// PATCH field → column
const EDITABLE = {
  title: 'title',
  text: 'text',
  publicityFrom: 'publicity_from',
  publicityTo: 'publicity_to',
  contactPhone: 'contact_phone',
  contactHours: 'contact_hours',
  contactEmail: 'contact_email',
} as const;
type Editable = keyof typeof EDITABLE;

const isOfficer = (actor: Actor) => actor.roles.includes('task_force_officer');

/** The generated notice as text: its first paragraph is the title, the rest the body. */
function splitTitle(text: string): { title: string; body: string } {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  const end = normalised.indexOf('\n');
  if (end < 0) return { title: normalised, body: '' };
  return { title: normalised.slice(0, end).trim(), body: normalised.slice(end).trim() };
}

function periodErrors(from: string, to: string): void {
  if (from > to) {
    throw new AppError('VALIDATION_FAILED', '公开期限的结束日期不能早于开始日期', {
      errors: { publicityTo: ['不能早于开始日期'] },
    });
  }
}

// Public notices (通报) of the task force: a draft generated from live data by the documents module and masked,
// edited, published under an unguessable slug for its publicity period, or withdrawn; and the inbox of the
// opinions the public sent about it.
@Injectable()
export class PublicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PublicationsRepository,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private inspection(id: string): Promise<InspectionDocRow> {
    return this.documents.inspection(id);
  }

  /** The inspection's publicity period while it is complete and not over; else from today for 21 days. */
  private defaultPeriod(inspection: InspectionDocRow): { from: string; to: string } {
    const today = this.clock.today();
    const { publicityFrom: from, publicityTo: to } = inspection;
    if (from && to && from <= to && to >= today) return { from, to };
    return { from: today, to: addDays(today, DEFAULT_PUBLICITY_DAYS) };
  }

  async create(inspectionId: string, dto: CreatePublicationDto, actor: Actor): Promise<PublicationDto> {
    const inspection = await this.inspection(inspectionId);
    // the same generator as GET …/exports/notice.txt, so the published text and the export never drift apart
    const rendered = await this.documents.notice(inspectionId, { organisation: dto.organisationText }, 'txt');
    const names = dto.maskPersonNames === false ? [] : await this.repository.knownPersonNames();
    const masked = maskText(rendered.body.toString('utf8'), { names, terms: dto.maskedTerms ?? [] });
    const { title, body } = splitTitle(masked.text);
    const period = this.defaultPeriod(inspection);
    const id = await this.dataSource.transaction(async (manager) => {
      const id = await this.repository.insertPublication(manager, {
        inspectionId,
        title: title.slice(0, 500),
        text: withPublicityPeriod(body, period.from, period.to),
        replacements: masked.replacements,
        maskedCount: masked.maskedCount,
        issuer: inspection.issuer,
        publicityFrom: period.from,
        publicityTo: period.to,
        contactPhone: inspection.contactPhone,
        contactHours: inspection.contactHours,
        contactEmail: inspection.contactEmail,
        createdById: actor.id,
      });
      // the masked originals are personal data: the audit keeps counts only
      await this.audit.record(
        {
          action: 'PUBLICATION_CREATED',
          entityType: 'publication',
          entityId: id,
          after: { inspectionId, publicityFrom: period.from, publicityTo: period.to },
          detail: {
            maskPersonNames: dto.maskPersonNames !== false,
            maskedTerms: dto.maskedTerms?.length ?? 0,
            maskedCount: masked.maskedCount,
            organisationGiven: Boolean(dto.organisationText?.trim()),
          },
        },
        manager,
      );
      return id;
    });
    return this.get(id, actor);
  }

  async get(id: string, actor: Actor): Promise<PublicationDto> {
    const row = await this.repository.findPublication(id);
    if (!row) throw new AppError('NOT_FOUND', '通报不存在或无权查看');
    return mapPublication(row, isOfficer(actor));
  }

  async list(inspectionId: string): Promise<PublicationListDto> {
    await this.inspection(inspectionId);
    return { items: (await this.repository.listPublications(inspectionId)).map(mapPublicationSummary) };
  }

  async update(id: string, dto: UpdatePublicationDto, actor: Actor): Promise<PublicationDto> {
    const version = requireVersion(dto.version);
    const fields = (Object.keys(EDITABLE) as Editable[]).filter((field) => dto[field] !== undefined);
    if (fields.length === 0) throw new AppError('VALIDATION_FAILED', '没有要修改的内容');
    await this.transition(id, version, actor, async (manager, current) => {
      if (current.status !== 'draft') throw new AppError('TRANSITION_NOT_ALLOWED', '只能修改草稿状态的通报');
      const from = dto.publicityFrom ?? current.publicity_from;
      const to = dto.publicityTo ?? current.publicity_to;
      periodErrors(from, to);
      const before: Record<Editable, unknown> = {
        title: current.title,
        text: current.text,
        publicityFrom: current.publicity_from,
        publicityTo: current.publicity_to,
        contactPhone: current.contact_phone,
        contactHours: current.contact_hours,
        contactEmail: current.contact_email,
      };
      const after: Partial<Record<Editable, unknown>> = {};
      for (const field of fields) {
        const given = dto[field];
        // optional contact details may be cleared with an empty string
        after[field] = typeof given === 'string' && field.startsWith('contact') ? given.trim() || null : given;
      }
      // the text states the period: a new period (or a new text) keeps the two in agreement
      const text = withPublicityPeriod(dto.text ?? current.text, from, to);
      if (text !== current.text) after.text = text;
      const changed = Object.keys(after) as Editable[];
      await this.repository.updatePublication(
        manager,
        id,
        Object.fromEntries(changed.map((field) => [EDITABLE[field], after[field]])),
      );
      // the text can run to tens of thousands of characters: the audit keeps its length
      const shown = (source: Partial<Record<Editable, unknown>>) =>
        Object.fromEntries(
          changed.map((field) =>
            field === 'text' ? ['textLength', String(source.text ?? '').length] : [field, source[field] ?? null],
          ),
        );
      await this.audit.record(
        {
          action: 'PUBLICATION_UPDATED',
          entityType: 'publication',
          entityId: id,
          before: shown(before),
          after: shown(after),
        },
        manager,
      );
    });
    return this.get(id, actor);
  }

  async publish(id: string, dto: PublishPublicationDto, actor: Actor): Promise<PublicationDto> {
    const version = requireVersion(dto.version);
    await this.transition(id, version, actor, async (manager, current) => {
      if (current.status !== 'draft') throw new AppError('TRANSITION_NOT_ALLOWED', '只能发布草稿状态的通报');
      periodErrors(current.publicity_from, current.publicity_to);
      if (current.publicity_to < this.clock.today()) {
        throw new AppError('VALIDATION_FAILED', '公开期限已结束，请先修改公开期限', {
          errors: { publicityTo: ['不能早于今天'] },
        });
      }
      const publishedAt = this.clock.now();
      // 128 random bits: the public address cannot be guessed from ids or dates
      const slug = randomBytes(16).toString('base64url');
      await this.repository.updatePublication(manager, id, {
        status: 'published',
        slug,
        published_at: publishedAt,
        published_by_id: actor.id,
        // the originals were for the review of the draft only
        replacements: JSON.stringify(withoutOriginals(current.replacements)),
      });
      await this.audit.record(
        {
          action: 'PUBLICATION_PUBLISHED',
          entityType: 'publication',
          entityId: id,
          before: { status: 'draft' },
          after: {
            status: 'published',
            publishedAt: publishedAt.toISOString(),
            publicityFrom: current.publicity_from,
            publicityTo: current.publicity_to,
          },
        },
        manager,
      );
    });
    return this.get(id, actor);
  }

  async withdraw(id: string, dto: WithdrawPublicationDto, actor: Actor): Promise<PublicationDto> {
    const version = requireVersion(dto.version);
    await this.transition(id, version, actor, async (manager, current) => {
      if (current.status === 'withdrawn') throw new AppError('TRANSITION_NOT_ALLOWED', '通报已撤回');
      const withdrawnAt = this.clock.now();
      await this.repository.updatePublication(manager, id, {
        status: 'withdrawn',
        withdrawn_at: withdrawnAt,
        withdrawn_by_id: actor.id,
        withdraw_reason: dto.reason,
        replacements: JSON.stringify(withoutOriginals(current.replacements)),
      });
      await this.audit.record(
        {
          action: 'PUBLICATION_WITHDRAWN',
          entityType: 'publication',
          entityId: id,
          before: { status: current.status },
          after: { status: 'withdrawn', withdrawnAt: withdrawnAt.toISOString() },
          detail: { reason: dto.reason },
        },
        manager,
      );
    });
    return this.get(id, actor);
  }

  /** Locks the row, checks the version, runs the step; a stale version answers 409 with the current state. */
  private async transition(
    id: string,
    version: number,
    actor: Actor,
    step: (manager: EntityManager, current: LockedPublication) => Promise<void>,
  ): Promise<void> {
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const current = await this.repository.lockPublication(manager, id);
          if (!current) throw new AppError('NOT_FOUND', '通报不存在或无权查看');
          if (current.version !== version) throw new StaleVersionError();
          await step(manager, current);
        }),
      () => this.get(id, actor),
    );
  }

  async unreadFeedback(): Promise<FeedbackUnreadDto> {
    return { unread: await this.repository.countUnreadFeedback() };
  }

  async feedback(publicationId: string, query: FeedbackQueryDto): Promise<FeedbackPageDto> {
    if (!(await this.repository.findPublication(publicationId))) {
      throw new AppError('NOT_FOUND', '通报不存在或无权查看');
    }
    const { page, pageSize, offset } = pageWindow(query);
    const { items, total, unread } = await this.repository.findFeedbackPage(
      publicationId,
      { unread: query.unread === true },
      { offset, limit: pageSize },
    );
    return { items: items.map(mapFeedback), total, unread, page, pageSize };
  }

  async handleFeedback(id: string, dto: HandleFeedbackDto, actor: Actor): Promise<FeedbackDto> {
    const version = requireVersion(dto.version);
    const current = async () => {
      const row = await this.repository.findFeedback(id);
      if (!row) throw new AppError('NOT_FOUND', '意见建议不存在');
      return mapFeedback(row);
    };
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const feedback = await this.repository.lockFeedback(manager, id);
          if (!feedback) throw new AppError('NOT_FOUND', '意见建议不存在');
          if (feedback.version !== version) throw new StaleVersionError();
          if (feedback.handledAt) throw new AppError('TRANSITION_NOT_ALLOWED', '该意见建议已处理');
          const replyNote = dto.replyNote?.trim() || null;
          await this.repository.markFeedbackHandled(manager, id, {
            handledAt: this.clock.now(),
            handledById: actor.id,
            replyNote,
          });
          await this.audit.record(
            {
              action: 'FEEDBACK_HANDLED',
              entityType: 'publication_feedback',
              entityId: id,
              after: { publicationId: feedback.publicationId, replyNote },
            },
            manager,
          );
        }),
      current,
    );
    return current();
  }
}
