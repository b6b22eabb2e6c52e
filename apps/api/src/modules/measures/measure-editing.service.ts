import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isMeasureDone, rollUpMeasureStatus, type MeasureStatus } from '@zhenggai/domain';
import { scopeOf } from '../../common/auth/access-scope.js';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import {
  StaleVersionError,
  requireVersion,
  withConflictState,
  type ColumnValues,
} from '../../common/versioned-update.js';
import { AuditService } from '../audit/audit.service.js';
import { refOf } from '../units/dto/ref.dto.js';
import type { CheckpointDto, MeasureEventDto, ProgressUpdateDto } from './dto/measure-records.dto.js';
import type { MeasureDto } from './dto/measure.dto.js';
import type {
  CreateCheckpointDto,
  CreateMeasureDto,
  CreateProgressDto,
  SetMeasureUnitsDto,
  UpdateMeasureDto,
  VersionedDto,
} from './dto/measure-actions.dto.js';
import { MeasureWritesRepository, type MeasureAnswerRow } from './measure-writes.repository.js';
import { mapMeasure } from './measures.mapper.js';
import { MeasuresRepository } from './measures.repository.js';
import { MeasuresService } from './measures.service.js';

// Officers edit everything but the sign-off fields; a unit may only annotate its own measures.
const UNIT_EDITABLE = new Set(['remarks']);
const COLUMNS: Record<keyof Omit<UpdateMeasureDto, 'version'>, string> = {
  lead: 'lead',
  text: 'text',
  term: 'term',
  deadline: 'deadline',
  responsibleLeaderId: 'responsible_leader_id',
  responsiblePersonId: 'responsible_person_id',
  remarks: 'remarks',
};

const ACTION_LABELS: Record<string, string> = {
  create: '新建措施',
  update: '修改',
  assign: '调整责任单位',
  progress: '报送进展',
  start: '启动整改',
  submit: '提交销号',
  approve: '审核通过',
  return: '退回',
  reopen: '重新打开',
  delete: '删除',
  restore: '恢复',
  checkpoint: '设置检查节点',
  extension_requested: '申请延期',
  extension_approved: '同意延期',
  extension_refused: '不同意延期',
  urge: '催办',
  order: '督办单',
  order_reply: '回复督办单',
  report: '定期报送',
  rebound: '回头看反弹',
  checkpoint_review: '检查节点评估',
};

const isOfficer = (actor: Actor) => actor.roles.includes('task_force_officer');

