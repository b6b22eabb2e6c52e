import {
  MEASURE_STATUS_LABELS,
  MEASURE_TERM_LABELS,
  ROLL_UP_RULE,
  isCheckpointOverdue,
  isOverdue,
  measureLight,
} from '@zhenggai/domain';
import { refOf } from '../units/dto/ref.dto.js';
import type { MeasureDto, MeasureUnitDto } from './dto/measure.dto.js';
import type { MeasureRow, MeasureUnitRow } from './measures.repository.js';

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString());

function mapUnit(row: MeasureUnitRow): MeasureUnitDto {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    status: row.status,
    statusLabel: MEASURE_STATUS_LABELS[row.status],
    progress: row.progress,
    urges: row.urges,
  };
}

export function mapMeasure(row: MeasureRow, units: MeasureUnitRow[], today: string): MeasureDto {
  const mappedUnits = units.map(mapUnit);
  return {
    id: row.id,
    problemId: row.problemId,
    inspectionId: row.inspectionId,
    problemLabel: row.problemLabel,
    problemSeq: row.problemSeq,
    problemTitle: row.problemTitle,
    seq: row.seq,
    lead: row.lead,
    text: row.text,
    term: row.term,
    termLabel: MEASURE_TERM_LABELS[row.term],
    status: row.status,
    statusLabel: MEASURE_STATUS_LABELS[row.status],
    deadline: row.deadline,
    light: measureLight(row.deadline, row.status, today, row.yellowDays, row.openCheckpoint),
    overdue: isOverdue(row.deadline, row.status, today) || isCheckpointOverdue(row.openCheckpoint, row.status, today),
    leadUnit: refOf(row.leadUnitId, row.leadUnitName),
    coUnits: mappedUnits.filter((unit) => unit.role === 'co'),
    units: mappedUnits,
    responsibleLeader: refOf(row.responsibleLeaderId, row.responsibleLeaderName),
    responsiblePerson: refOf(row.responsiblePersonId, row.responsiblePersonName),
    nextCheckpoint: row.nextCheckpoint,
    stageOutcome: row.stageOutcome,
    longTermMechanism: row.longTermMechanism,
    remarks: row.remarks,
    rollUpRule: ROLL_UP_RULE,
    submittedAt: iso(row.submittedAt),
    completedAt: iso(row.completedAt),
    version: row.version,
    updatedAt: iso(row.updatedAt)!,
  };
}

export function groupUnits(rows: MeasureUnitRow[]): Map<string, MeasureUnitRow[]> {
  const byMeasure = new Map<string, MeasureUnitRow[]>();
  for (const row of rows) {
    const list = byMeasure.get(row.measureId) ?? [];
    list.push(row);
    byMeasure.set(row.measureId, list);
  }
  return byMeasure;
}
