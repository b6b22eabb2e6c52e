import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AccessScope } from '../../common/auth/access-scope.js';
import { SqlParams } from '../../common/sql.js';
import type { SnapshotItemRow } from './report-rounds.repository.js';

export interface StandingItemRow extends SnapshotItemRow {
  unitId: string;
  unitName: string;
}

// The reads of 汇总 and 对比: the round before, and the snapshots of the units' standing reports.
@Injectable()
export class ReportRoundCompilationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The round numbered just before `seq` in the inspection; null for the first. */
  async previousRound(inspectionId: string, seq: number): Promise<{ id: string; seq: number; title: string } | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id, seq, title FROM report_round WHERE inspection_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT 1`,
      [inspectionId, seq],
    )) as Array<{ id: string; seq: number; title: string }>;
    return row ?? null;
  }

  /**
   * The snapshot items of each unit's standing report in the round (a returned report stands no more), over the
   * units the scope sees, in unit order and then in the order they were reported.
   */
  async standingItems(roundId: string, scope: AccessScope): Promise<StandingItemRow[]> {
    const params = new SqlParams();
    const round = params.add(roundId);
    const units = scope.all ? 'TRUE' : `ru.unit_id = ANY(${params.add(scope.unitIds)})`;
    return (await this.dataSource.query(
      `SELECT ru.unit_id AS "unitId", u.name AS "unitName", si.submission_id AS "submissionId",
              si.measure_id AS "measureId", si.problem_id AS "problemId", si.label, si.problem_title AS "problemTitle",
              si.text, si.status, si.status_label AS "statusLabel", to_char(si.deadline, 'YYYY-MM-DD') AS deadline,
              si.light, si.progress, si.evidence_ids AS "evidenceIds"
       FROM report_round_unit ru JOIN unit u ON u.id = ru.unit_id
       JOIN report_snapshot_item si ON si.submission_id = ru.submission_id
       WHERE ru.round_id = ${round} AND ru.status IN ('submitted', 'late') AND ${units}
       ORDER BY u.sort_order, u.name, si.position`,
      params.values,
    )) as StandingItemRow[];
  }
}
