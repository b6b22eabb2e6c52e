import { Injectable, Logger, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { isMeasureDone } from '@zhenggai/domain';
import { Clock } from '../../common/clock.js';
import { toErrorBody } from '../../common/errors/all-exceptions.filter.js';
import { AppError } from '../../common/errors/app-error.js';
import { pageWindow, type PageQueryDto } from '../../common/http/pagination.js';
import type { Actor } from '../../common/http/request-context.js';
import { AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import type { MeasureDto } from '../measures/dto/measure.dto.js';
import { MeasuresService } from '../measures/measures.service.js';
import { mapAttachment } from './attachments.mapper.js';
import { AttachmentsRepository, type AttachmentRow } from './attachments.repository.js';
import type { AttachmentDto, AttachmentKind, AttachmentPageDto } from './dto/attachment.dto.js';
import { EvidenceStorage, newStorageKey } from './evidence-storage.js';
import { detectEvidenceType } from './evidence-type.js';
import { contentDisposition, nameForContent, sanitiseFileName } from './file-name.js';
import { fileTooLarge } from './upload-errors.interceptor.js';

/** The part of a multer file the service reads (memory storage). */
export interface UploadedEvidence {
  originalname: string;
  buffer: Buffer;
  size: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND_MESSAGE = '佐证材料不存在或无权查看';

function isOfficer(actor: Actor): boolean {
  return actor.roles.includes('task_force_officer');
}

// Evidence files (佐证材料) of measures: upload, list, download and soft delete, scoped like the measure itself.
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger('Attachments');

  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly measures: MeasuresService,
    private readonly storage: EvidenceStorage,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async upload(
    measureId: string,
    file: UploadedEvidence | undefined,
    kind: AttachmentKind | undefined,
    actor: Actor,
  ): Promise<AttachmentDto> {
    const measure = await this.measures.get(measureId, actor);
    const unitId = this.uploadingUnit(measure, actor);
    if (measure.status === 'completed') {
      throw new AppError('TRANSITION_NOT_ALLOWED', '整改措施已完成销号，不能再上传佐证材料');
    }
    if (!file)
      throw new AppError('VALIDATION_FAILED', '请选择要上传的文件', { errors: { file: ['请选择要上传的文件'] } });
    if (file.size === 0)
      throw new AppError('VALIDATION_FAILED', '文件内容为空', { errors: { file: ['文件内容为空'] } });
    if (file.size > this.config.UPLOAD_MAX_BYTES) throw fileTooLarge(this.config.UPLOAD_MAX_BYTES);

    const type = await detectEvidenceType(file.buffer, file.originalname, this.config.UPLOAD_MAX_UNPACKED_BYTES);
    // checked before the bytes are written, and again under the measure's lock
    await this.assertRoomFor(measureId);

    const name = nameForContent(sanitiseFileName(file.originalname), type.extensions);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const storageKey = newStorageKey();
    await this.storage.put(storageKey, file.buffer);
    try {
      const row = await this.dataSource.transaction(async (manager) => {
        const status = await this.attachments.lockMeasure(measureId, true, manager);
        if (status === null) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
        if (status === 'completed')
          throw new AppError('TRANSITION_NOT_ALLOWED', '整改措施已完成销号，不能再上传佐证材料');
        await this.assertRoomFor(measureId, manager);
        const id = await this.attachments.insert(
          {
            measureId,
            unitId,
            name,
            mimeType: type.mime,
            size: file.size,
            sha256,
            storageKey,
            kind: kind ?? 'document',
            uploadedById: actor.id,
            createdAt: this.clock.now(),
          },
          manager,
        );
        const created = (await this.attachments.findLive(id, manager))!;
        await this.audit.record(
          { action: 'ATTACHMENT_UPLOADED', entityType: 'attachment', entityId: id, after: auditView(created) },
          manager,
        );
        return created;
      });
      return mapAttachment(row);
    } catch (error) {
      // no row points at the bytes: remove them rather than leave an orphan in storage
      await this.storage.remove(storageKey).catch((removeError: unknown) => this.logger.error(removeError));
      throw error;
    }
  }

  async listForMeasure(measureId: string, query: PageQueryDto, actor: Actor): Promise<AttachmentPageDto> {
    await this.measures.get(measureId, actor);
    const { page, pageSize, offset } = pageWindow(query);
    const { rows, total } = await this.attachments.findPageForMeasure(measureId, { offset, limit: pageSize });
    return { items: rows.map(mapAttachment), total, page, pageSize };
  }

  async download(id: string, actor: Actor): Promise<StreamableFile> {
    const row = await this.findVisible(id, actor);
    await this.audit.record({
      action: 'ATTACHMENT_DOWNLOADED',
      entityType: 'attachment',
      entityId: row.id,
      detail: { measureId: row.measureId },
    });
    const stream = this.storage.open(row.storageKey);
    return new StreamableFile(stream, {
      type: row.mimeType,
      disposition: contentDisposition(row.name),
      length: Number(row.size),
    }).setErrorHandler((error, response) => this.answerStreamError(error, response as Response, row));
  }

  async remove(id: string, actor: Actor): Promise<void> {
    const row = await this.findVisible(id, actor);
    if (!isOfficer(actor) && (!actor.unitId || row.unitId !== actor.unitId || row.uploaderUnitId !== actor.unitId)) {
      throw new AppError('FORBIDDEN', '只能删除本单位上传的佐证材料');
    }
    await this.dataSource.transaction(async (manager) => {
      const status = await this.attachments.lockMeasure(row.measureId, false, manager);
      if (status === null) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
      if (!isOfficer(actor) && isMeasureDone(status)) {
        throw new AppError('TRANSITION_NOT_ALLOWED', '整改措施已销号，佐证材料不能再删除');
      }
      if (!(await this.attachments.softDelete(row.id, this.clock.now(), manager)))
        throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
      await this.audit.record(
        { action: 'ATTACHMENT_DELETED', entityType: 'attachment', entityId: row.id, before: auditView(row) },
        manager,
      );
    });
  }

  /**
   * Throws 400 VALIDATION_FAILED unless every id names a live attachment of the measure. Pass the transaction's
   * manager: the rows are then share-locked, so they cannot be deleted before the caller commits.
   */
  async assertUsableAsEvidence(ids: string[], measureId: string, manager?: EntityManager): Promise<void> {
    const unique = [...new Set(ids.map((id) => String(id).toLowerCase()))];
    const malformed = unique.filter((id) => !UUID.test(id));
    const found = new Set(
      unique.length > malformed.length
        ? await this.attachments.findLiveIdsOfMeasure(
            unique.filter((id) => UUID.test(id)),
            measureId,
            manager,
          )
        : [],
    );
    if (unique.some((id) => !found.has(id))) {
      const message = '所选佐证材料不存在、已删除或不属于该整改措施，请刷新后重新选择';
      throw new AppError('VALIDATION_FAILED', message, { errors: { attachmentIds: [message] } });
    }
  }

  // unit accounts upload for their own unit, and only to a measure assigned to it; officers file under the lead unit
  private uploadingUnit(measure: MeasureDto, actor: Actor): string | null {
    if (isOfficer(actor)) return measure.leadUnit?.id ?? measure.units.find((unit) => unit.role === 'lead')?.id ?? null;
    if (!actor.unitId || !measure.units.some((unit) => unit.id === actor.unitId)) {
      throw new AppError('FORBIDDEN', '只能为本单位承担的整改措施上传佐证材料');
    }
    return actor.unitId;
  }

  private async assertRoomFor(measureId: string, manager?: EntityManager): Promise<void> {
    const max = this.config.UPLOAD_MAX_FILES_PER_MEASURE;
    if ((await this.attachments.countLiveForMeasure(measureId, manager)) >= max) {
      throw new AppError('TOO_MANY_FILES', `每项整改措施最多上传 ${max} 个佐证材料，请删除不需要的文件后再上传`);
    }
  }

  /** The live attachment, when its measure is within the caller's scope; 404 otherwise, whichever the reason. */
  private async findVisible(id: string, actor: Actor): Promise<AttachmentRow> {
    const row = await this.attachments.findLive(id);
    if (!row) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
    try {
      await this.measures.get(row.measureId, actor);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
      throw error;
    }
    return row;
  }

  // the bytes are missing from storage although the row is live: a coded 404 when nothing was sent yet
  private answerStreamError(error: Error, response: Response, row: AttachmentRow): void {
    this.logger.error({ err: error, attachmentId: row.id }, 'evidence file unreadable');
    if (response.destroyed) return;
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const { status, body } = toErrorBody(new AppError('NOT_FOUND', '文件已丢失，请联系整改专班'));
    response.removeHeader('Content-Disposition');
    response.removeHeader('Content-Length');
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.status(status).send(JSON.stringify(body));
  }
}

function auditView(row: AttachmentRow): Record<string, unknown> {
  return {
    id: row.id,
    measureId: row.measureId,
    name: row.name,
    size: Number(row.size),
    sha256: row.sha256,
    mimeType: row.mimeType,
    kind: row.kind,
    unitId: row.unitId,
  };
}
