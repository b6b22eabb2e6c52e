import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import { StaleVersionError, requireVersion, withConflictState } from '../../common/versioned-update.js';
import { AuditService } from '../audit/audit.service.js';
import type { ProblemDetailDto } from './dto/problem.dto.js';
import type { CreateProblemDto, UpdateProblemDto } from './dto/problem-write.dto.js';
import { ProblemsWriteRepository } from './problems-write.repository.js';
import { ProblemsService } from './problems.service.js';

const COLUMNS = {
  categoryId: 'category_id',
  label: 'label',
  title: 'title',
  description: 'description',
  goal: 'goal',
  rootCause: 'root_cause',
  term: 'term',
  leadLeaderId: 'lead_leader_id',
  leadUnitId: 'lead_unit_id',
  remarks: 'remarks',
} as const;

// Problems (问题清单) written by the task force; their status is never written: it follows from the measures.
@Injectable()
export class ProblemsWriteService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: ProblemsWriteRepository,
    private readonly problems: ProblemsService,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateProblemDto, actor: Actor): Promise<ProblemDetailDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      if (!(await this.writes.lockLiveInspection(manager, dto.inspectionId)))
        throw new AppError('VALIDATION_FAILED', '巡视（巡察）不存在', { errors: { inspectionId: ['不存在或已删除'] } });
      if (dto.categoryId) await this.assertCategory(dto.categoryId, dto.inspectionId);
      const next = await this.writes.nextSeq(manager, dto.inspectionId);
      const seq = dto.seq ?? next;
      if (await this.writes.seqTaken(manager, dto.inspectionId, seq))
        throw new AppError('DUPLICATE', `序号 ${seq} 已被使用`);
      const problemId = await this.writes.insert(manager, {
        inspectionId: dto.inspectionId,
        categoryId: dto.categoryId ?? null,
        seq,
        label: dto.label ?? `${seq}.`,
        title: dto.title.trim(),
        description: dto.description ?? null,
        goal: dto.goal ?? null,
        rootCause: dto.rootCause ?? null,
        term: dto.term ?? 'concentrated',
        source: dto.source ?? 'feedback',
        leadLeaderId: dto.leadLeaderId ?? null,
        leadUnitId: dto.leadUnitId ?? null,
        remarks: dto.remarks ?? null,
      });
      await this.audit.record(
        { action: 'PROBLEM_CREATED', entityType: 'problem', entityId: problemId, after: { ...dto, seq } },
        manager,
      );
      return problemId;
    });
    return this.problems.get(id, actor);
  }

  async update(id: string, dto: UpdateProblemDto, actor: Actor): Promise<ProblemDetailDto> {
    const version = requireVersion(dto.version);
    const current = await this.problems.get(id, actor);
    const fields = (Object.keys(COLUMNS) as Array<keyof typeof COLUMNS>).filter((key) => dto[key] !== undefined);
    if (fields.length === 0) throw new AppError('VALIDATION_FAILED', '没有要修改的内容');
    if (dto.categoryId) await this.assertCategory(dto.categoryId, current.inspectionId);
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const updated = await this.writes.updateIfVersion(
            manager,
            id,
            version,
            Object.fromEntries(fields.map((f) => [COLUMNS[f], dto[f]])),
          );
          if (!updated) throw new StaleVersionError();
          const before = Object.fromEntries(
            fields.map((f) => [f, (current as unknown as Record<string, unknown>)[f] ?? null]),
          );
          await this.audit.record(
            {
              action: 'PROBLEM_UPDATED',
              entityType: 'problem',
              entityId: id,
              before,
              after: Object.fromEntries(fields.map((f) => [f, dto[f]])),
            },
            manager,
          );
        }),
      () => this.problems.get(id, actor),
    );
    return this.problems.get(id, actor);
  }

  async remove(id: string, version: number | undefined, actor: Actor): Promise<void> {
    const expected = requireVersion(version);
    await this.problems.get(id, actor);
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          if (!(await this.writes.softDeleteIfVersion(manager, id, expected))) throw new StaleVersionError();
          await this.audit.record({ action: 'PROBLEM_DELETED', entityType: 'problem', entityId: id }, manager);
        }),
      () => this.problems.get(id, actor),
    );
  }

  async restore(id: string, actor: Actor): Promise<ProblemDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.writes.restore(manager, id))) throw new AppError('NOT_FOUND', '没有可恢复的问题');
      await this.audit.record({ action: 'PROBLEM_RESTORED', entityType: 'problem', entityId: id }, manager);
    });
    return this.problems.get(id, actor);
  }

  private async assertCategory(categoryId: string, inspectionId: string): Promise<void> {
    if (!(await this.writes.categoryBelongsTo(categoryId, inspectionId)))
      throw new AppError('VALIDATION_FAILED', '方面不属于该巡视（巡察）', {
        errors: { categoryId: ['不存在或不属于该巡视（巡察）'] },
      });
  }
}