@Injectable()
export class MeasureEditingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly measures: MeasuresService,
    private readonly reads: MeasuresRepository,
    private readonly writes: MeasureWritesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async update(id: string, dto: UpdateMeasureDto, actor: Actor): Promise<MeasureDto> {
    const fields = (Object.keys(COLUMNS) as Array<keyof typeof COLUMNS>).filter((key) => dto[key] !== undefined);
    if (!isOfficer(actor)) {
      const refused = fields.filter((field) => !UNIT_EDITABLE.has(field));
      if (refused.length > 0) {
        throw new AppError('FORBIDDEN', '责任单位不能修改措施内容、时限或责任人', {
          errors: Object.fromEntries(refused.map((field) => [field, ['责任单位无权修改此项']])),
        });
      }
    }
    if (dto.version !== undefined && dto.version !== null && fields.length > 0) {
      const answer = await withConflictState(
        () => this.updateInOneStatement(id, dto.version!, fields, dto, actor),
        () => this.measures.get(id, actor),
      );
      return mapMeasure(answer, answer.units, this.clock.today());
    }
    // no version or nothing to change: the checks below answer in the documented order (404, 403, 409, 400)
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const measure = await this.writes.lock(manager, id, scopeOf(actor));
          if (!measure) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
          if (
            !isOfficer(actor) &&
            !(await this.writes.unitShares(manager, id)).some((unit) => unit.unitId === actor.unitId)
          ) {
            throw new AppError('FORBIDDEN');
          }
          const version = requireVersion(dto.version);
          if (fields.length === 0) throw new AppError('VALIDATION_FAILED', '没有要修改的内容');
          if (measure.version !== version) throw new StaleVersionError();
          const before = await this.writes.fieldValues(
            manager,
            id,
            Object.fromEntries(fields.map((field) => [field, COLUMNS[field]])),
          );
          const columns: ColumnValues = Object.fromEntries(fields.map((field) => [COLUMNS[field], dto[field]]));
          if (!(await this.writes.update(manager, id, version, columns))) throw new StaleVersionError();
          const after = Object.fromEntries(fields.map((field) => [field, dto[field]]));
          await this.writes.insertEvent(manager, {
            measureId: id,
            action: 'update',
            actorId: actor.id,
            actorName: actor.displayName,
            detail: { before, after },
          });
          await this.audit.record(
            { action: 'MEASURE_UPDATED', entityType: 'measure', entityId: id, before, after },
            manager,
          );
        }),
      () => this.measures.get(id, actor),
    );
    return this.measures.get(id, actor);
  }

  /**
   * The hot path of an edit: lock, scope and unit check, version check, before image, update, history and audit in
   * one statement — one round trip and one implicit transaction instead of eight. The locked row is the latest
   * committed one, so the before image is exact; a stale version updates nothing and writes no history. The same
   * statement reads the answer from its own RETURNING row (joined as the detail read joins it): two round trips
   * per edit in all, with the session check.
   */
  private async updateInOneStatement(
    id: string,
    version: number,
    fields: Array<keyof typeof COLUMNS>,
    dto: UpdateMeasureDto,
    actor: Actor,
  ): Promise<MeasureAnswerRow> {
    const row = await this.writes.updateFieldsAtOnce(
      {
        id,
        version,
        columns: Object.fromEntries(fields.map((field) => [field, COLUMNS[field]])),
        values: Object.fromEntries(fields.map((field) => [field, dto[field]])),
        scope: scopeOf(actor),
        ownUnitId: isOfficer(actor) ? null : actor.unitId,
        actor,
      },
      this.audit,
    );
    if (row.found === 0) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
    if (!row.own) throw new AppError('FORBIDDEN');
    if (row.changed === 0) throw new StaleVersionError();
    // (as the separate read answered: a measure whose problem or inspection is deleted is not shown)
    if (!row.answer) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
    return row.answer;
  }

  async setUnits(id: string, dto: SetMeasureUnitsDto, actor: Actor): Promise<MeasureDto> {
    const version = requireVersion(dto.version);
    const coUnitIds = [...new Set(dto.coUnitIds)].filter((unitId) => unitId !== dto.leadUnitId);
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const measure = await this.writes.lock(manager, id, scopeOf(actor));
          if (!measure) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
          if (measure.version !== version) throw new StaleVersionError();
          const wanted = [dto.leadUnitId, ...coUnitIds];
          const known = await this.writes.existingUnits(manager, wanted);
          if (known.length !== wanted.length)
            throw new AppError('VALIDATION_FAILED', '责任单位不存在', { errors: { coUnitIds: ['包含不存在的单位'] } });
          const before = await this.writes.unitShares(manager, id);
          const done = isMeasureDone(measure.status);
          await this.writes.replaceUnits(manager, id, dto.leadUnitId, coUnitIds, done ? measure.status : 'not_started');
          const after = await this.writes.unitShares(manager, id);
          const columns: ColumnValues = { lead_unit_id: dto.leadUnitId };
          if (!done) columns.status = rollUpMeasureStatus(after.map((unit) => unit.status));
          if (!(await this.writes.update(manager, id, version, columns))) throw new StaleVersionError();
          await this.writes.insertEvent(manager, {
            measureId: id,
            action: 'assign',
            fromStatus: measure.status,
            toStatus: (columns.status as MeasureStatus | undefined) ?? measure.status,
            actorId: actor.id,
            actorName: actor.displayName,
            detail: { before, after },
          });
          await this.audit.record(
            {
              action: 'MEASURE_UNITS_SET',
              entityType: 'measure',
              entityId: id,
              before: { units: before },
              after: { units: after },
            },
            manager,
          );
          await this.writes.refreshProblemStatus(manager, measure.problemId, this.audit);
        }),
      () => this.measures.get(id, actor),
    );
    return this.measures.get(id, actor);
  }

  /** A unit reports progress; the first report starts the unit's work (未启动 → 推进中). */
  async addProgress(id: string, dto: CreateProgressDto, actor: Actor): Promise<ProgressUpdateDto> {
    const today = this.clock.today();
    const reportedOn = dto.reportedOn ?? today;
    if (reportedOn > today)
      throw new AppError('VALIDATION_FAILED', '进展日期不能晚于今天', { errors: { reportedOn: ['不能晚于今天'] } });
    const progressId = await this.dataSource.transaction(async (manager) => {
      const measure = await this.writes.lock(manager, id, scopeOf(actor));
      if (!measure) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
      const units = await this.writes.unitShares(manager, id);
      const unitId = isOfficer(actor) ? (measure.leadUnitId ?? units[0]?.unitId ?? null) : actor.unitId;
      const share = units.find((unit) => unit.unitId === unitId);
      if (!share) throw new AppError('FORBIDDEN', '只能报送本单位承担的措施进展');
      if (measure.status === 'completed')
        throw new AppError('TRANSITION_NOT_ALLOWED', '措施已完成销号，如需继续整改请先重新打开');
      const attachmentIds = dto.attachmentIds ?? [];
      const progressId = await this.writes.insertProgress(
        manager,
        {
          measureId: id,
          unitId: unitId!,
          reportedOn,
          text: dto.text.trim(),
          facts: dto.facts ?? [],
          authorId: actor.id,
        },
        attachmentIds,
      );
      const unitStatus: MeasureStatus = share.status === 'not_started' ? 'in_progress' : share.status;
      await this.writes.setUnitProgress(manager, id, unitId!, dto.progress ?? null, unitStatus);
      await this.writes.insertEvent(manager, {
        measureId: id,
        action: 'progress',
        unitId,
        actorId: actor.id,
        actorName: actor.displayName,
        opinion: dto.text.trim(),
        attachmentIds,
      });
      if (measure.status === 'not_started') {
        await this.writes.start(manager, id);
        await this.writes.insertEvent(manager, {
          measureId: id,
          action: 'start',
          fromStatus: 'not_started',
          toStatus: 'in_progress',
          unitId,
          actorId: actor.id,
          actorName: actor.displayName,
        });
      }
      await this.audit.record(
        {
          action: 'PROGRESS_REPORTED',
          entityType: 'measure',
          entityId: id,
          after: { progressUpdateId: progressId, unitId, progress: dto.progress ?? null, reportedOn },
        },
        manager,
      );
      await this.writes.refreshProblemStatus(manager, measure.problemId, this.audit);
      return progressId;
    });
    const [created] = await this.listProgress(id, actor, progressId);
    return created;
  }

  async listProgress(id: string, actor: Actor, onlyId?: string): Promise<ProgressUpdateDto[]> {
    await this.measures.get(id, actor);
    const rows = await this.reads.progress(id, onlyId ?? null);
    return rows.map((row) => ({
      id: row.id,
      measureId: row.measureId,
      unit: refOf(row.unitId, row.unitName),
      author: refOf(row.authorId, row.authorName),
      reportedOn: row.reportedOn,
      text: row.text,
      facts: row.facts,
      createdAt: new Date(row.createdAt).toISOString(),
    }));
  }

  async create(dto: CreateMeasureDto, actor: Actor): Promise<MeasureDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const problem = await this.writes.lockProblem(manager, dto.problemId);
      if (!problem)
        throw new AppError('VALIDATION_FAILED', '问题不存在', { errors: { problemId: ['问题不存在或已删除'] } });
      const seq = dto.seq ?? (await this.writes.nextSeq(manager, dto.problemId));
      const coUnitIds = [...new Set(dto.coUnitIds ?? [])].filter((unitId) => unitId !== dto.leadUnitId);
      const measure = {
        id: await this.writes.insert(
          manager,
          {
            problemId: dto.problemId,
            inspectionId: problem.inspectionId,
            seq,
            lead: dto.lead ?? null,
            text: dto.text.trim(),
            term: dto.term ?? problem.term,
            deadline: dto.deadline ?? null,
            leadUnitId: dto.leadUnitId,
            responsibleLeaderId: dto.responsibleLeaderId ?? null,
            responsiblePersonId: dto.responsiblePersonId ?? null,
          },
          coUnitIds,
        ),
      };
      await this.writes.insertEvent(manager, {
        measureId: measure.id,
        action: 'create',
        toStatus: 'not_started',
        actorId: actor.id,
        actorName: actor.displayName,
      });
      await this.audit.record(
        { action: 'MEASURE_CREATED', entityType: 'measure', entityId: measure.id, after: { ...dto, seq } },
        manager,
      );
      await this.writes.refreshProblemStatus(manager, dto.problemId, this.audit);
      return measure.id;
    });
    return this.measures.get(id, actor);
  }

  async remove(id: string, dto: VersionedDto, actor: Actor): Promise<void> {
    const version = requireVersion(dto.version);
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const measure = await this.writes.lock(manager, id, scopeOf(actor));
          if (!measure) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
          if (measure.version !== version) throw new StaleVersionError();
          await this.writes.softDelete(manager, id);
          await this.writes.insertEvent(manager, {
            measureId: id,
            action: 'delete',
            actorId: actor.id,
            actorName: actor.displayName,
          });
          await this.audit.record(
            {
              action: 'MEASURE_DELETED',
              entityType: 'measure',
              entityId: id,
              before: { status: measure.status, version },
            },
            manager,
          );
          await this.writes.refreshProblemStatus(manager, measure.problemId, this.audit);
        }),
      () => this.measures.get(id, actor),
    );
  }

  async restore(id: string, actor: Actor): Promise<MeasureDto> {
    await this.dataSource.transaction(async (manager) => {
      const problemId = await this.writes.restore(manager, id);
      if (!problemId) throw new AppError('NOT_FOUND', '没有可恢复的整改措施');
      await this.writes.insertEvent(manager, {
        measureId: id,
        action: 'restore',
        actorId: actor.id,
        actorName: actor.displayName,
      });
      await this.audit.record({ action: 'MEASURE_RESTORED', entityType: 'measure', entityId: id }, manager);
      await this.writes.refreshProblemStatus(manager, problemId, this.audit);
    });
    return this.measures.get(id, actor);
  }

  async history(id: string, actor: Actor): Promise<MeasureEventDto[]> {
    await this.measures.get(id, actor);
    const rows = await this.reads.history(id);
    return rows.map((row) => ({
      id: row.id,
      action: row.action,
      actionLabel: ACTION_LABELS[row.action] ?? row.action,
      fromStatus: row.fromStatus,
      toStatus: row.toStatus,
      unit: refOf(row.unitId, row.unitName),
      actor: refOf(row.actorId, row.actorName),
      opinion: row.opinion,
      attachmentIds: row.attachmentIds,
      detail: row.detail,
      occurredAt: new Date(row.occurredAt).toISOString(),
    }));
  }

  async addCheckpoint(id: string, dto: CreateCheckpointDto, actor: Actor): Promise<CheckpointDto[]> {
    await this.dataSource.transaction(async (manager) => {
      const measure = await this.writes.lock(manager, id, scopeOf(actor));
      if (!measure) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
      if (measure.term !== 'long_term')
        throw new AppError('TRANSITION_NOT_ALLOWED', '只有“长期坚持”的措施设置检查节点');
      if (!(await this.writes.insertCheckpoint(manager, id, dto.dueOn, dto.title ?? null)))
        throw new AppError('DUPLICATE', '该日期已有检查节点');
      await this.writes.insertEvent(manager, {
        measureId: id,
        action: 'checkpoint',
        actorId: actor.id,
        actorName: actor.displayName,
        detail: { dueOn: dto.dueOn, title: dto.title ?? null },
      });
      await this.audit.record(
        { action: 'CHECKPOINT_ADDED', entityType: 'measure', entityId: id, after: { ...dto } },
        manager,
      );
    });
    return this.checkpoints(id, actor);
  }

  async checkpoints(id: string, actor: Actor): Promise<CheckpointDto[]> {
    await this.measures.get(id, actor);
    return this.reads.checkpoints(id);
  }
}
