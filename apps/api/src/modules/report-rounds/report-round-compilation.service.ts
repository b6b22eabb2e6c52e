import { Injectable } from '@nestjs/common';
import {
  isMeasureDone,
  LIGHT_LABELS,
  PUNCTUALITY_LABELS,
  ROUND_UNIT_STATUS_LABELS,
  roundNumber,
  type Light,
  type MeasureStatus,
} from '@zhenggai/domain';
import { scopeOf, type AccessScope } from '../../common/auth/access-scope.js';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import {
  DocumentsService,
  type RenderedFile,
  type RoundCompilationInput,
} from '../documents/word/documents.service.js';
import type {
  CompareUnitStandingDto,
  CompilationCountsDto,
  CompilationRoundDto,
  ReportRoundComparisonDto,
  ReportRoundCompilationDto,
} from './dto/report-round-compilation.dto.js';
import { ReportRoundCompilationRepository, type StandingItemRow } from './report-round-compilation.repository.js';
import { ReportRoundsRepository, type RoundRow, type RoundUnitRow } from './report-rounds.repository.js';

const NOT_FOUND = '报送轮次不存在或无权查看';

const standing = (unit: RoundUnitRow): boolean => unit.status === 'submitted' || unit.status === 'late';

/** 2024-03-18 09:30 in China time. */
const chinaTime = (at: Date | string): string =>
  new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

interface Compilation {
  row: RoundRow;
  dto: ReportRoundCompilationDto;
  items: Map<string, StandingItemRow[]>;
}

