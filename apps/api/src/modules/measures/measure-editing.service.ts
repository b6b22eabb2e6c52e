import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isMeasureDone, rollUpMeasureStatus, type MeasureStatus } from '@zhenggai/domain';
import { scopeOf } from '../../common/auth/access-scope.js';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import { SqlParams } from '../../common/sql.js';
import {
  StaleVersionError,
  requireVersion,
  updateIfVersion,
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
import { insertMeasureEvent, lockMeasure, refreshProblemStatus, unitShares } from './measure-ledger.js';
import { assignedToSql } from './measures.repository.js';
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
};

const isOfficer = (actor: Actor) => actor.roles.includes('task_force_officer');

@Injectable()
export class MeasureEditingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly measures: MeasuresService,
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
      await withConflictState(
        () => this.updateInOneStatement(id, dto.version!, fields, dto, actor),
        () => this.measures.get(id, actor),
      );
      return this.measures.get(id, actor);
    }
    // no version or nothing to change: the checks below answer in the documented order (404, 403, 409, 400)
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const measure = await lockMeasure(manager, id, scopeOf(actor));
          if (!measure) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
          if (!isOfficer(actor) && !(await unitShares(manager, id)).some((unit) => unit.unitId === actor.unitId)) {
            throw new AppError('FORBIDDEN');
          }
          const version = requireVersion(dto.version);
          if (fields.length === 0) throw new AppError('VALIDATION_FAILED', '没有要修改的内容');
          if (measure.version !== version) throw new StaleVersionError();
          const [before] = (await manager.query(
            `SELECT ${fields.map((f) => `"${COLUMNS[f]}" AS "${f}"`).join(', ')} FROM measure WHERE id = $1`,
            [id],
          )) as Array<Record<string, unknown>>;
          const columns: ColumnValues = Object.fromEntries(fields.map((field) => [COLUMNS[field], dto[field]]));
          if (!(await updateIfVersion(manager, 'measure', id, version, columns))) throw new StaleVersionError();
          const after = Object.fromEntries(fields.map((field) => [field, dto[field]]));
          await insertMeasureEvent(manager, {
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
   * committed one, so the before image is exact; a stale version updates nothing and writes no history.
   */
  private async updateInOneStatement(
    id: string,
    version: number,
    fields: Array<keyof typeof COLUMNS>,
    dto: UpdateMeasureDto,
    actor: Actor,
  ): Promise<void> {
    const scope = scopeOf(actor);
    const params = new SqlParams();
    const idParam = params.add(id);
    const visible = scope.all ? 'TRUE' : assignedToSql('m', params.add(scope.unitIds));
    const own = isOfficer(actor)
      ? 'TRUE'
      : `EXISTS (SELECT 1 FROM measure_unit mu WHERE mu.measure_id = m.id AND mu.unit_id = ${params.add(actor.unitId)}::uuid)`;
    const before = `jsonb_build_object(${fields.map((field) => `'${field}', m."${COLUMNS[field]}"`).join(', ')})`;
    const sets = fields.map((field) => `"${COLUMNS[field]}" = ${params.add(dto[field])}`);
    const after = Object.fromEntries(fields.map((field) => [field, dto[field]]));
    const afterParam = `${params.add(JSON.stringify(after))}::jsonb`;
    const audit = this.audit.insertColumns(
      { action: 'MEASURE_UPDATED', entityType: 'measure', entityId: id, after },
      params,
      't.before',
    );
    const [row] = (await this.dataSource.query(
      `WITH target AS (
         SELECT m.id, ${own} AS own, ${before} AS before FROM measure m
         WHERE m.id = ${idParam} AND m.deleted_at IS NULL AND ${visible} FOR UPDATE OF m
       ), changed AS (
         UPDATE measure m SET ${sets.join(', ')}, version = m.version + 1, updated_at = now()
         FROM target t WHERE m.id = t.id AND t.own AND m.version = ${params.add(version)} RETURNING m.id
       ), history AS (
         INSERT INTO measure_event (measure_id, action, actor_id, actor_name, detail)
         SELECT c.id, 'update', ${params.add(actor.id)}::uuid, ${params.add(actor.displayName)}::text,
                jsonb_build_object('before', t.before, 'after', ${afterParam})
         FROM changed c JOIN target t ON t.id = c.id
       ), audited AS (
         INSERT INTO audit_event (${audit.columns}) SELECT ${audit.values} FROM changed c JOIN target t ON t.id = c.id
       )
       SELECT (SELECT count(*) FROM target)::int AS found, (SELECT bool_and(own) FROM target) AS own,
              (SELECT count(*) FROM changed)::int AS changed`,
      params.values,
    )) as Array<{ found: number; own: boolean | null; changed: number }>;
    if (row.found === 0) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
    if (!row.own) throw new AppError('FORBIDDEN');
    if (row.changed === 0) throw new StaleVersionError();
  }

  async setUnits(id: string, dto: SetMeasureUnitsDto, actor: Actor): Promise<MeasureDto> {
    const version = requireVersion(dto.version);
    const coUnitIds = [...new Set(dto.coUnitIds)].filter((unitId) => unitId !== dto.leadUnitId);
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const measure = await lockMeasure(manager, id, scopeOf(actor));
          if (!measure) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
          if (measure.version !== version) throw new StaleVersionError();
          const wanted = [dto.leadUnitId, ...coUnitIds];
          const known = (await manager.query(`SELECT id FROM unit WHERE id = ANY($1) AND deleted_at IS NULL`, [
            wanted,
          ])) as Array<{ id: string }>;
          if (known.length !== wanted.length)
            throw new AppError('VALIDATION_FAILED', '责任单位不存在', { errors: { coUnitIds: ['包含不存在的单位'] } });
          const before = await unitShares(manager, id);
          const done = isMeasureDone(measure.status);
          await manager.query(`DELETE FROM measure_unit WHERE measure_id = $1 AND NOT (unit_id = ANY($2))`, [
            id,
            wanted,
          ]);
          for (const unitId of wanted) {
            const role = unitId === dto.leadUnitId ? 'lead' : 'co';
            await manager.query(
              `INSERT INTO measure_unit (measure_id, unit_id, role, status) VALUES ($1, $2, $3, $4)
           ON CONFLICT (measure_id, unit_id) DO UPDATE SET role = EXCLUDED.role, updated_at = now()`,
              [id, unitId, role, done ? measure.status : 'not_started'],
            );
          }
          const after = await unitShares(manager, id);
          const columns: ColumnValues = { lead_unit_id: dto.leadUnitId };
          if (!done) columns.status = rollUpMeasureStatus(after.map((unit) => unit.status));
          if (!(await updateIfVersion(manager, 'measure', id, version, columns))) throw new StaleVersionError();
          await insertMeasureEvent(manager, {
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
          await refreshProblemStatus(manager, measure.problemId, this.audit);
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
      const measure = await lockMeasure(manager, id, scopeOf(actor));
      if (!measure) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
      const units = await unitShares(manager, id);
      const unitId = isOfficer(actor) ? (measure.leadUnitId ?? units[0]?.unitId ?? null) : actor.unitId;
      const share = units.find((unit) => unit.unitId === unitId);
      if (!share) throw new AppError('FORBIDDEN', '只能报送本单位承担的措施进展');
      if (measure.status === 'completed')
        throw new AppError('TRANSITION_NOT_ALLOWED', '措施已完成销号，如需继续整改请先重新打开');
      const attachmentIds = dto.attachmentIds ?? [];
      const [inserted] = (await manager.query(
        `INSERT INTO progress_update (measure_id, unit_id, reported_on, text, facts, author_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [id, unitId, reportedOn, dto.text.trim(), JSON.stringify(dto.facts ?? []), actor.id],
      )) as Array<{ id: string }>;
      if (attachmentIds.length > 0) {
        await manager.query(
          `UPDATE attachment SET progress_update_id = $1 WHERE measure_id = $2 AND id = ANY($3) AND deleted_at IS NULL`,
          [inserted.id, id, attachmentIds],
        );
      }
      const unitStatus: MeasureStatus = share.status === 'not_started' ? 'in_progress' : share.status;
      await manager.query(
        `UPDATE measure_unit SET progress = coalesce($3, progress), status = $4, updated_at = now(), version = version + 1
         WHERE measure_id = $1 AND unit_id = $2`,
        [id, unitId, dto.progress ?? null, unitStatus],
      );
      await insertMeasureEvent(manager, {
        measureId: id,
        action: 'progress',
        unitId,
        actorId: actor.id,
        actorName: actor.displayName,
        opinion: dto.text.trim(),
        attachmentIds,
      });
      if (measure.status === 'not_started') {
        await manager.query(
          `UPDATE measure SET status = 'in_progress', version = version + 1, updated_at = now() WHERE id = $1`,
          [id],
        );
        await insertMeasureEvent(manager, {
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
          after: { progressUpdateId: inserted.id, unitId, progress: dto.progress ?? null, reportedOn },
        },
        manager,
      );
      await refreshProblemStatus(manager, measure.problemId, this.audit);
      return inserted.id;
    });
    const [created] = await this.listProgress(id, actor, progressId);
    return created;
  }

  async listProgress(id: string, actor: Actor, onlyId?: string): Promise<ProgressUpdateDto[]> {
    await this.measures.get(id, actor);
    const rows = (await this.dataSource.query(
      `SELECT pu.id, pu.measure_id AS "measureId", pu.unit_id AS "unitId", u.name AS "unitName", pu.author_id AS "authorId",
              a.display_name AS "authorName", pu.reported_on AS "reportedOn", pu.text, pu.facts, pu.created_at AS "createdAt"
       FROM progress_update pu LEFT JOIN unit u ON u.id = pu.unit_id LEFT JOIN user_account a ON a.id = pu.author_id
       WHERE pu.measure_id = $1 AND ($2::uuid IS NULL OR pu.id = $2) ORDER BY pu.reported_on DESC, pu.created_at DESC`,
      [id, onlyId ?? null],
    )) as Array<Record<string, never>>;
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
      const [problem] = (await manager.query(
        `SELECT id, inspection_id AS "inspectionId", term FROM problem WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
        [dto.problemId],
      )) as Array<{ id: string; inspectionId: string; term: string }>;
      if (!problem)
        throw new AppError('VALIDATION_FAILED', '问题不存在', { errors: { problemId: ['问题不存在或已删除'] } });
      const [{ next }] = (await manager.query(
        `SELECT coalesce(max(seq), 0) + 1 AS next FROM measure WHERE problem_id = $1`,
        [dto.problemId],
      )) as Array<{ next: number }>;
      const seq = dto.seq ?? next;
      const coUnitIds = [...new Set(dto.coUnitIds ?? [])].filter((unitId) => unitId !== dto.leadUnitId);
      const [measure] = (await manager.query(
        `INSERT INTO measure (problem_id, inspection_id, seq, lead, text, term, deadline, lead_unit_id, responsible_leader_id, responsible_person_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          dto.problemId,
          problem.inspectionId,
          seq,
          dto.lead ?? null,
          dto.text.trim(),
          dto.term ?? problem.term,
          dto.deadline ?? null,
          dto.leadUnitId,
          dto.responsibleLeaderId ?? null,
          dto.responsiblePersonId ?? null,
        ],
      )) as Array<{ id: string }>;
      for (const unitId of [dto.leadUnitId, ...coUnitIds]) {
        await manager.query(`INSERT INTO measure_unit (measure_id, unit_id, role) VALUES ($1, $2, $3)`, [
          measure.id,
          unitId,
          unitId === dto.leadUnitId ? 'lead' : 'co',
        ]);
      }
      await insertMeasureEvent(manager, {
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
      await refreshProblemStatus(manager, dto.problemId, this.audit);
      return measure.id;
    });
    return this.measures.get(id, actor);
  }

  async remove(id: string, dto: VersionedDto, actor: Actor): Promise<void> {
    const version = requireVersion(dto.version);
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const measure = await lockMeasure(manager, id, scopeOf(actor));
          if (!measure) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
          if (measure.version !== version) throw new StaleVersionError();
          await manager.query(`UPDATE measure SET deleted_at = now(), version = version + 1 WHERE id = $1`, [id]);
          await insertMeasureEvent(manager, {
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
          await refreshProblemStatus(manager, measure.problemId, this.audit);
        }),
      () => this.measures.get(id, actor),
    );
  }

  async restore(id: string, actor: Actor): Promise<MeasureDto> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `UPDATE measure SET deleted_at = NULL, version = version + 1, updated_at = now() WHERE id = $1 AND deleted_at IS NOT NULL
         RETURNING problem_id AS "problemId"`,
        [id],
      )) as [Array<{ problemId: string }>, number];
      const restored = row?.[0];
      if (!restored) throw new AppError('NOT_FOUND', '没有可恢复的整改措施');
      await insertMeasureEvent(manager, {
        measureId: id,
        action: 'restore',
        actorId: actor.id,
        actorName: actor.displayName,
      });
      await this.audit.record({ action: 'MEASURE_RESTORED', entityType: 'measure', entityId: id }, manager);
      await refreshProblemStatus(manager, restored.problemId, this.audit);
    });
    return this.measures.get(id, actor);
  }

  async history(id: string, actor: Actor): Promise<MeasureEventDto[]> {
    await this.measures.get(id, actor);
    const rows = (await this.dataSource.query(
      `SELECT e.id, e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.unit_id AS "unitId", u.name AS "unitName",
              e.actor_id AS "actorId", e.actor_name AS "actorName", e.opinion, e.attachment_ids AS "attachmentIds", e.detail,
              e.occurred_at AS "occurredAt"
       FROM measure_event e LEFT JOIN unit u ON u.id = e.unit_id
       WHERE e.measure_id = $1 ORDER BY e.occurred_at DESC, e.id`,
      [id],
    )) as Array<Record<string, never>>;
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
      const measure = await lockMeasure(manager, id, scopeOf(actor));
      if (!measure) throw new AppError('NOT_FOUND', '整改措施不存在或无权查看');
      if (measure.term !== 'long_term')
        throw new AppError('TRANSITION_NOT_ALLOWED', '只有“长期坚持”的措施设置检查节点');
      const inserted = (await manager.query(
        `INSERT INTO measure_checkpoint (measure_id, due_on, title) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`,
        [id, dto.dueOn, dto.title ?? null],
      )) as Array<{ id: string }>;
      if (inserted.length === 0) throw new AppError('DUPLICATE', '该日期已有检查节点');
      await insertMeasureEvent(manager, {
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
    return (await this.dataSource.query(
      `SELECT id, due_on AS "dueOn", title, done_on AS "doneOn" FROM measure_checkpoint WHERE measure_id = $1 ORDER BY due_on`,
      [id],
    )) as CheckpointDto[];
  }
}
