import { checkInspectionPeriods, type InspectionPeriods } from '@zhenggai/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import { StaleVersionError, requireVersion, withConflictState } from '../../common/versioned-update.js';
import { AuditService } from '../audit/audit.service.js';
import type {
  CategoryDto,
  CreateCategoryDto,
  CreateInspectionDto,
  UpdateCategoryDto,
  UpdateInspectionDto,
} from './dto/inspection-write.dto.js';
import type { InspectionDto } from './dto/inspection.dto.js';
import { InspectionsWriteRepository } from './inspections-write.repository.js';
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
    private readonly writes: InspectionsWriteRepository,
    private readonly inspections: InspectionsService,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateInspectionDto, actor: Actor): Promise<InspectionDto> {
    checkPeriods(dto);
    const fields = (Object.keys(COLUMNS) as Array<keyof CreateInspectionDto>).filter((key) => dto[key] !== undefined);
    const id = await this.dataSource.transaction(async (manager) => {
      const inspectionId = await this.writes.insertInspection(
        manager,
        Object.fromEntries(fields.map((field) => [COLUMNS[field], dto[field]])),
      );
      await this.audit.record(
        { action: 'INSPECTION_CREATED', entityType: 'inspection', entityId: inspectionId, after: { ...dto } },
        manager,
      );
      return inspectionId;
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
          const updated = await this.writes.updateInspectionIfVersion(
            manager,
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
          if (!(await this.writes.softDeleteInspectionIfVersion(manager, id, expected))) throw new StaleVersionError();
          await this.audit.record({ action: 'INSPECTION_DELETED', entityType: 'inspection', entityId: id }, manager);
        }),
      () => this.inspections.get(id, actor),
    );
  }

  async restore(id: string, actor: Actor): Promise<InspectionDto> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.writes.restoreInspection(manager, id)))
        throw new AppError('NOT_FOUND', '没有可恢复的巡视（巡察）');
      await this.audit.record({ action: 'INSPECTION_RESTORED', entityType: 'inspection', entityId: id }, manager);
    });
    return this.inspections.get(id, actor);
  }

  async categories(inspectionId: string, actor: Actor): Promise<CategoryDto[]> {
    await this.inspections.get(inspectionId, actor);
    return this.writes.findCategories(inspectionId);
  }

  async createCategory(inspectionId: string, dto: CreateCategoryDto, actor: Actor): Promise<CategoryDto> {
    await this.inspections.get(inspectionId, actor);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.writes.lockInspection(manager, inspectionId);
      const next = await this.writes.nextCategorySeq(manager, inspectionId);
      const categoryId = await this.writes.insertCategory(manager, inspectionId, {
        seq: dto.seq ?? next,
        label: dto.label ?? null,
        title: dto.title.trim(),
        code: dto.code ?? null,
      });
      await this.audit.record(
        { action: 'CATEGORY_CREATED', entityType: 'category', entityId: categoryId, after: { inspectionId, ...dto } },
        manager,
      );
      return categoryId;
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
          if (!(await this.writes.updateCategoryIfVersion(manager, id, version, columns)))
            throw new StaleVersionError();
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
      const used = await this.writes.countCategoryProblems(manager, id);
      if (used > 0) throw new AppError('REFERENCE_CONFLICT', `该方面下还有 ${used} 个问题，请先调整问题归类`);
      await this.writes.deleteCategory(manager, id);
      await this.audit.record({ action: 'CATEGORY_DELETED', entityType: 'category', entityId: id }, manager);
    });
  }

  private async categoryInspection(id: string): Promise<string> {
    const inspectionId = await this.writes.categoryInspectionId(id);
    if (!inspectionId) throw new AppError('NOT_FOUND', '方面不存在');
    return inspectionId;
  }
}
