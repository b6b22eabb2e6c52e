import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  addDays,
  checkRoundSchedule,
  DEFAULT_ROUND_SCHEDULE,
  defaultRoundTitle,
  describeRoundSchedule,
  isLateSubmission,
  isMeasureDone,
  LIGHT_LABELS,
  measureLight,
  measureStatusLabel,
  PUNCTUALITY_LABELS,
  ROLE_LABELS,
  ROUND_STATUS_LABELS,
  ROUND_UNIT_STATUS_LABELS,
  roundNumber,
  type Light,
  type MeasureStatus,
  type Role,
  type RoundSchedule,
} from '@zhenggai/domain';
import { scopeOf, type AccessScope } from '../../common/auth/access-scope.js';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import { requireVersion, StaleVersionError, withConflictState } from '../../common/versioned-update.js';
import { AuditService } from '../audit/audit.service.js';
import { InspectionsService } from '../inspections/inspections.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { MeasureWritesRepository } from '../measures/measure-writes.repository.js';
import { MeasuresService } from '../measures/measures.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { refOf } from '../units/dto/ref.dto.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import type {
  CloseReportRoundDto,
  CreateReportRoundDto,
  MissingUnitDto,
  PendingReportDto,
  ReportFormDto,
  ReportRoundDto,
  ReportRoundSummaryDto,
  ReportScheduleDto,
  ReturnSubmissionDto,
  SnapshotItemDto,
  SubmissionDto,
  SubmitReportDto,
  UnitSubmissionsDto,
  UpdateReportScheduleDto,
  UrgedReportsDto,
  UrgeReportsDto,
} from './dto/report-round.dto.js';
import {
  ReportRoundsRepository,
  type RoundRow,
  type SnapshotItemRow,
  type SubmissionRow,
} from './report-rounds.repository.js';

const NOT_FOUND = '报送轮次不存在或无权查看';

export const ROUND_SCHEDULE_JOB = 'report-rounds.schedule';

/** Officers and supervisors see every unit of a round; a unit's accounts see their own units. */
function isUnitActor(actor: Actor): boolean {
  return !actor.roles.includes('task_force_officer') && !actor.roles.includes('supervisor');
}

// 报送轮次: an officer (or the schedule) opens a round for an inspection; every unit in its scope reports this period's
// progress on its measures by the due date; the report freezes a snapshot; officers return reports for correction
// and close the round, which records who was late or missing for good.
@Injectable()
export class ReportRoundsService {
  constructor(
    private readonly repository: ReportRoundsRepository,
    private readonly inspections: InspectionsService,
    private readonly measures: MeasuresService,
    private readonly writes: MeasureWritesRepository,
    private readonly notifications: NotificationsService,
    private readonly webhooks: WebhooksService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    jobs: JobsService,
  ) {
    void jobs.define({
      name: ROUND_SCHEDULE_JOB,
      label: '定期开启报送轮次',
      cron: '0 8 * * *',
      handler: async () => ({ opened: await this.openScheduled() }),
    });
  }

  // --- rounds ---

