import { refOf } from '../units/dto/ref.dto.js';
import type { AttachmentRow } from './attachments.repository.js';
import type { AttachmentDto } from './dto/attachment.dto.js';

export function mapAttachment(row: AttachmentRow): AttachmentDto {
  return {
    id: row.id,
    measureId: row.measureId,
    name: row.name,
    size: Number(row.size),
    sha256: row.sha256,
    mimeType: row.mimeType,
    kind: row.kind,
    unit: refOf(row.unitId, row.unitName),
    uploadedBy: refOf(row.uploadedById, row.uploadedByName),
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
