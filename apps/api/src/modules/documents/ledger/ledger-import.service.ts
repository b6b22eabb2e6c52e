import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import {
  deriveProblemStatus,
  isMeasureDone,
  rollUpMeasureStatus,
  type MeasureStatus,
  type MeasureTerm,
} from '@zhenggai/domain';
import { AppError, type FieldErrors } from '../../../common/errors/app-error.js';
import type { Actor } from '../../../common/http/request-context.js';
import { AuditService } from '../../audit/audit.service.js';
import { MeasureWritesRepository } from '../../measures/measure-writes.repository.js';
import type { MeasureEventInput } from '../../measures/measure-ledger.js';
import type { LedgerChangeDto, LedgerImportResultDto, LedgerRowErrorDto } from '../dto/ledger-import.dto.js';
import { cellString, normaliseLabel, parseDeadline, splitNames } from './ledger-columns.js';
import { columnLetters, parseMapping, readLedgerSheet, type ReadSheet } from './ledger-reader.js';
import { LedgerRepository, type ImportMeasureRow, type ImportedUnit } from './ledger.repository.js';

type Queryable = Pick<EntityManager, 'query'>;

interface MeasureValues {
  text: string;
  leadUnitId: string | null;
  coUnitIds: string[];
  leaderId: string | null;
  personId: string | null;
  deadline: string | null;
  term: MeasureTerm;
  remarks: string | null;
}

interface PlannedRow {
  row: number;
  problemId: string;
  problemLabel: string;
  seq: number;
  existing: ImportMeasureRow | null;
  values: MeasureValues;
  fields: string[];
}

interface Plan {
  creates: PlannedRow[];
  updates: PlannedRow[];
  unchanged: number;
  errors: LedgerRowErrorDto[];
}

/** Rows written per statement: a few thousand keep each statement's parameters a few MB. */
const APPLY_BATCH = 5000;
const MAX_TEXT = 20000;
const MAX_REMARKS = 2000;
const FIELD_LABELS: Record<keyof MeasureValues, string> = {
  text: '整改措施',
  leadUnitId: '牵头单位',
  coUnitIds: '配合单位',
  leaderId: '责任领导',
  personId: '责任人',
  deadline: '完成时限',
  term: '完成时限',
  remarks: '备注',
};
/** A create sets every field (one shared array: 60,000 creates, one list). */
const CREATE_FIELDS = Object.values(FIELD_LABELS).filter((label, i, all) => all.indexOf(label) === i);
const IMPORTABLE = [
  '问题编号',
  '序号',
  '措施序号',
  '整改措施',
  '责任领导',
  '牵头单位',
  '责任单位',
  '配合单位',
  '责任人',
  '完成时限',
  '备注',
];

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** The fields of `next` that differ from the measure as stored, by their column names. */
function changedFields(existing: ImportMeasureRow, next: MeasureValues): string[] {
  const fields = new Set<string>();
  if (existing.text.trim() !== next.text) fields.add(FIELD_LABELS.text);
  if (existing.leadUnitId !== next.leadUnitId) fields.add(FIELD_LABELS.leadUnitId);
  if (!sameSet(existing.coUnitIds, next.coUnitIds)) fields.add(FIELD_LABELS.coUnitIds);
  if (existing.leaderId !== next.leaderId) fields.add(FIELD_LABELS.leaderId);
  if (existing.personId !== next.personId) fields.add(FIELD_LABELS.personId);
  if (existing.deadline !== next.deadline || existing.term !== next.term) fields.add(FIELD_LABELS.deadline);
  if ((existing.remarks?.trim() || null) !== next.remarks) fields.add(FIELD_LABELS.remarks);
  return [...fields];
}

