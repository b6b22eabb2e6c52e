import { checkInspectionPeriods, type InspectionPeriods } from '@zhenggai/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import { SqlParams } from '../../common/sql.js';
import {
  StaleVersionError,
  requireVersion,
  updateIfVersion,
  withConflictState,
} from '../../common/versioned-update.js';
import { AuditService } from '../audit/audit.service.js';
import type {
  CategoryDto,
  CreateCategoryDto,
  CreateInspectionDto,
  UpdateCategoryDto,
  UpdateInspectionDto,
} from './dto/inspection-write.dto.js';
import type { InspectionDto } from './dto/inspection.dto.js';
import { InspectionsService } from './inspections.service.js';

const COLUMNS: Record<keyof CreateInspectionDto, string> = {
  title: 'title',
  kind: 'kind',
  issuer: 'issuer',
  level: 'level',
  term: 'term',
  issuingCommittee: 'issuing_committee',
  round: 'round',
  group: 'inspection_group',
  inspectionType: 'inspection_type',
  target: 'target',
  onSiteFrom: 'on_site_from',
  onSiteTo: 'on_site_to',
  feedbackDate: 'feedback_date',
  planDueDate: 'plan_due_date',
  rectificationEnd: 'rectification_end',
  reportDue: 'report_due',
  publishedAt: 'published_at',
  publicityFrom: 'publicity_from',
  publicityTo: 'publicity_to',
  contactPhone: 'contact_phone',
  contactHours: 'contact_hours',
  contactEmail: 'contact_email',
  contactAddress: 'contact_address',
  yellowDays: 'yellow_days',
};

function checkPeriods(dates: InspectionPeriods): void {
  const errors = checkInspectionPeriods(dates);
  if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', undefined, { errors });
}

const REQUIRED: ReadonlySet<string> = new Set(['title', 'kind', 'yellowDays']);
const REQUIRED_MESSAGES: Record<string, string> = {
  title: '标题不能为空',
  kind: '类型不能为空',
  yellowDays: '黄灯提前天数不能为空',
};

/** Texts are trimmed; an empty text or null clears an optional field; a required field cannot be cleared. */
function normalizeUpdate(dto: UpdateInspectionDto): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string[]> = {};
  for (const key of Object.keys(COLUMNS)) {
    let value = (dto as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (typeof value === 'string') value = value.trim();
    if (value === '' || value === null) {
      if (REQUIRED.has(key)) errors[key] = [REQUIRED_MESSAGES[key]];
      else values[key] = null;
      continue;
    }
    values[key] = value;
  }
  if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', undefined, { errors });
  return values;
}

