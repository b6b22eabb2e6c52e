import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  chinaDate,
  EFFECTIVENESS_RATING_LABELS,
  drawSample,
  isMeasureDone,
  LOOKBACK_RESULT_LABELS,
  LOOKBACK_STATUS_LABELS,
  lookbackNumber,
  measureStatusLabel,
  newSampleSeed,
  reboundRatePct,
  sampleFingerprint,
} from '@zhenggai/domain';
import { scopeOf } from '../../common/auth/access-scope.js';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import { StaleVersionError, withConflictState } from '../../common/versioned-update.js';
import { AuditService } from '../audit/audit.service.js';
import { DocumentsService, type LookbackReportInput, type RenderedFile } from '../documents/index.js';
import { InspectionsService } from '../inspections/inspections.service.js';
import { MeasureWritesRepository } from '../measures/measure-writes.repository.js';
import { MeasuresService } from '../measures/measures.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { refOf } from '../units/dto/ref.dto.js';
import type {
  AddLookbackItemDto,
  CreateLookbackDto,
  FinishLookbackDto,
  LookbackDto,
  LookbackItemDto,
  LookbackSummaryDto,
  LookbackUnitRateDto,
  RecordLookbackResultDto,
} from './dto/lookback.dto.js';
import { LookbacksRepository, type LookbackItemRow, type LookbackRow } from './lookbacks.repository.js';

const NOT_FOUND = '回头看不存在或无权查看';

const invalid = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { errors: { [field]: [message] } });

/**
 * 回头看: an officer draws a reproducible sample of the signed-off measures (drawSample, seed stored), may add
 * measures by hand, and records each item 巩固 or 反弹; a rebound reopens the measure through the one write path (→ 推进中
 * with a new deadline), the problem's status follows, the history links the look-back and the units hear of it.
 */
