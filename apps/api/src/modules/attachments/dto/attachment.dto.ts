import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { RefDto } from '../../units/dto/ref.dto.js';

export const ATTACHMENT_KINDS = ['document', 'minutes', 'photo', 'ledger', 'rule'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) measureId: string;
  @ApiProperty({ example: '整改工作会议纪要.pdf', description: 'the file name as uploaded, sanitised (display only)' })
  name: string;
  @ApiProperty({ description: 'bytes' }) size: number;
  @ApiProperty({
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    description: 'SHA-256 of the content, hex',
  })
  sha256: string;
  @ApiProperty({
    example: 'application/pdf',
    description: 'the type recognised from the content, not the one the client sent',
  })
  mimeType: string;
  @ApiProperty({
    enum: ATTACHMENT_KINDS,
    enumName: 'AttachmentKind',
    description: '文件材料 / 会议纪要 / 照片 / 台账 / 制度',
  })
  kind: string;
  @ApiProperty({ type: RefDto, nullable: true, description: 'the unit the evidence is for' }) unit: RefDto | null;
  @ApiProperty({ type: RefDto, nullable: true, description: 'the account that uploaded it' }) uploadedBy: RefDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class AttachmentPageDto {
  @ApiProperty({ type: [AttachmentDto] }) items: AttachmentDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

/** The text fields of the multipart upload (the file itself is the `file` part). */
export class UploadAttachmentDto {
  @ApiPropertyOptional({ enum: ATTACHMENT_KINDS, enumName: 'AttachmentKind', default: 'document' })
  @IsOptional()
  @IsIn(ATTACHMENT_KINDS)
  kind?: AttachmentKind;
}