// Inspections (巡视/巡察 rounds) and their categories (方面), written by the task force.
@Injectable()
export class InspectionsWriteService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inspections: InspectionsService,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateInspectionDto, actor: Actor): Promise<InspectionDto> {
    checkPeriods(dto);
    const fields = (Object.keys(COLUMNS) as Array<keyof CreateInspectionDto>).filter((key) => dto[key] !== undefined);
    const params = new SqlParams();
    const values = fields.map((field) => params.add(dto[field]));
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO inspection (${fields.map((field) => `"${COLUMNS[field]}"`).join(', ')}) VALUES (${values.join(', ')}) RETURNING id`,
        params.values,
      )) as Array<{ id: string }>;
      await this.audit.record(
        { action: 'INSPECTION_CREATED', entityType: 'inspection', entityId: row.id, after: { ...dto } },
        manager,
      );
      return row.id;
    });
    return this.inspections.get(id, actor);
  }

  async update(id: string, dto: UpdateInspectionDto, actor: Actor): Promise<InspectionDto> {
    const version = requireVersion(dto.version);
    const current = await this.inspections.get(id, actor);
    const values = normalizeUpdate(dto);
    checkPeriods({ ...current, ...values } as InspectionPeriods);
    const fields = Object.keys(values) as Array<keyof CreateInspectionDto>;
    if (fields.length === 0) throw new AppError('VALIDATION_FAILED', '没有要修改的内容');
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const updated = await updateIfVersion(
            manager,
            'inspection',
            id,
            version,
            Object.fromEntries(fields.map((f) => [COLUMNS[f], values[f]])),
          );
          if (!updated) throw new StaleVersionError();
          const before = Object.fromEntries(fields.map((f) => [f, (current as unknown as Record<string, unknown>)[f]]));
          const after = Object.fromEntries(fields.map((f) => [f, values[f]]));
          await this.audit.record(
            { action: 'INSPECTION_UPDATED', entityType: 'inspection', entityId: id, before, after },
            manager,
          );
        }),
      () => this.inspections.get(id, actor),
    );
    return this.inspections.get(id, actor);
  }

  async remove(id: string, version: number | undefined, actor: Actor): Promise<void> {
    const expected = requireVersion(version);
    await this.inspections.get(id, actor);
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const rows = (await manager.query(
            `UPDATE inspection SET deleted_at = now(), version = version + 1 WHERE id = $1 AND version = $2 AND deleted_at IS NULL RETURNING id`,
            [id, expected],
          )) as [unknown[], number];
          if (rows[0].length === 0) throw new StaleVersionError();
          await this.audit.record({ action: 'INSPECTION_DELETED', entityType: 'inspection', entityId: id }, manager);
        }),
      () => this.inspections.get(id, actor),
    );
  }

  async restore(id: string, actor: Actor): Promise<InspectionDto> {
    await this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `UPDATE inspection SET deleted_at = NULL, version = version + 1 WHERE id = $1 AND deleted_at IS NOT NULL RETURNING id`,
        [id],
      )) as [unknown[], number];
      if (rows[0].length === 0) throw new AppError('NOT_FOUND', '没有可恢复的巡视（巡察）');
      await this.audit.record({ action: 'INSPECTION_RESTORED', entityType: 'inspection', entityId: id }, manager);
    });
    return this.inspections.get(id, actor);
  }

  async categories(inspectionId: string, actor: Actor): Promise<CategoryDto[]> {
    await this.inspections.get(inspectionId, actor);
    return (await this.dataSource.query(
      `SELECT c.id, c.inspection_id AS "inspectionId", c.seq, c.label, c.title, c.code, c.version,
              (SELECT count(*)::int FROM problem p WHERE p.category_id = c.id AND p.deleted_at IS NULL) AS "problemCount"
       FROM category c WHERE c.inspection_id = $1 ORDER BY c.seq`,
      [inspectionId],
    )) as CategoryDto[];
  }

  async createCategory(inspectionId: string, dto: CreateCategoryDto, actor: Actor): Promise<CategoryDto> {
    await this.inspections.get(inspectionId, actor);
    const id = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM inspection WHERE id = $1 FOR UPDATE`, [inspectionId]);
      const [{ next }] = (await manager.query(
        `SELECT coalesce(max(seq), 0) + 1 AS next FROM category WHERE inspection_id = $1`,
        [inspectionId],
      )) as Array<{
        next: number;
      }>;
      const [row] = (await manager.query(
        `INSERT INTO category (inspection_id, seq, label, title, code) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [inspectionId, dto.seq ?? next, dto.label ?? null, dto.title.trim(), dto.code ?? null],
      )) as Array<{ id: string }>;
      await this.audit.record(
        { action: 'CATEGORY_CREATED', entityType: 'category', entityId: row.id, after: { inspectionId, ...dto } },
        manager,
      );
      return row.id;
    });
    return (await this.categories(inspectionId, actor)).find((category) => category.id === id)!;
  }

  async updateCategory(id: string, dto: UpdateCategoryDto, actor: Actor): Promise<CategoryDto> {
    const version = requireVersion(dto.version);
    const inspectionId = await this.categoryInspection(id);
    await this.inspections.get(inspectionId, actor);
    const columns = Object.fromEntries(
      (['title', 'label', 'code'] as const).filter((key) => dto[key] !== undefined).map((key) => [key, dto[key]]),
    );
    if (Object.keys(columns).length === 0) throw new AppError('VALIDATION_FAILED', '没有要修改的内容');
    const current = async () => (await this.categories(inspectionId, actor)).find((category) => category.id === id);
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const rows = (await manager.query(
            `UPDATE category SET ${Object.keys(columns)
              .map((column, i) => `"${column}" = $${i + 3}`)
              .join(', ')}, version = version + 1, updated_at = now()
             WHERE id = $1 AND version = $2 RETURNING id`,
            [id, version, ...Object.values(columns)],
          )) as [unknown[], number];
          if (rows[0].length === 0) throw new StaleVersionError();
          await this.audit.record(
            { action: 'CATEGORY_UPDATED', entityType: 'category', entityId: id, after: columns },
            manager,
          );
        }),
      current,
    );
    return (await current())!;
  }

  async removeCategory(id: string, actor: Actor): Promise<void> {
    const inspectionId = await this.categoryInspection(id);
    await this.inspections.get(inspectionId, actor);
    await this.dataSource.transaction(async (manager) => {
      const [{ used }] = (await manager.query(
        `SELECT count(*)::int AS used FROM problem WHERE category_id = $1 AND deleted_at IS NULL`,
        [id],
      )) as Array<{
        used: number;
      }>;
      if (used > 0) throw new AppError('REFERENCE_CONFLICT', `该方面下还有 ${used} 个问题，请先调整问题归类`);
      await manager.query(`DELETE FROM category WHERE id = $1`, [id]);
      await this.audit.record({ action: 'CATEGORY_DELETED', entityType: 'category', entityId: id }, manager);
    });
  }

  private async categoryInspection(id: string): Promise<string> {
    const [row] = (await this.dataSource.query(`SELECT inspection_id AS "inspectionId" FROM category WHERE id = $1`, [
      id,
    ])) as Array<{ inspectionId: string }>;
    if (!row) throw new AppError('NOT_FOUND', '方面不存在');
    return row.inspectionId;
  }
}