// 汇总 (step 4 "Compiling"): a round's counts, each unit's standing report and what changed since the round before,
// as JSON, as a Word document and as a workbook; and two rounds side by side. Reads see what `get` lets them see:
// a unit's accounts only rounds their units are in, and only their own units.
@Injectable()
export class ReportRoundCompilationService {
  constructor(
    private readonly rounds: ReportRoundsRepository,
    private readonly repository: ReportRoundCompilationRepository,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async summary(id: string, actor: Actor): Promise<ReportRoundCompilationDto> {
    return (await this.compile(id, actor)).dto;
  }

  async compare(a: string, b: string, actor: Actor): Promise<ReportRoundComparisonDto> {
    const scope = scopeOf(actor);
    const [roundA, roundB] = [await this.visible(a.toLowerCase(), scope), await this.visible(b.toLowerCase(), scope)];
    if (roundA.inspectionId !== roundB.inspectionId) throw new AppError('ROUNDS_NOT_COMPARABLE');
    const side = async (row: RoundRow) => {
      const [units, items] = await Promise.all([
        this.rounds.units(row.id, scope),
        this.repository.standingItems(row.id, scope),
      ]);
      const byUnit = groupByUnit(items);
      const standings = new Map<string, CompareUnitStandingDto>(
        units.map((unit) => {
          const own = byUnit.get(unit.unitId) ?? [];
          return [
            unit.unitId,
            {
              status: unit.status,
              punctuality: unit.punctuality,
              items: own.length,
              completed: own.filter((item) => isMeasureDone(item.status as MeasureStatus)).length,
              overdue: own.filter((item) => item.light === 'red').length,
            },
          ];
        }),
      );
      return { head: { round: roundDto(row), counts: countsOf(units) }, units, standings };
    };
    const [left, right] = [await side(roundA), await side(roundB)];
    const names = new Map<string, string>();
    for (const unit of [...left.units, ...right.units])
      if (!names.has(unit.unitId)) names.set(unit.unitId, unit.unitName);
    return {
      a: left.head,
      b: right.head,
      units: [...names].map(([unitId, name]) => ({
        unit: { id: unitId, name },
        a: left.standings.get(unitId) ?? null,
        b: right.standings.get(unitId) ?? null,
      })),
    };
  }

  async exportDocument(id: string, actor: Actor): Promise<RenderedFile> {
    const compilation = await this.compile(id, actor);
    const file = await this.documents.roundReport(this.documentInput(compilation));
    await this.recordExport(compilation, 'docx');
    return file;
  }

  async exportWorkbook(id: string, actor: Actor): Promise<RenderedFile> {
    const compilation = await this.compile(id, actor);
    const file = await this.documents.roundWorkbook(this.documentInput(compilation));
    await this.recordExport(compilation, 'xlsx');
    return file;
  }

  private recordExport({ row, dto }: Compilation, format: 'docx' | 'xlsx'): Promise<void> {
    return this.audit.record({
      action: 'REPORT_ROUND_EXPORTED',
      entityType: 'report_round',
      entityId: row.id,
      detail: { format, number: roundNumber(row.seq), units: dto.units.length },
    });
  }

  private async visible(id: string, scope: AccessScope): Promise<RoundRow> {
    const [row] = await this.rounds.find({ id }, scope);
    if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
    return row;
  }

  private async compile(id: string, actor: Actor): Promise<Compilation> {
    const scope = scopeOf(actor);
    const row = await this.visible(id, scope);
    const previous = await this.repository.previousRound(row.inspectionId, row.seq);
    const [units, items, before] = await Promise.all([
      this.rounds.units(id, scope),
      this.repository.standingItems(id, scope),
      previous ? this.repository.standingItems(previous.id, scope) : Promise.resolve([]),
    ]);
    const byUnit = groupByUnit(items);
    const earlier = new Map(before.map((item) => [`${item.unitId}:${item.measureId}`, item] as const));
    const changes: ReportRoundCompilationDto['changes'] = { newlyCompleted: [], newlyOverdue: [], deadlineChanges: [] };
    const unitDtos = units.map((unit) => {
      const own = byUnit.get(unit.unitId) ?? [];
      let completed = 0;
      let overdue = 0;
      let deadlines = 0;
      // a change needs the measure in the unit's standing report of the round before
      for (const item of own) {
        const then = earlier.get(`${unit.unitId}:${item.measureId}`);
        if (!then) continue;
        const change = { measureId: item.measureId, label: item.label, unitName: unit.unitName };
        if (isMeasureDone(item.status as MeasureStatus) && !isMeasureDone(then.status as MeasureStatus)) {
          completed += 1;
          changes.newlyCompleted.push(change);
        }
        if (item.light === 'red' && then.light !== 'red') {
          overdue += 1;
          changes.newlyOverdue.push(change);
        }
        if (item.deadline !== then.deadline) {
          deadlines += 1;
          changes.deadlineChanges.push({ ...change, from: then.deadline, to: item.deadline });
        }
      }
      return {
        unit: { id: unit.unitId, name: unit.unitName },
        status: unit.status,
        punctuality: unit.punctuality,
        submittedAt: standing(unit) && unit.submittedAt ? new Date(unit.submittedAt).toISOString() : null,
        submittedByName: standing(unit) ? unit.submittedBy : null,
        late: unit.status === 'late',
        items: own.length,
        completedSincePrevious: completed,
        newlyOverdue: overdue,
        deadlineChanges: deadlines,
      };
    });
    return {
      row,
      items: byUnit,
      dto: {
        round: roundDto(row),
        previous: previous ? { id: previous.id, seq: previous.seq, title: previous.title } : null,
        counts: countsOf(units),
        units: unitDtos,
        changes,
      },
    };
  }

  private documentInput({ row, dto, items }: Compilation): RoundCompilationInput {
    return {
      number: roundNumber(row.seq),
      title: row.title,
      periodEnd: row.periodEnd,
      dueDate: row.dueDate,
      date: this.clock.today(),
      previousNumber: dto.previous ? roundNumber(dto.previous.seq) : null,
      counts: dto.counts,
      units: dto.units.map((unit) => ({
        unitName: unit.unit.name,
        statusLabel: ROUND_UNIT_STATUS_LABELS[unit.status],
        punctualityLabel: unit.punctuality ? PUNCTUALITY_LABELS[unit.punctuality] : null,
        submitted: unit.status === 'submitted' || unit.status === 'late',
        submittedAt: unit.submittedAt ? chinaTime(unit.submittedAt) : null,
        submittedBy: unit.submittedByName,
        late: unit.late,
        completedSincePrevious: unit.completedSincePrevious,
        newlyOverdue: unit.newlyOverdue,
        items: (items.get(unit.unit.id) ?? []).map((item) => ({
          label: item.label,
          problemTitle: item.problemTitle,
          text: item.text,
          statusLabel: item.statusLabel,
          deadline: item.deadline,
          lightLabel: LIGHT_LABELS[item.light as Light] ?? item.light,
          progress: item.progress,
        })),
      })),
      changes: dto.changes,
    };
  }
}

function groupByUnit(items: StandingItemRow[]): Map<string, StandingItemRow[]> {
  const byUnit = new Map<string, StandingItemRow[]>();
  for (const item of items) {
    const own = byUnit.get(item.unitId);
    if (own) own.push(item);
    else byUnit.set(item.unitId, [item]);
  }
  return byUnit;
}

function roundDto(row: RoundRow): CompilationRoundDto {
  return {
    id: row.id,
    seq: row.seq,
    title: row.title,
    periodEnd: row.periodEnd,
    dueDate: row.dueDate,
    status: row.status,
  };
}

/** The counts over the units the caller sees: a returned report stands no more, so its unit counts as missing. */
function countsOf(units: RoundUnitRow[]): CompilationCountsDto {
  const submitted = units.filter(standing).length;
  const late = units.filter((unit) => unit.status === 'late').length;
  return {
    expected: units.length,
    submitted,
    late,
    missing: units.length - submitted,
    returned: units.filter((unit) => unit.status === 'returned').length,
    onTime: submitted - late,
  };
}
