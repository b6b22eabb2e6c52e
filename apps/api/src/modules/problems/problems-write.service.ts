import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import {
  StaleVersionError,
  requireVersion,
  updateIfVersion,
  withConflictState,
} from '../../common/versioned-update.js';
import { AuditService } from '../audit/audit.service.js';
import type { ProblemDetailDto } from './dto/problem.dto.js';
import type { CreateProblemDto, UpdateProblemDto } from './dto/problem-write.dto.js';
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
    private readonly problems: ProblemsService,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateProblemDto, actor: Actor): Promise<ProblemDetailDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const [inspection] = (await manager.query(
        `SELECT id FROM inspection WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
        [dto.inspectionId],
      )) as unknown[];
      if (!inspection)
        throw new AppError('VALIDATION_FAILED', '巡视（巡察）不存在', { errors: { inspectionId: ['不存在或已删除'] } });
      if (dto.categoryId) await this.assertCategory(dto.categoryId, dto.inspectionId);
      const [{ next }] = (await manager.query(
        `SELECT coalesce(max(seq), 0) + 1 AS next FROM problem WHERE inspection_id = $1`,
        [dto.inspectionId],
      )) as Array<{
        next: number;
      }>;
      const seq = dto.seq ?? next;
      const taken = (await manager.query(`SELECT 1 FROM problem WHERE inspection_id = $1 AND seq = $2`, [
        dto.inspectionId,
        seq,
      ])) as unknown[];
      if (taken.length > 0) throw new AppError('DUPLICATE', `序号 ${seq} 已被使用`);
      const [row] = (await manager.query(
        `INSERT INTO problem (inspection_id, category_id, seq, label, title, description, goal, root_cause, term, source, lead_leader_id, lead_unit_id, remarks)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [
          dto.inspectionId,
          dto.categoryId ?? null,
          seq,
          dto.label ?? `${seq}.`,
          dto.title.trim(),
          dto.description ?? null,
          dto.goal ?? null,
          dto.rootCause ?? null,
          dto.term ?? 'concentrated',
          dto.source ?? 'feedback',
          dto.leadLeaderId ?? null,
          dto.leadUnitId ?? null,
          dto.remarks ?? null,
        ],
      )) as Array<{ id: string }>;
      await this.audit.record(
        { action: 'PROBLEM_CREATED', entityType: 'problem', entityId: row.id, after: { ...dto, seq } },
        manager,
      );
      return row.id;
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
          const updated = await updateIfVersion(
            manager,
            'problem',
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
          const rows = (await manager.query(
            `UPDATE problem SET deleted_at = now(), version = version + 1 WHERE id = $1 AND version = $2 AND deleted_at IS NULL RETURNING id`,
            [id, expected],
          )) as [unknown[], number];
          if (rows[0].length === 0) throw new StaleVersionError();
          await this.audit.record({ action: 'PROBLEM_DELETED', entityType: 'problem', entityId: id }, manager);
        }),
      () => this.problems.get(id, actor),
    );
  }

  async restore(id: string, actor: Actor): Promise<ProblemDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `UPDATE problem SET deleted_at = NULL, version = version + 1 WHERE id = $1 AND deleted_at IS NOT NULL RETURNING id`,
        [id],
      )) as [unknown[], number];
      if (rows[0].length === 0) throw new AppError('NOT_FOUND', '没有可恢复的问题');
      await this.audit.record({ action: 'PROBLEM_RESTORED', entityType: 'problem', entityId: id }, manager);
    });
    return this.problems.get(id, actor);
  }

  private async assertCategory(categoryId: string, inspectionId: string): Promise<void> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM category WHERE id = $1 AND inspection_id = $2`, [
      categoryId,
      inspectionId,
    ])) as unknown[];
    if (rows.length === 0)
      throw new AppError('VALIDATION_FAILED', '方面不属于该巡视（巡察）', {
        errors: { categoryId: ['不存在或不属于该巡视（巡察）'] },
      });
  }
}
