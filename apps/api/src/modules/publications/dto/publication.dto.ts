import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { RefDto } from '../../units/dto/ref.dto.js';

export const PUBLICATION_STATUSES = ['draft', 'published', 'withdrawn'] as const;

export class MaskReplacementDto {
  @ApiProperty({ enum: ['name', 'term'] }) kind: 'name' | 'term';
  @ApiPropertyOptional({ description: 'the masked text: only in a draft, and only for the task force' })
  original?: string;
  @ApiProperty() replacement: string;
  @ApiProperty() count: number;
}

export class PublicationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) inspectionId: string;
  @ApiProperty({ enum: PUBLICATION_STATUSES }) status: 'draft' | 'published' | 'withdrawn';
  @ApiProperty({ description: '草稿 / 公开中 / 已撤回' }) statusLabel: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'the notice body, paragraphs separated by blank lines' }) text: string;
  @ApiProperty({ description: 'how many places were masked when the draft was generated' }) maskedCount: number;
  @ApiProperty({ type: [MaskReplacementDto] }) replacements: MaskReplacementDto[];
  @ApiProperty({ type: String, nullable: true }) issuer: string | null;
  @ApiProperty({ type: String, format: 'date' }) publicityFrom: string;
  @ApiProperty({ type: String, format: 'date' }) publicityTo: string;
  @ApiProperty({ type: String, nullable: true }) contactPhone: string | null;
  @ApiProperty({ type: String, nullable: true }) contactHours: string | null;
  @ApiProperty({ type: String, nullable: true }) contactEmail: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the public handle, once published' }) slug: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: RefDto, nullable: true }) publishedBy: RefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt: string | null;
  @ApiProperty({ type: RefDto, nullable: true }) withdrawnBy: RefDto | null;
  @ApiProperty({ type: String, nullable: true }) withdrawReason: string | null;
  @ApiProperty({ type: RefDto, nullable: true }) createdBy: RefDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'opinions received' }) feedbackCount: number;
  @ApiProperty({ description: 'opinions not yet handled' }) unreadFeedbackCount: number;
  @ApiProperty() version: number;
}

/** A publication in a list: without its text and masking details. */
export class PublicationSummaryDto extends OmitType(PublicationDto, ['text', 'replacements'] as const) {}

export class PublicationListDto {
  @ApiProperty({ type: [PublicationSummaryDto] }) items: PublicationSummaryDto[];
}

export class FeedbackDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) publicationId: string;
  @ApiProperty() content: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) contact: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt: string;
  @ApiProperty() handled: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) handledAt: string | null;
  @ApiProperty({ type: RefDto, nullable: true }) handledBy: RefDto | null;
  @ApiProperty({ type: String, nullable: true }) replyNote: string | null;
  @ApiProperty() version: number;
}

export class FeedbackPageDto {
  @ApiProperty({ type: [FeedbackDto] }) items: FeedbackDto[];
  @ApiProperty() total: number;
  @ApiProperty({ description: 'opinions of this notice not yet handled, whatever the filter' }) unread: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class FeedbackUnreadDto {
  @ApiProperty({ description: 'opinions of the public not yet handled, over every notice still on record' })
  unread: number;
}

/** The public page: exactly these fields, nothing internal. */
export class PublicNoticeDto {
  @ApiProperty() title: string;
  @ApiProperty({ description: 'paragraphs separated by blank lines' }) text: string;
  @ApiProperty({ type: String, nullable: true }) issuer: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: String, format: 'date' }) publicityFrom: string;
  @ApiProperty({ type: String, format: 'date' }) publicityTo: string;
  @ApiProperty({ type: String, nullable: true }) contactPhone: string | null;
  @ApiProperty({ type: String, nullable: true }) contactHours: string | null;
  @ApiProperty({ type: String, nullable: true }) contactEmail: string | null;
  @ApiProperty({ description: 'whether opinions are accepted today (China calendar date within the publicity period)' })
  feedbackOpen: boolean;
}

export class FeedbackReceivedDto {
  @ApiProperty({ enum: [true] }) received: true;
}