  async open(inspectionId: string, dto: CreateReportRoundDto, actor: Actor): Promise<ReportRoundDto> {
    await this.inspections.get(inspectionId, actor);
    const today = this.clock.today();
    if (dto.dueDate < today) {
      throw new AppError('VALIDATION_FAILED', '报送截止日期不能早于今天', {
        errors: { dueDate: ['报送截止日期不能早于今天'] },
      });
    }
    if (dto.periodEnd > dto.dueDate) {
      throw new AppError('VALIDATION_FAILED', '统计截止日期不能晚于报送截止日期', {
        errors: { periodEnd: ['统计截止日期不能晚于报送截止日期'] },
      });
    }
    const unitIds = dto.unitIds?.map((id) => id.toLowerCase()) ?? null;
    if (unitIds && (await this.repository.liveUnits(unitIds)).length !== unitIds.length) {
      throw new AppError('VALIDATION_FAILED', '所选报送单位不存在或已删除', {
        errors: { unitIds: ['所选报送单位不存在或已删除'] },
      });
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const opened = await this.openIn(manager, {
        inspectionId,
        title: dto.title || defaultRoundTitle(dto.periodEnd),
        periodEnd: dto.periodEnd,
        dueDate: dto.dueDate,
        scheduleKey: null,
        openedById: actor.id,
        unitIds,
      });
      if (!opened) throw new AppError('DUPLICATE');
      return opened;
    });
    return this.get(id, actor);
  }

  /**
   * Opens today's scheduled rounds: every live inspection whose schedule falls on today's day of the month gets one
   * round for this month, once however often and on however many processes this runs. Returns how many it opened.
   */
  async openScheduled(): Promise<number> {
    const today = this.clock.today();
    const due = await this.repository.scheduledFor(Number(today.slice(8, 10)));
    let opened = 0;
    for (const schedule of due) {
      try {
        const id = await this.dataSource.transaction((manager) =>
          this.openIn(manager, {
            inspectionId: schedule.inspectionId,
            title: defaultRoundTitle(today),
            periodEnd: today,
            dueDate: addDays(today, schedule.dueAfterDays),
            scheduleKey: today.slice(0, 7),
            openedById: null,
            unitIds: null,
          }),
        );
        if (id) opened += 1;
      } catch (error) {
        // an inspection with nothing open has nobody to report: no round this month
        if (!(error instanceof AppError && error.code === 'VALIDATION_FAILED')) throw error;
      }
    }
    return opened;
  }

  private async openIn(
    manager: EntityManager,
    round: Parameters<ReportRoundsRepository['open']>[1],
  ): Promise<string | null> {
    const id = await this.repository.open(manager, round);
    if (!id) return null;
    const units = await this.repository.units(id, { all: true }, manager);
    if (units.length === 0) {
      throw new AppError('VALIDATION_FAILED', '没有需要报送的单位：该巡视（巡察）没有未完成的措施', {
        errors: { unitIds: ['没有需要报送的单位'] },
      });
    }
    const [row] = await this.repository.find({ id }, { all: true }, manager);
    await this.audit.record(
      {
        action: 'REPORT_ROUND_OPENED',
        entityType: 'report_round',
        entityId: id,
        ...(round.openedById ? {} : { actor: null, username: 'system' }),
        after: {
          number: roundNumber(row.seq),
          title: round.title,
          periodEnd: round.periodEnd,
          dueDate: round.dueDate,
          units: units.length,
          scheduled: round.scheduleKey !== null,
        },
      },
      manager,
    );
    await this.notifications.notify(
      await this.measures.unitAccountIds(
        manager,
        units.map((unit) => unit.unitId),
      ),
      {
        kind: 'round.opened',
        title: `请于 ${round.dueDate} 前报送${roundNumber(row.seq)}整改进展`,
        body: `${round.title}：请填写本单位各项整改措施截至 ${round.periodEnd} 的进展情况，由单位负责人报送。`,
        link: `/report-rounds/${id}`,
      },
      manager,
    );
    return id;
  }

  async list(inspectionId: string, actor: Actor, status?: 'open' | 'closed'): Promise<ReportRoundSummaryDto[]> {
    await this.inspections.get(inspectionId, actor);
    const rows = await this.repository.find({ inspectionId, status }, scopeOf(actor));
    return rows.map((row) => this.summary(row));
  }

  async get(id: string, actor: Actor): Promise<ReportRoundDto> {
    const scope = scopeOf(actor);
    const [row] = await this.repository.find({ id }, scope);
    if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
    const units = await this.repository.units(id, scope);
    return {
      ...this.summary(row),
      units: units.map((unit) => ({
        unit: { id: unit.unitId, name: unit.unitName },
        status: unit.status,
        statusLabel: ROUND_UNIT_STATUS_LABELS[unit.status],
        submittedAt: unit.submittedAt ? new Date(unit.submittedAt).toISOString() : null,
        submittedBy: unit.submittedBy,
        returnReason: unit.returnReason,
        punctuality: unit.punctuality,
        punctualityLabel: unit.punctuality ? PUNCTUALITY_LABELS[unit.punctuality] : null,
      })),
    };
  }

  async close(id: string, dto: CloseReportRoundDto, actor: Actor): Promise<ReportRoundDto> {
    await this.get(id, actor);
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          const round = await this.repository.lockRound(manager, id);
          if (!round) throw new AppError('NOT_FOUND', NOT_FOUND);
          if (dto.version !== undefined && dto.version !== round.version) throw new StaleVersionError();
          if (round.status === 'closed') throw new AppError('ROUND_CLOSED', '本期报送已结束，不能重复结束');
          const missing = await this.repository.close(manager, id, actor.id, this.clock.now());
          await this.audit.record(
            { action: 'REPORT_ROUND_CLOSED', entityType: 'report_round', entityId: id, after: { missing } },
            manager,
          );
        }),
      () => this.get(id, actor),
    );
    return this.get(id, actor);
  }

  async missing(id: string, actor: Actor): Promise<MissingUnitDto[]> {
    await this.get(id, actor);
    const rows = await this.repository.missing(id, scopeOf(actor));
    return rows.map((row) => ({
      unit: { id: row.unitId, name: row.unitName },
      status: row.status,
      statusLabel: ROUND_UNIT_STATUS_LABELS[row.status],
      openMeasures: row.openMeasures,
      contacts: row.contacts.map((contact) => ({
        name: contact.name,
        email: contact.email,
        roles: contact.roles.map((role) => ROLE_LABELS[role as Role] ?? role),
      })),
    }));
  }

  /**
   * 催报: an officer urges the units still owing their report (all of them, or those chosen) in one click; every
   * active account of those units hears it on each channel. Audited; published to the round.missing webhooks.
   */
  async urge(id: string, dto: UrgeReportsDto, actor: Actor): Promise<UrgedReportsDto> {
    const round = await this.get(id, actor);
    if (round.status === 'closed') throw new AppError('ROUND_CLOSED', '本期报送已结束，不能再催报');
    const chosen = dto.unitIds ? new Set(dto.unitIds.map((unitId) => unitId.toLowerCase())) : null;
    const owing = round.units.filter(
      (unit) => (unit.status === 'pending' || unit.status === 'returned') && (!chosen || chosen.has(unit.unit.id)),
    );
    if (chosen && owing.length !== chosen.size) {
      const message = '所选单位不在本期报送范围内或已报送';
      throw new AppError('VALIDATION_FAILED', message, { errors: { unitIds: [message] } });
    }
    if (owing.length === 0) throw new AppError('TRANSITION_NOT_ALLOWED', '所有单位均已报送，无需催报');
    const message = dto.message || `请于 ${round.dueDate} 前报送本单位${round.number}整改进展，逾期报送将记入考核。`;
    const recipients = await this.dataSource.transaction(async (manager) => {
      const userIds = await this.measures.unitAccountIds(
        manager,
        owing.map((unit) => unit.unit.id),
      );
      await this.notifications.notify(
        userIds,
        {
          kind: 'round.urged',
          title: `整改专班催报：${round.number}整改进展（截止 ${round.dueDate}）`,
          body: message,
          link: `/report-rounds/${id}`,
        },
        manager,
      );
      await this.audit.record(
        {
          action: 'REPORT_URGED',
          entityType: 'report_round',
          entityId: id,
          after: {
            number: round.number,
            unitIds: owing.map((unit) => unit.unit.id),
            message,
            recipients: userIds.length,
          },
        },
        manager,
      );
      return userIds.length;
    });
    await this.webhooks.publish('round.missing', {
      occurredAt: this.clock.now().toISOString(),
      title: `整改专班催报${round.number}整改进展：${owing.length} 个单位未报送`,
      message: [message, ...owing.map((unit) => `${unit.unit.name}（${unit.statusLabel}）`)].join('\n'),
      by: { id: actor.id, name: actor.displayName },
      link: `/report-rounds/${id}`,
      measures: [],
    });
    return { units: owing.length, recipients };
  }

  /** 待报送: the open rounds in which one of the caller's units has no standing report. */
  async pending(actor: Actor): Promise<PendingReportDto[]> {
    if (!isUnitActor(actor) || actor.unitIds.length === 0) return [];
    const places = await this.repository.pendingFor(actor.unitIds);
    const rounds = new Map<string, ReportRoundSummaryDto>();
    const result: PendingReportDto[] = [];
    for (const place of places) {
      if (!rounds.has(place.roundId)) {
        const [row] = await this.repository.find({ id: place.roundId }, scopeOf(actor));
        if (row) rounds.set(place.roundId, this.summary(row));
      }
      const round = rounds.get(place.roundId);
      if (!round) continue;
      const unit = await this.repository.roundUnit(place.roundId, place.unitId);
      const submissions =
        unit?.status === 'returned' ? await this.repository.submissions(place.roundId, place.unitId) : [];
      result.push({
        round,
        unit: { id: place.unitId, name: place.unitName },
        status: unit?.status ?? 'pending',
        statusLabel: ROUND_UNIT_STATUS_LABELS[unit?.status ?? 'pending'],
        returnReason: submissions[0]?.returnReason ?? null,
      });
    }
    return result;
  }

  // --- the unit's report ---

  /** The unit's form: its measures pre-filled with their current state (or the returned report's text). */
  async form(id: string, requestedUnitId: string | undefined, actor: Actor): Promise<ReportFormDto> {
    const unitId = requestedUnitId ?? (await this.ownPlace(id, actor));
    const round = await this.visibleUnitPlace(id, unitId, actor);
    const place = (await this.repository.roundUnit(id, unitId))!;
    const today = this.clock.today();
    const ledger = await this.repository.ledgerOfUnit(undefined, round.inspectionId, unitId);
    const returned =
      place.status === 'returned' && place.submissionId
        ? new Map(
            (await this.repository.snapshotItems([place.submissionId])).map((item) => [item.measureId, item] as const),
          )
        : new Map<string, SnapshotItemRow>();
    const submissions = place.status === 'returned' ? await this.repository.submissions(id, unitId) : [];
    return {
      round,
      unit: { id: unitId, name: place.unitName },
      status: place.status,
      returnReason: submissions[0]?.returnReason ?? null,
      canSubmit:
        round.status === 'open' &&
        (place.status === 'pending' || place.status === 'returned') &&
        actor.roles.includes('unit_leader') &&
        actor.unitIds.includes(unitId),
      items: ledger.map((item) => {
        const status = item.status as MeasureStatus;
        const light = measureLight(item.deadline, status, today, undefined, item.openCheckpoint);
        const before = returned.get(item.measureId);
        return {
          measureId: item.measureId,
          problemId: item.problemId,
          label: item.label,
          problemTitle: item.problemTitle,
          text: item.text,
          status,
          statusLabel: measureStatusLabel(status),
          deadline: item.deadline,
          light,
          lightLabel: LIGHT_LABELS[light],
          open: !isMeasureDone(status),
          progress: before?.progress ?? (isMeasureDone(status) ? '' : (item.latestProgress ?? '')),
          evidenceIds: before?.evidenceIds ?? [],
        };
      }),
    };
  }

  /**
   * The unit leader submits the unit's report: this period's progress for every open measure. It freezes a snapshot
   * of all the unit's measures as they stand now. A second submission is 409 unless the first was returned; of two
   * at once, one wins and the other answers 409.
   */
  async submit(id: string, dto: SubmitReportDto, actor: Actor): Promise<UnitSubmissionsDto> {
    const unitId = dto.unitId.toLowerCase();
    if (!actor.unitIds.includes(unitId)) throw new AppError('NOT_FOUND', NOT_FOUND);
    const round = await this.visibleUnitPlace(id, unitId, actor);
    const today = this.clock.today();
    const late = isLateSubmission(round.dueDate, today);
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.repository.lockRound(manager, id);
      if (!locked) throw new AppError('NOT_FOUND', NOT_FOUND);
      if (locked.status === 'closed') throw new AppError('ROUND_CLOSED', '本期报送已结束，不能再报送');
      const place = await this.repository.lockRoundUnit(manager, id, unitId);
      if (!place) throw new AppError('NOT_FOUND', NOT_FOUND);
      if (place.status === 'submitted' || place.status === 'late') throw new AppError('REPORT_ALREADY_SUBMITTED');

      const ledger = await this.repository.ledgerOfUnit(manager, round.inspectionId, unitId);
      const byMeasure = new Map(ledger.map((item) => [item.measureId, item] as const));
      const given = new Map<string, { progress: string; evidenceIds: string[] }>();
      for (const item of dto.items) {
        const measureId = item.measureId.toLowerCase();
        if (!byMeasure.has(measureId)) {
          const message = '报送的措施须为本单位在本巡视（巡察）中承担的措施';
          throw new AppError('VALIDATION_FAILED', message, { errors: { items: [message] } });
        }
        given.set(measureId, {
          progress: item.progress,
          evidenceIds: (item.evidenceIds ?? []).map((value) => value.toLowerCase()),
        });
      }
      const unreported = ledger.filter(
        (item) => !isMeasureDone(item.status as MeasureStatus) && !given.get(item.measureId)?.progress,
      );
      if (unreported.length > 0) {
        const labels = unreported.map((item) => item.label);
        const message = `请填写每项未完成措施的本期进展：${labels.slice(0, 5).join('、')}${labels.length > 5 ? ` 等 ${labels.length} 项` : ''}`;
        throw new AppError('VALIDATION_FAILED', message, { errors: { items: [message] } });
      }
      const pairs = [...given].flatMap(([measureId, item]) =>
        item.evidenceIds.map((attachmentId) => ({ measureId, attachmentId })),
      );
      if ((await this.repository.evidenceOf(manager, pairs)) !== pairs.length) {
        const message = '所选佐证材料不存在、已删除或不属于对应的措施';
        throw new AppError('VALIDATION_FAILED', message, { errors: { items: [message] } });
      }
      const items = ledger.map((item) => {
        const status = item.status as MeasureStatus;
        const light: Light = measureLight(item.deadline, status, today, undefined, item.openCheckpoint);
        return {
          measureId: item.measureId,
          problemId: item.problemId,
          label: item.label,
          problemTitle: item.problemTitle,
          text: item.text,
          status,
          statusLabel: measureStatusLabel(status),
          deadline: item.deadline,
          light,
          progress: given.get(item.measureId)?.progress ?? '',
          evidenceIds: given.get(item.measureId)?.evidenceIds ?? [],
        };
      });
      const submissionId = await this.repository.insertSubmission(
        manager,
        {
          roundId: id,
          unitId,
          submittedById: actor.id,
          submittedByName: actor.displayName,
          submittedAt: this.clock.now(),
          late,
        },
        items,
      );
      const number = roundNumber(round.seq);
      await this.writes.insertEvents(
        manager,
        items
          .filter((item) => item.progress)
          .map((item) => ({
            measureId: item.measureId,
            action: 'report',
            unitId,
            actorId: actor.id,
            actorName: actor.displayName,
            opinion: item.progress,
            attachmentIds: item.evidenceIds,
            detail: { roundId: id, number, submissionId, late },
          })),
      );
      await this.audit.record(
        {
          action: 'REPORT_SUBMITTED',
          entityType: 'report_submission',
          entityId: submissionId,
          after: { roundId: id, number, unitId, measures: items.length, late },
        },
        manager,
      );
      await this.notifications.notify(
        await this.measures.taskForceAccountIds(manager),
        {
          kind: 'round.submitted',
          title: `${place.status === 'returned' ? '已重新报送' : '已报送'}${number}整改进展${late ? '（逾期）' : ''}`,
          body: `${actor.displayName}报送了本单位 ${items.length} 项措施的进展。`,
          link: `/report-rounds/${id}`,
        },
        manager,
      );
    });
    return this.submissions(id, unitId, actor);
  }

  /** An officer returns a unit's report for correction, with the reason; the unit must report again. */
  async returnSubmission(
    id: string,
    unitId: string,
    dto: ReturnSubmissionDto,
    actor: Actor,
  ): Promise<UnitSubmissionsDto> {
    const round = await this.visibleUnitPlace(id, unitId, actor);
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.repository.lockRound(manager, id);
      if (!locked) throw new AppError('NOT_FOUND', NOT_FOUND);
      if (locked.status === 'closed') throw new AppError('ROUND_CLOSED', '本期报送已结束，不能再退回');
      const place = await this.repository.lockRoundUnit(manager, id, unitId);
      if (!place) throw new AppError('NOT_FOUND', NOT_FOUND);
      if ((place.status !== 'submitted' && place.status !== 'late') || !place.submissionId)
        throw new AppError('TRANSITION_NOT_ALLOWED', '该单位没有可退回的报送');
      await this.repository.returnSubmission(manager, id, unitId, place.submissionId, {
        id: actor.id,
        at: this.clock.now(),
        reason: dto.reason,
      });
      await this.audit.record(
        {
          action: 'REPORT_RETURNED',
          entityType: 'report_submission',
          entityId: place.submissionId,
          after: { roundId: id, unitId, reason: dto.reason },
        },
        manager,
      );
      await this.notifications.notify(
        await this.measures.unitAccountIds(manager, [unitId]),
        {
          kind: 'round.returned',
          title: `${roundNumber(round.seq)}报送被退回，请修改后重新报送`,
          body: `退回原因：${dto.reason}`,
          link: `/report-rounds/${id}`,
        },
        manager,
      );
    });
    return this.submissions(id, unitId, actor);
  }

  /** The unit's standing (or last) submission with its frozen snapshot, and the earlier ones. */
  async submissions(id: string, unitId: string, actor: Actor): Promise<UnitSubmissionsDto> {
    await this.visibleUnitPlace(id, unitId, actor);
    const rows = await this.repository.submissions(id, unitId);
    if (rows.length === 0) throw new AppError('NOT_FOUND', '该单位本期尚未报送');
    const items = await this.repository.snapshotItems(rows.map((row) => row.id));
    const [latest, ...history] = rows.map((row) =>
      submissionDto(
        row,
        items.filter((item) => item.submissionId === row.id),
      ),
    );
    return { ...latest, history };
  }

  /** The caller's unit in the round, for a form asked for without a unit. */
  private async ownPlace(id: string, actor: Actor): Promise<string> {
    if (!isUnitActor(actor)) {
      throw new AppError('VALIDATION_FAILED', '请指定报送单位', { errors: { unitId: ['请指定报送单位'] } });
    }
    for (const unitId of actor.unitIds) if (await this.repository.roundUnit(id, unitId)) return unitId;
    throw new AppError('NOT_FOUND', NOT_FOUND);
  }

  /** The round (404 when the caller may not see it) and the unit's place in it (404 outside the caller's units). */
  private async visibleUnitPlace(id: string, unitId: string, actor: Actor): Promise<ReportRoundSummaryDto> {
    const scope: AccessScope = scopeOf(actor);
    if (!scope.all && !scope.unitIds.includes(unitId)) throw new AppError('NOT_FOUND', NOT_FOUND);
    const [row] = await this.repository.find({ id }, scope);
    if (!row || !(await this.repository.roundUnit(id, unitId))) throw new AppError('NOT_FOUND', NOT_FOUND);
    return this.summary(row);
  }

  // --- the schedule ---

  async schedule(inspectionId: string, actor: Actor): Promise<ReportScheduleDto> {
    await this.inspections.get(inspectionId, actor);
    return this.readSchedule(inspectionId);
  }

  async updateSchedule(inspectionId: string, dto: UpdateReportScheduleDto, actor: Actor): Promise<ReportScheduleDto> {
    const version = requireVersion(dto.version);
    await this.inspections.get(inspectionId, actor);
    const schedule: RoundSchedule = {
      enabled: dto.enabled,
      dayOfMonth: dto.dayOfMonth,
      dueAfterDays: dto.dueAfterDays,
    };
    const errors = checkRoundSchedule(schedule);
    if (Object.keys(errors).length > 0) {
      const fieldErrors = Object.fromEntries(Object.entries(errors).map(([field, text]) => [field, [text]]));
      throw new AppError('VALIDATION_FAILED', Object.values(errors)[0], { errors: fieldErrors });
    }
    const before = await this.readSchedule(inspectionId);
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          if (!(await this.repository.saveSchedule(manager, inspectionId, version, schedule, actor.id))) {
            throw new StaleVersionError();
          }
          await this.audit.record(
            {
              action: 'REPORT_SCHEDULE_UPDATED',
              entityType: 'inspection',
              entityId: inspectionId,
              before: { enabled: before.enabled, dayOfMonth: before.dayOfMonth, dueAfterDays: before.dueAfterDays },
              after: { ...schedule, text: describeRoundSchedule(schedule) },
            },
            manager,
          );
        }),
      () => this.readSchedule(inspectionId),
    );
    return this.readSchedule(inspectionId);
  }

  private async readSchedule(inspectionId: string): Promise<ReportScheduleDto> {
    const row = await this.repository.schedule(inspectionId);
    const schedule = row ?? DEFAULT_ROUND_SCHEDULE;
    return {
      inspectionId,
      enabled: schedule.enabled,
      dayOfMonth: schedule.dayOfMonth,
      dueAfterDays: schedule.dueAfterDays,
      text: describeRoundSchedule(schedule),
      updatedBy: row ? refOf(row.updatedById, row.updatedByName) : null,
      updatedAt: row?.updatedAt ? new Date(row.updatedAt).toISOString() : null,
      version: row?.version ?? 1,
    };
  }

  private summary(row: RoundRow): ReportRoundSummaryDto {
    return {
      id: row.id,
      inspectionId: row.inspectionId,
      seq: row.seq,
      number: roundNumber(row.seq),
      title: row.title,
      periodEnd: row.periodEnd,
      dueDate: row.dueDate,
      status: row.status,
      statusLabel: ROUND_STATUS_LABELS[row.status],
      scheduled: row.scheduleKey !== null,
      counts: {
        expected: row.expected,
        submitted: row.submitted,
        missing: row.expected - row.submitted,
        late: row.late,
      },
      openedBy: refOf(row.openedById, row.openedByName),
      openedAt: new Date(row.openedAt).toISOString(),
      closedAt: row.closedAt ? new Date(row.closedAt).toISOString() : null,
      version: row.version,
    };
  }
}

function submissionDto(row: SubmissionRow, items: SnapshotItemRow[]): SubmissionDto {
  return {
    id: row.id,
    roundId: row.roundId,
    unit: { id: row.unitId, name: row.unitName },
    attempt: row.attempt,
    submittedAt: new Date(row.submittedAt).toISOString(),
    submittedBy: row.submittedByName,
    late: row.late,
    returnedAt: row.returnedAt ? new Date(row.returnedAt).toISOString() : null,
    returnReason: row.returnReason,
    items: items.map((item): SnapshotItemDto => ({
      measureId: item.measureId,
      problemId: item.problemId,
      label: item.label,
      problemTitle: item.problemTitle,
      text: item.text,
      status: item.status,
      statusLabel: item.statusLabel,
      deadline: item.deadline,
      light: item.light,
      lightLabel: LIGHT_LABELS[item.light as Light] ?? item.light,
      progress: item.progress,
      evidenceIds: item.evidenceIds,
    })),
  };
}