@Injectable()
export class LookbacksService {
  constructor(
    private readonly repository: LookbacksRepository,
    private readonly inspections: InspectionsService,
    private readonly measures: MeasuresService,
    private readonly writes: MeasureWritesRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly documents: DocumentsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(inspectionId: string, dto: CreateLookbackDto, actor: Actor): Promise<LookbackDto> {
    await this.inspections.get(inspectionId, actor);
    const seed = dto.seed || newSampleSeed();
    const id = await this.dataSource.transaction(async (manager) => {
      const candidates = await this.repository.candidates(manager, inspectionId);
      if (candidates.length === 0) {
        throw invalid('sampleRatePct', '该巡视（巡察）还没有已销号（已完成、视同完成）的措施，无从抽取');
      }
      const sample = drawSample(candidates, dto.sampleRatePct, seed);
      const status = new Map(candidates.map((candidate) => [candidate.measureId, candidate.status] as const));
      const lookbackId = await this.repository.insert(manager, {
        inspectionId,
        title: dto.title,
        sampleRatePct: dto.sampleRatePct,
        seed,
        population: sample.population,
        fingerprint: sampleFingerprint(sample.items.map((item) => item.measureId)),
        createdById: actor.id,
      });
      await this.repository.insertItems(
        manager,
        lookbackId,
        sample.items.map((item) => ({
          measureId: item.measureId,
          unitId: item.unitId,
          manual: false,
          statusAtDraw: status.get(item.measureId)!,
        })),
      );
      await this.audit.record(
        {
          action: 'LOOKBACK_CREATED',
          entityType: 'lookback',
          entityId: lookbackId,
          after: {
            inspectionId,
            title: dto.title,
            sampleRatePct: dto.sampleRatePct,
            seed,
            population: sample.population,
            drawn: sample.items.length,
            strata: sample.strata,
          },
        },
        manager,
      );
      return lookbackId;
    });
    return this.get(id, actor);
  }

  async list(inspectionId: string, actor: Actor): Promise<LookbackSummaryDto[]> {
    await this.inspections.get(inspectionId, actor);
    const rows = await this.repository.find({ inspectionId }, scopeOf(actor));
    return rows.map((row) => this.summary(row));
  }

  async get(id: string, actor: Actor): Promise<LookbackDto> {
    const scope = scopeOf(actor);
    const [row] = await this.repository.find({ id }, scope);
    if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
    const items = await this.repository.items(id, scope);
    return { ...this.summary(row), items: items.map((item) => this.item(item)), units: this.unitRates(items) };
  }

  /** An officer adds a signed-off measure of the inspection by hand (marked as such). */
  async addItem(id: string, dto: AddLookbackItemDto, actor: Actor): Promise<LookbackDto> {
    const measureId = dto.measureId.toLowerCase();
    await this.dataSource.transaction(async (manager) => {
      const lookback = await this.repository.lock(manager, id);
      if (!lookback) throw new AppError('NOT_FOUND', NOT_FOUND);
      if (lookback.status === 'finished') throw new AppError('LOOKBACK_FINISHED');
      const measure = await this.repository.measureOf(manager, lookback.inspectionId, measureId);
      if (!measure) throw invalid('measureId', '所选措施不存在或不属于本巡视（巡察）');
      if (!isMeasureDone(measure.status)) throw invalid('measureId', '只能加抽已销号（已完成、视同完成）的措施');
      const added = await this.repository.insertItems(manager, id, [
        { measureId, unitId: measure.unitId, manual: true, statusAtDraw: measure.status },
      ]);
      if (added === 0) throw new AppError('DUPLICATE', '该措施已在本次回头看中');
      await this.repository.touch(manager, id);
      await this.audit.record(
        { action: 'LOOKBACK_ITEM_ADDED', entityType: 'lookback', entityId: id, after: { measureId, manual: true } },
        manager,
      );
    });
    return this.get(id, actor);
  }

  /**
   * Records an item's finding once. 巩固 changes nothing else; 反弹 reopens the measure (→ 推进中, the new deadline,
   * every unit's share back in progress), writes a 回头看反弹 event into its history linking the look-back, lets the
   * problem's status follow, and tells the measure's units and the task force.
   */
  async recordResult(id: string, itemId: string, dto: RecordLookbackResultDto, actor: Actor): Promise<LookbackDto> {
    const today = this.clock.today();
    const rebound = dto.result === 'rebounded';
    if (rebound && !dto.deadline) throw invalid('deadline', '反弹的措施须重新确定整改时限');
    if (rebound && dto.deadline! < today) throw invalid('deadline', '新的整改时限不能早于今天');
    const attachmentIds = (dto.attachmentIds ?? []).map((value) => value.toLowerCase());
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const lookback = await this.repository.lock(manager, id);
          if (!lookback) throw new AppError('NOT_FOUND', NOT_FOUND);
          if (dto.version !== undefined && dto.version !== lookback.version) throw new StaleVersionError();
          if (lookback.status === 'finished') throw new AppError('LOOKBACK_FINISHED');
          const item = await this.repository.lockItem(manager, id, itemId);
          if (!item) throw new AppError('NOT_FOUND', '回头看事项不存在');
          if (item.result) throw new AppError('LOOKBACK_ITEM_CHECKED');
          if ((await this.repository.evidenceOf(manager, item.measureId, attachmentIds)) !== attachmentIds.length) {
            throw invalid('attachmentIds', '所选佐证材料不存在、已删除或不属于该措施');
          }
          const measure = await this.writes.lock(manager, item.measureId, { all: true });
          if (!measure) throw new AppError('NOT_FOUND', '该措施已删除');
          const number = lookbackNumber(lookback.seq);
          if (rebound) {
            if (!isMeasureDone(measure.status)) {
              throw new AppError('TRANSITION_NOT_ALLOWED', '该措施已不是销号状态（可能已被重新打开），不能再登记反弹');
            }
            await this.writes.setUnitStatus(manager, measure.id, 'all', 'in_progress');
            const updated = await this.writes.update(manager, measure.id, measure.version, {
              status: 'in_progress',
              deadline: dto.deadline,
              submitted_at: null,
              completed_at: null,
            });
            if (!updated) throw new StaleVersionError();
            await this.writes.insertEvent(manager, {
              measureId: measure.id,
              action: 'rebound',
              fromStatus: measure.status,
              toStatus: 'in_progress',
              unitId: null,
              actorId: actor.id,
              actorName: actor.displayName,
              opinion: dto.finding,
              attachmentIds,
              detail: { lookbackId: id, itemId, number, title: lookback.title, deadline: dto.deadline },
            });
            await this.audit.record(
              {
                action: 'MEASURE_REBOUND',
                entityType: 'measure',
                entityId: measure.id,
                before: { status: measure.status, deadline: measure.deadline, version: measure.version },
                after: { status: 'in_progress', deadline: dto.deadline, version: measure.version + 1 },
                detail: { lookbackId: id, itemId, finding: dto.finding },
              },
              manager,
            );
            await this.writes.refreshProblemStatus(manager, measure.problemId, this.audit);
          }
          await this.repository.recordResult(manager, itemId, {
            result: dto.result,
            finding: dto.finding,
            deadline: rebound ? dto.deadline! : null,
            evidenceIds: attachmentIds,
            checkedById: actor.id,
            checkedByName: actor.displayName,
            checkedAt: this.clock.now(),
          });
          await this.repository.touch(manager, id);
          await this.audit.record(
            {
              action: 'LOOKBACK_ITEM_CHECKED',
              entityType: 'lookback',
              entityId: id,
              after: { itemId, measureId: item.measureId, result: dto.result, finding: dto.finding },
            },
            manager,
          );
          if (rebound) {
            const [row] = (await this.repository.items(id, { all: true }, manager)).filter((i) => i.id === itemId);
            const unitIds = (await this.writes.unitShares(manager, measure.id)).map((share) => share.unitId);
            const recipients = [
              ...new Set([
                ...(await this.measures.unitAccountIds(manager, unitIds)),
                ...(await this.measures.taskForceAccountIds(manager)),
              ]),
            ];
            await this.notifications.notify(
              recipients,
              {
                kind: 'lookback.rebounded',
                title: `${number}发现反弹，措施重新打开：${row.label}`,
                body: `核查情况：${dto.finding}\n\n请于 ${dto.deadline} 前完成整改并重新提交销号。\n\n${row.label} ${row.text.slice(0, 60)}`,
                link: `/problems/${row.problemId}#measure-${measure.id}`,
              },
              manager,
            );
          }
        }),
      () => this.get(id, actor),
    );
    return this.get(id, actor);
  }

  /** Finishes a look-back once every item has its finding. */
  async finish(id: string, dto: FinishLookbackDto, actor: Actor): Promise<LookbackDto> {
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const lookback = await this.repository.lock(manager, id);
          if (!lookback) throw new AppError('NOT_FOUND', NOT_FOUND);
          if (dto.version !== undefined && dto.version !== lookback.version) throw new StaleVersionError();
          if (lookback.status === 'finished') throw new AppError('LOOKBACK_FINISHED');
          const unchecked = await this.repository.uncheckedCount(manager, id);
          if (unchecked > 0) {
            throw new AppError('TRANSITION_NOT_ALLOWED', `尚有 ${unchecked} 项未登记核查结果，不能完成回头看`);
          }
          await this.repository.finish(manager, id, this.clock.now());
          await this.audit.record({ action: 'LOOKBACK_FINISHED', entityType: 'lookback', entityId: id }, manager);
        }),
      () => this.get(id, actor),
    );
    return this.get(id, actor);
  }

  /** 第N次回头看情况报告 (GB/T 9704 docx) with what the caller may see; audited. */
  async exportDocument(id: string, actor: Actor): Promise<RenderedFile> {
    const lookback = await this.get(id, actor);
    const file = await this.documents.lookbackReport(this.reportInput(lookback));
    await this.recordExport(lookback, 'docx');
    return file;
  }

  /** 抽查清单 and 各单位反弹率 as a workbook; audited. */
  async exportWorkbook(id: string, actor: Actor): Promise<RenderedFile> {
    const lookback = await this.get(id, actor);
    const file = await this.documents.lookbackWorkbook(this.reportInput(lookback));
    await this.recordExport(lookback, 'xlsx');
    return file;
  }

  private recordExport(lookback: LookbackDto, format: 'docx' | 'xlsx'): Promise<void> {
    return this.audit.record({
      action: 'LOOKBACK_EXPORTED',
      entityType: 'lookback',
      entityId: lookback.id,
      detail: { format, number: lookback.number, items: lookback.items.length },
    });
  }

  private reportInput(lookback: LookbackDto): LookbackReportInput {
    const counts = {
      items: lookback.items.length,
      drawn: lookback.items.filter((item) => !item.manual).length,
      manual: lookback.items.filter((item) => item.manual).length,
      checked: lookback.items.filter((item) => item.result).length,
      consolidated: lookback.items.filter((item) => item.result === 'consolidated').length,
      rebounded: lookback.items.filter((item) => item.result === 'rebounded').length,
    };
    return {
      number: lookback.number,
      title: lookback.title,
      date: this.clock.today(),
      drawnOn: chinaDate(new Date(lookback.createdAt)),
      statusLabel: lookback.statusLabel,
      sampleRatePct: lookback.sampleRatePct,
      seed: lookback.seed,
      fingerprint: lookback.fingerprint,
      population: lookback.population,
      counts: { ...counts, reboundRatePct: reboundRatePct(counts.checked, counts.rebounded) },
      units: lookback.units.map((unit) => ({ ...unit, unitName: unit.unit?.name ?? '无牵头单位' })),
      items: lookback.items.map((item) => ({
        label: item.label,
        problemTitle: item.problemTitle,
        text: item.text,
        unitName: item.unit?.name ?? '无牵头单位',
        manual: item.manual,
        statusAtDrawLabel: item.statusAtDrawLabel,
        resultLabel: item.resultLabel,
        finding: item.finding,
        deadline: item.deadline,
        measureStatusLabel: item.measureStatusLabel,
        checkedBy: item.checkedBy,
        problemId: item.problemId,
        effectivenessLabel: item.effectivenessLabel,
      })),
    };
  }

  private summary(row: LookbackRow): LookbackSummaryDto {
    return {
      id: row.id,
      inspectionId: row.inspectionId,
      seq: row.seq,
      number: lookbackNumber(row.seq),
      title: row.title,
      sampleRatePct: row.sampleRatePct,
      seed: row.seed,
      population: row.population,
      fingerprint: row.fingerprint,
      status: row.status,
      statusLabel: LOOKBACK_STATUS_LABELS[row.status],
      counts: {
        items: row.items,
        drawn: row.items - row.manual,
        manual: row.manual,
        checked: row.checked,
        consolidated: row.consolidated,
        rebounded: row.rebounded,
        reboundRatePct: reboundRatePct(row.checked, row.rebounded),
      },
      createdBy: refOf(row.createdById, row.createdByName),
      createdAt: new Date(row.createdAt).toISOString(),
      finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
      version: row.version,
    };
  }

  private item(row: LookbackItemRow): LookbackItemDto {
    return {
      id: row.id,
      measureId: row.measureId,
      problemId: row.problemId,
      label: row.label,
      problemTitle: row.problemTitle,
      text: row.text,
      unit: refOf(row.unitId, row.unitName),
      manual: row.manual,
      statusAtDrawLabel: measureStatusLabel(row.statusAtDraw),
      measureStatus: row.measureStatus,
      measureStatusLabel: measureStatusLabel(row.measureStatus),
      result: row.result,
      resultLabel: row.result ? LOOKBACK_RESULT_LABELS[row.result] : null,
      finding: row.finding,
      deadline: row.deadline,
      evidenceIds: row.evidenceIds,
      checkedBy: row.checkedByName,
      effectivenessLabel: row.effectiveness ? EFFECTIVENESS_RATING_LABELS[row.effectiveness] : null,
      checkedAt: row.checkedAt ? new Date(row.checkedAt).toISOString() : null,
    };
  }

  /** The rebound rate per unit the items were drawn for, in the order units first appear. */
  private unitRates(items: LookbackItemRow[]): LookbackUnitRateDto[] {
    const byUnit = new Map<string, LookbackUnitRateDto>();
    for (const item of items) {
      const key = item.unitId ?? '';
      if (!byUnit.has(key)) {
        byUnit.set(key, {
          unit: refOf(item.unitId, item.unitName),
          items: 0,
          checked: 0,
          rebounded: 0,
          reboundRatePct: 0,
        });
      }
      const unit = byUnit.get(key)!;
      unit.items += 1;
      if (item.result) unit.checked += 1;
      if (item.result === 'rebounded') unit.rebounded += 1;
    }
    return [...byUnit.values()].map((unit) => ({
      ...unit,
      reboundRatePct: reboundRatePct(unit.checked, unit.rebounded),
    }));
  }
}
