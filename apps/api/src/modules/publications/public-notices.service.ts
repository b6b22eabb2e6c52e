import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import type { SubmitFeedbackDto } from './dto/publication-write.dto.js';
import type { FeedbackReceivedDto, PublicNoticeDto } from './dto/publication.dto.js';
import { mapPublicNotice } from './publications.mapper.js';
import { PublicationsRepository } from './publications.repository.js';

// base64url of 16 bytes: anything else names nothing, and is answered without a query
const SLUG = /^[A-Za-z0-9_-]{22}$/;
const NOT_FOUND = () => new AppError('NOT_FOUND', '通报不存在或已停止公开');

export interface SenderMeta {
  ip: string | null;
  userAgent: string | null;
}

// The public side of a notice: the page anyone may read while it is published, and the opinions anyone may send
// during its publicity period. Nothing here knows or needs a session.
@Injectable()
export class PublicNoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PublicationsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The publicity period covers today's China calendar date, both ends included. */
  private isOpen(period: { publicityFrom: string; publicityTo: string }): boolean {
    const today = this.clock.today();
    return period.publicityFrom <= today && today <= period.publicityTo;
  }

  async notice(slug: string): Promise<PublicNoticeDto> {
    if (!SLUG.test(slug)) throw NOT_FOUND();
    const row = await this.repository.findPublicNotice(slug);
    if (!row) throw NOT_FOUND();
    return mapPublicNotice(row, this.isOpen(row));
  }

  async submitFeedback(slug: string, dto: SubmitFeedbackDto, sender: SenderMeta): Promise<FeedbackReceivedDto> {
    if (!SLUG.test(slug)) throw NOT_FOUND();
    await this.dataSource.transaction(async (manager) => {
      const notice = await this.repository.sharePublishedNotice(manager, slug);
      if (!notice) throw NOT_FOUND();
      if (!this.isOpen(notice)) {
        throw new AppError(
          'FEEDBACK_CLOSED',
          `公开期限为 ${notice.publicityFrom} 至 ${notice.publicityTo}，当前不在公开期限内，暂不受理意见建议`,
        );
      }
      const id = await this.repository.insertFeedback(manager, {
        publicationId: notice.id,
        content: dto.content,
        name: dto.name?.trim() || null,
        contact: dto.contact?.trim() || null,
        ip: sender.ip?.slice(0, 64) ?? null,
        userAgent: sender.userAgent?.slice(0, 300) || null,
        receivedAt: this.clock.now(),
      });
      // no account acts here, whatever cookie the browser sent; the content and the sender stay out of the audit
      await this.audit.record(
        {
          action: 'FEEDBACK_RECEIVED',
          entityType: 'publication_feedback',
          entityId: id,
          actor: null,
          detail: { publicationId: notice.id, length: dto.content.length, named: Boolean(dto.name?.trim()) },
        },
        manager,
      );
    });
    return { received: true };
  }
}
