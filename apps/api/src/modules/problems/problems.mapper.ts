import { PROBLEM_STATUS_LABELS, isCheckpointOverdue, measureLight } from '@zhenggai/domain';
import { refOf } from '../units/dto/ref.dto.js';
import type { ProblemDto } from './dto/problem.dto.js';
import type { ProblemRow } from './problems.repository.js';

export function mapProblem(row: ProblemRow, today: string): ProblemDto {
  const allDone = row.measureCount > 0 && row.completedMeasureCount === row.measureCount;
  return {
    id: row.id,
    inspectionId: row.inspectionId,
    categoryId: row.categoryId,
    categoryTitle: row.categoryTitle,
    seq: row.seq,
    label: row.label,
    title: row.title,
    description: row.description,
    overview: row.overview,
    status: row.status,
    statusLabel: PROBLEM_STATUS_LABELS[row.status],
    term: row.term,
    deadline: row.nextDeadline,
    // the earliest unfinished deadline decides the light: it is the most urgent of the measures' lights
    // (a 视同完成 measure's checkpoint past its date and not reviewed is red, like an overdue deadline)
    light: isCheckpointOverdue(row.openCheckpoint, 'deemed_completed', today)
      ? 'red'
      : allDone
        ? 'grey'
        : measureLight(row.nextDeadline, 'in_progress', today, row.yellowDays),
    leadUnit: refOf(row.leadUnitId, row.leadUnitName),
    leadLeader: refOf(row.leadLeaderId, row.leadLeaderName),
    measureCount: row.measureCount,
    completedMeasureCount: row.completedMeasureCount,
    version: row.version,
  };
}
