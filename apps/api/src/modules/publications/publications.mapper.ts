import { refOf } from '../units/dto/ref.dto.js';
import { withoutOriginals } from './masking.js';
import type { FeedbackDto, PublicationDto, PublicationSummaryDto, PublicNoticeDto } from './dto/publication.dto.js';
import type { FeedbackRow, PublicationRow, PublicNoticeRow } from './publications.repository.js';

const STATUS_LABELS = { draft: '草稿', published: '公开中', withdrawn: '已撤回' } as const;

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

export function mapPublicationSummary(row: Omit<PublicationRow, 'text' | 'replacements'>): PublicationSummaryDto {
  return {
    id: row.id,
    inspectionId: row.inspectionId,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    title: row.title,
    maskedCount: row.maskedCount,
    issuer: row.issuer,
    publicityFrom: row.publicityFrom,
    publicityTo: row.publicityTo,
    contactPhone: row.contactPhone,
    contactHours: row.contactHours,
    contactEmail: row.contactEmail,
    slug: row.slug,
    publishedAt: iso(row.publishedAt),
    publishedBy: refOf(row.publishedById, row.publishedByName),
    withdrawnAt: iso(row.withdrawnAt),
    withdrawnBy: refOf(row.withdrawnById, row.withdrawnByName),
    withdrawReason: row.withdrawReason,
    createdBy: refOf(row.createdById, row.createdByName),
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    feedbackCount: row.feedbackCount,
    unreadFeedbackCount: row.unreadFeedbackCount,
    version: row.version,
  };
}

/** `showOriginals`: the masked originals, for the task force while the publication is a draft. */
export function mapPublication(row: PublicationRow, showOriginals: boolean): PublicationDto {
  return {
    ...mapPublicationSummary(row),
    text: row.text,
    replacements: showOriginals && row.status === 'draft' ? row.replacements : withoutOriginals(row.replacements),
  };
}

/** Only what the public page shows: no ids, no originals, nothing about who did what. */
export function mapPublicNotice(row: PublicNoticeRow, feedbackOpen: boolean): PublicNoticeDto {
  return {
    title: row.title,
    text: row.text,
    issuer: row.issuer,
    publishedAt: iso(row.publishedAt)!,
    publicityFrom: row.publicityFrom,
    publicityTo: row.publicityTo,
    contactPhone: row.contactPhone,
    contactHours: row.contactHours,
    contactEmail: row.contactEmail,
    feedbackOpen,
  };
}

export function mapFeedback(row: FeedbackRow): FeedbackDto {
  return {
    id: row.id,
    publicationId: row.publicationId,
    content: row.content,
    name: row.name,
    contact: row.contact,
    receivedAt: iso(row.receivedAt)!,
    handled: row.handledAt !== null,
    handledAt: iso(row.handledAt),
    handledBy: refOf(row.handledById, row.handledByName),
    replyNote: row.replyNote,
    version: row.version,
  };
}