// Reading the 整改台账 back: header detection, a plan by official number (问题编号 + 措施序号) with row-level errors,
// and the plan applied all-or-nothing in one transaction. Statuses, progress and evidence are never read from a sheet.
@Injectable()
export class LedgerImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: LedgerRepository,
    private readonly writes: MeasureWritesRepository,
    private readonly audit: AuditService,
  ) {}

  async import(
    inspectionId: string,
    file: { originalname: string; buffer: Buffer } | undefined,
    options: { dryRun: boolean; mapping?: string },
    actor: Actor,
  ): Promise<LedgerImportResultDto> {
    if (!file)
      throw new AppError('VALIDATION_FAILED', '请上传台账文件', {
        errors: { file: ['请通过 file 字段上传 .xlsx 文件'] },
      });
    if (!/\.xlsx$/i.test(file.originalname))
      throw new AppError('FILE_TYPE_NOT_ALLOWED', '请上传 Excel 工作簿（.xlsx）');
    const mapping = parseMapping(options.mapping);
    const inspection = await this.repository.findInspection(inspectionId, { all: true });
    if (!inspection) throw new AppError('NOT_FOUND', '巡视（巡察）不存在或无权查看');
    const sheet = await readLedgerSheet(file.buffer, mapping);
    const rowCount = sheet.rows.length;
    const answer = (plan: Plan, committed: boolean): LedgerImportResultDto => ({
      dryRun: options.dryRun,
      sheet: sheet.sheet,
      headerRow: sheet.headerRow,
      columns: columnLetters(sheet.columns),
      creates: plan.creates.map(change),
      updates: plan.updates.map(change),
      unchanged: plan.unchanged,
      errors: plan.errors,
      committed,
    });

    if (options.dryRun) return answer(await this.plan(this.dataSource.manager, inspectionId, sheet, false), false);

    const plan = await this.dataSource.transaction(async (manager) => {
      // planned again under row locks, so that what is written is what was compared
      const locked = await this.plan(manager, inspectionId, sheet, true);
      sheet.rows = []; // the plan holds what is written: the cells can go (memory at 60,000 rows)
      if (locked.errors.length > 0) return locked;
      await this.apply(manager, inspectionId, locked, actor);
      await this.audit.record(
        {
          action: 'LEDGER_IMPORTED',
          entityType: 'inspection',
          entityId: inspectionId,
          detail: {
            sheet: sheet.sheet,
            rows: rowCount,
            creates: locked.creates.length,
            updates: locked.updates.length,
            unchanged: locked.unchanged,
          },
        },
        manager,
      );
      return locked;
    });
    if (plan.errors.length > 0) {
      const errors: FieldErrors = {};
      for (const error of plan.errors) (errors[`第${error.row}行·${error.column}`] ??= []).push(error.message);
      throw new AppError('IMPORT_ROWS_INVALID', undefined, { errors });
    }
    return answer(plan, true);
  }

  private async plan(db: Queryable, inspectionId: string, sheet: ReadSheet, lock: boolean): Promise<Plan> {
    // one after the other: inside the commit's transaction they share one connection
    const problems = await this.repository.findProblemsForImport(db, inspectionId);
    const measures = await this.repository.findMeasuresForImport(db, inspectionId, lock);
    const units = await this.repository.findUnits(db);
    const persons = await this.repository.findPersons(db);
    const taken = await this.repository.takenSeqs(db, inspectionId);
    const problemByLabel = new Map(problems.map((problem) => [normaliseLabel(problem.label), problem]));
    const problemBySeq = new Map(problems.map((problem) => [String(problem.seq), problem]));
    const measureByKey = new Map(measures.map((measure) => [`${measure.problemId}:${measure.seq}`, measure]));
    const takenKeys = new Set(taken.map((row) => `${row.problemId}:${row.seq}`));
    const unitByName = new Map<string, string>();
    for (const unit of units)
      if (unit.shortName && !units.some((other) => other.name === unit.shortName))
        unitByName.set(unit.shortName, unit.id);
    for (const unit of units) unitByName.set(unit.name, unit.id);
    const personsByName = new Map<string, typeof persons>();
    for (const person of persons) personsByName.set(person.name, [...(personsByName.get(person.name) ?? []), person]);

    const has = (name: string) => sheet.columns.has(name);
    const problemColumn = has('问题编号') ? '问题编号' : '序号';
    const leadColumn = has('牵头单位') ? '牵头单位' : has('责任单位') ? '责任单位' : null;
    const coColumns = ['配合单位', ...(leadColumn === '牵头单位' && has('责任单位') ? ['责任单位'] : [])].filter(has);

    const plan: Plan = { creates: [], updates: [], unchanged: 0, errors: [] };
    const seen = new Set<string>();
    const counters = new Map<string, number>();
    let lastProblem = '';

    for (const { row, cells } of sheet.rows) {
      const value = (name: string) => cellString(cells[name]);
      if (IMPORTABLE.every((name) => !has(name) || value(name) === '')) continue;
      const rowErrors: LedgerRowErrorDto[] = [];
      const fail = (column: string, message: string) => rowErrors.push({ row, column, message });

      // merged or blank problem cells continue the problem above
      const problemText = value(problemColumn) || lastProblem;
      lastProblem = problemText;
      if (!problemText) {
        fail(problemColumn, '缺少问题编号');
        plan.errors.push(...rowErrors);
        continue;
      }
      const problem = problemByLabel.get(normaliseLabel(problemText)) ?? problemBySeq.get(normaliseLabel(problemText));
      if (!problem) {
        fail(problemColumn, `问题编号“${problemText}”在本轮巡视（巡察）中不存在，请先新建问题`);
        plan.errors.push(...rowErrors);
        continue;
      }
      const counted = (counters.get(problem.id) ?? 0) + 1;
      counters.set(problem.id, counted);
      let seq = counted;
      if (has('措施序号') && value('措施序号') !== '') {
        const number = Number(value('措施序号'));
        if (!Number.isInteger(number) || number < 1 || number > 999) fail('措施序号', '措施序号应为 1–999 的整数');
        else seq = number;
      }
      const key = `${problem.id}:${seq}`;
      if (seen.has(key)) fail('措施序号', `问题 ${problem.label} 的第 ${seq} 项措施在表中重复`);
      seen.add(key);
      const existing = measureByKey.get(key) ?? null;
      if (!existing && takenKeys.has(key))
        fail('措施序号', `问题 ${problem.label} 的第 ${seq} 项措施已删除，请恢复或换用其他序号`);

      const text = value('整改措施');
      if (text === '') fail('整改措施', '整改措施不能为空');
      else if (text.length > MAX_TEXT) fail('整改措施', `整改措施不能超过 ${MAX_TEXT} 个字符`);

      const unitId = (name: string): string | null => {
        const id = unitByName.get(name);
        if (!id) fail(leadColumn ?? '配合单位', `单位“${name}”不存在，请先在单位管理中新建或修改为系统中的单位名称`);
        return id ?? null;
      };
      let leadUnitId = existing?.leadUnitId ?? null;
      if (leadColumn) {
        const name = value(leadColumn);
        if (name === '') {
          if (existing?.leadUnitId) fail(leadColumn, '已分配的措施不能清空牵头单位，请在系统中调整责任单位');
          leadUnitId = existing?.leadUnitId ?? null;
        } else if (splitNames(name).length > 1) {
          fail(leadColumn, '牵头单位只能填写一个，其余请填入配合单位');
        } else leadUnitId = unitId(name);
      }
      let coUnitIds = existing?.coUnitIds ?? [];
      if (coColumns.length > 0) {
        const names = coColumns.flatMap((column) => splitNames(value(column)));
        const ids: string[] = [];
        for (const name of names) {
          const id = unitByName.get(name);
          if (!id) fail(coColumns[0], `单位“${name}”不存在，请先在单位管理中新建或修改为系统中的单位名称`);
          else if (id !== leadUnitId && !ids.includes(id)) ids.push(id);
        }
        coUnitIds = ids;
        if (ids.length > 0 && !leadUnitId && !rowErrors.some((error) => error.column === leadColumn)) {
          fail(leadColumn ?? '配合单位', '填写配合单位时须同时填写牵头单位');
        }
      }
      const person = (column: string, preferLeader: boolean): string | null | undefined => {
        if (!has(column)) return undefined;
        const name = value(column);
        if (name === '') return null;
        const candidates = personsByName.get(name) ?? [];
        const narrowed =
          candidates.length > 1
            ? candidates.filter((candidate) => (preferLeader ? candidate.isLeader : candidate.unitId === leadUnitId))
            : candidates;
        if (candidates.length === 0) fail(column, `人员“${name}”不存在，请先在人员管理中新建`);
        else if (narrowed.length !== 1) fail(column, `有多名叫“${name}”的人员，无法确定，请在系统中指定`);
        else return narrowed[0].id;
        return null;
      };
      const leaderId = person('责任领导', true);
      const personId = person('责任人', false);

      let deadline = existing?.deadline ?? null;
      let term: MeasureTerm = existing?.term ?? problem.term;
      if (has('完成时限')) {
        const parsed = parseDeadline(cells['完成时限']);
        if (parsed.kind === 'invalid') fail('完成时限', '完成时限应为日期（如 2024-06-30）或“长期坚持”');
        else if (parsed.kind === 'date') deadline = parsed.date;
        else if (parsed.kind === 'long_term') {
          deadline = null;
          term = 'long_term';
        } else deadline = null;
      }
      let remarks = existing?.remarks?.trim() || null;
      if (has('备注')) {
        remarks = value('备注') || null;
        if (remarks && remarks.length > MAX_REMARKS) fail('备注', `备注不能超过 ${MAX_REMARKS} 个字符`);
      }

      if (rowErrors.length > 0) {
        plan.errors.push(...rowErrors);
        continue;
      }
      const values: MeasureValues = {
        text,
        leadUnitId,
        coUnitIds,
        leaderId: leaderId === undefined ? (existing?.leaderId ?? null) : leaderId,
        personId: personId === undefined ? (existing?.personId ?? null) : personId,
        deadline,
        term,
        remarks,
      };
      const planned = { row, problemId: problem.id, problemLabel: problem.label, seq, existing, values };
      if (!existing) plan.creates.push({ ...planned, fields: CREATE_FIELDS });
      else {
        const fields = changedFields(existing, values);
        if (fields.length === 0) plan.unchanged++;
        else plan.updates.push({ ...planned, fields });
      }
    }
    return plan;
  }

  /**
   * The plan written set-based, in batches of APPLY_BATCH rows: per batch one statement per table (measure,
   * measure_unit, measure_event, audit_event), then the problems touched re-derived once each. The rows and their
   * history and audit are those the one-row-at-a-time path wrote (updates first, then creates); the caller's
   * transaction makes it all or nothing.
   */
  private async apply(manager: EntityManager, inspectionId: string, plan: Plan, actor: Actor): Promise<void> {
    const touched = new Set<string>();
    for (let start = 0; start < plan.updates.length; start += APPLY_BATCH) {
      await this.applyUpdates(manager, plan.updates.slice(start, start + APPLY_BATCH), actor);
    }
    for (const item of plan.updates) touched.add(item.problemId);
    for (let start = 0; start < plan.creates.length; start += APPLY_BATCH) {
      await this.applyCreates(manager, inspectionId, plan.creates.slice(start, start + APPLY_BATCH), actor);
    }
    for (const item of plan.creates) touched.add(item.problemId);
    await this.refreshProblemStatuses(manager, [...touched]);
  }

  private async applyUpdates(manager: EntityManager, items: PlannedRow[], actor: Actor): Promise<void> {
    await this.repository.overwriteImportedMeasures(
      manager,
      items.map(({ existing, values }) => ({ id: existing!.id, ...measureColumns(values) })),
    );
    // the measures whose units change: exactly lead + co-units; an unfinished one's status follows its units'
    const unitsChanged = items.filter(
      ({ existing, values }) =>
        existing!.leadUnitId !== values.leadUnitId || !sameSet(existing!.coUnitIds, values.coUnitIds),
    );
    await this.repository.replaceImportedUnits(
      manager,
      unitsChanged.map((item) => item.existing!.id),
      unitsChanged.flatMap(({ existing, values }) =>
        unitRows(existing!.id, values, isMeasureDone(existing!.status) ? existing!.status : 'not_started'),
      ),
    );
    const unfinished = unitsChanged.filter((item) => !isMeasureDone(item.existing!.status));
    const shares = await this.repository.unitStatuses(
      manager,
      unfinished.map((item) => item.existing!.id),
    );
    const statusOf = new Map<string, MeasureStatus>();
    for (const item of unfinished) {
      const id = item.existing!.id;
      statusOf.set(id, rollUpMeasureStatus(shares.get(id) ?? []));
    }
    await this.repository.setRolledUpStatuses(
      manager,
      unfinished
        .map((item) => ({ id: item.existing!.id, status: statusOf.get(item.existing!.id)! }))
        .filter((row, i) => row.status !== unfinished[i].existing!.status),
    );

    const events: MeasureEventInput[] = [];
    const audits: Parameters<AuditService['insertManyColumns']>[0] = [];
    for (const item of items) {
      const measure = item.existing!;
      const next = item.values;
      const status = statusOf.get(measure.id) ?? measure.status;
      const before = {
        text: measure.text,
        leadUnitId: measure.leadUnitId,
        coUnitIds: measure.coUnitIds,
        responsibleLeaderId: measure.leaderId,
        responsiblePersonId: measure.personId,
        deadline: measure.deadline,
        term: measure.term,
        remarks: measure.remarks,
      };
      const after = {
        text: next.text,
        leadUnitId: next.leadUnitId,
        coUnitIds: next.coUnitIds,
        responsibleLeaderId: next.leaderId,
        responsiblePersonId: next.personId,
        deadline: next.deadline,
        term: next.term,
        remarks: next.remarks,
      };
      events.push({
        measureId: measure.id,
        action: 'update',
        fromStatus: status !== measure.status ? measure.status : null,
        toStatus: status !== measure.status ? status : null,
        actorId: actor.id,
        actorName: actor.displayName,
        detail: { source: 'ledger', row: item.row, fields: item.fields, before, after },
      });
      audits.push({
        action: 'MEASURE_UPDATED',
        entityType: 'measure',
        entityId: measure.id,
        before,
        after,
        detail: { source: 'ledger', row: item.row },
      });
    }
    await this.writes.insertEvents(manager, events);
    await this.repository.insertAudits(manager, this.audit, audits);
  }

  private async applyCreates(
    manager: EntityManager,
    inspectionId: string,
    items: PlannedRow[],
    actor: Actor,
  ): Promise<void> {
    const ids = items.map(() => randomUUID());
    await this.repository.insertImportedMeasures(
      manager,
      inspectionId,
      items.map((item, i) => ({
        id: ids[i],
        problemId: item.problemId,
        seq: item.seq,
        ...measureColumns(item.values),
      })),
    );
    // no lead unit: no unit at all (co-units follow a lead)
    await this.repository.insertImportedUnits(
      manager,
      items.flatMap((item, i) => unitRows(ids[i], item.values, 'not_started')),
    );
    await this.writes.insertEvents(
      manager,
      items.map((item, i) => ({
        measureId: ids[i],
        action: 'create',
        toStatus: 'not_started',
        actorId: actor.id,
        actorName: actor.displayName,
        detail: { source: 'ledger', row: item.row },
      })),
    );
    await this.repository.insertAudits(
      manager,
      this.audit,
      items.map((item, i) => ({
        action: 'MEASURE_CREATED',
        entityType: 'measure',
        entityId: ids[i],
        after: { problemId: item.problemId, seq: item.seq, ...item.values },
        detail: { source: 'ledger', row: item.row },
      })),
    );
  }

  /** Each touched problem's status re-derived from its live measures (refreshProblemStatus), audited when it moves. */
  private async refreshProblemStatuses(manager: EntityManager, problemIds: string[]): Promise<void> {
    for (let start = 0; start < problemIds.length; start += APPLY_BATCH) {
      const rows = await this.repository.problemStatuses(manager, problemIds.slice(start, start + APPLY_BATCH));
      const moved = rows
        .map((row) => ({ id: row.id, before: row.status, status: deriveProblemStatus(row.statuses) }))
        .filter((row) => row.status !== row.before);
      await this.repository.setProblemStatuses(manager, moved);
      await this.repository.insertAudits(
        manager,
        this.audit,
        moved.map((row) => ({
          action: 'PROBLEM_STATUS_DERIVED',
          entityType: 'problem',
          entityId: row.id,
          before: { status: row.before },
          after: { status: row.status },
        })),
      );
    }
  }
}

/** The measure columns the import writes. */
function measureColumns(values: MeasureValues) {
  return {
    text: values.text,
    term: values.term,
    deadline: values.deadline,
    leadUnitId: values.leadUnitId,
    leaderId: values.leaderId,
    personId: values.personId,
    remarks: values.remarks,
  };
}

/** A measure's units as planned: the lead, then the co-units; none without a lead. */
function unitRows(measureId: string, values: MeasureValues, status: MeasureStatus): ImportedUnit[] {
  if (!values.leadUnitId) return [];
  return [
    { measureId, unitId: values.leadUnitId, role: 'lead', status },
    ...values.coUnitIds.map((unitId) => ({ measureId, unitId, role: 'co' as const, status })),
  ];
}

function change(item: PlannedRow): LedgerChangeDto {
  return {
    row: item.row,
    problemLabel: item.problemLabel,
    measureSeq: item.seq,
    measureId: item.existing?.id ?? null,
    fields: item.fields,
  };
}
