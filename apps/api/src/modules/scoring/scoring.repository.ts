import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ScoringWeights, UnitScoreCounts } from '@zhenggai/domain';
import { DONE_STATUSES_SQL } from '../../common/sql.js';

export interface ScoringPolicyRow {
  weights: ScoringWeights;
  version: number;
  updatedAt: Date | null;
  updatedById: string | null;
  updatedByName: string | null;
}

export interface UnitCountsRow extends UnitScoreCounts {
  unitId: string;
  unitName: string;
}

// All SQL of the scoring module.
@Injectable()
export class ScoringRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The saved weights of an inspection, or null when it follows the default. */
  async policy(inspectionId: string, manager?: EntityManager): Promise<ScoringPolicyRow | null> {
    const [row] = (await (manager ?? this.dataSource.manager).query(
      `SELECT sp.weights, sp.version, sp.updated_at AS "updatedAt", sp.updated_by_id AS "updatedById",
              ua.display_name AS "updatedByName"
       FROM scoring_policy sp LEFT JOIN user_account ua ON ua.id = sp.updated_by_id
       WHERE sp.inspection_id = $1`,
      [inspectionId],
    )) as ScoringPolicyRow[];
    return row ?? null;
  }

  /**
   * Saves the weights if they are still at `version` (the default counts as 1: the first save inserts version 2);
   * false when someone saved another version first.
   */
  async save(
    manager: EntityManager,
    inspectionId: string,
    version: number,
    weights: ScoringWeights,
    userId: string,
  ): Promise<boolean> {
    if (version === 1) {
      // the first save; a concurrent first save wins, this one finds the row and answers false
      const inserted = (await manager.query(
        `INSERT INTO scoring_policy (inspection_id, weights, updated_by_id, version)
         VALUES ($1, $2, $3, 2) ON CONFLICT (inspection_id) DO NOTHING RETURNING version`,
        [inspectionId, JSON.stringify(weights), userId],
      )) as unknown[];
      return inserted.length > 0;
    }
    const [updated] = (await manager.query(
      `UPDATE scoring_policy SET weights = $3, updated_by_id = $4, updated_at = now(), version = version + 1
       WHERE inspection_id = $1 AND version = $2 RETURNING version`,
      [inspectionId, version, JSON.stringify(weights), userId],
    )) as [unknown[], number];
    return updated.length > 0;
  }

  /**
   * The counts behind every unit's score, for every unit with a live measure of the inspection (lead unit or
   * measure_unit; measures of deleted problems are gone). `today` is the China calendar day: an open measure is
   * overdue once its deadline is before it. See packages/domain/src/scoring.ts for what each count means.
   */
  async unitCounts(inspectionId: string, today: string): Promise<UnitCountsRow[]> {
    return (await this.dataSource.query(
      `WITH sm AS MATERIALIZED (
         SELECT m.id, m.lead_unit_id, m.deadline, m.status IN ${DONE_STATUSES_SQL} AS done,
                (m.completed_at AT TIME ZONE 'Asia/Shanghai')::date AS completed_on
         FROM measure m JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL
         WHERE m.inspection_id = $1 AND m.deleted_at IS NULL
       ),
       au AS (
         SELECT sm.id AS measure_id, sm.lead_unit_id AS unit_id FROM sm WHERE sm.lead_unit_id IS NOT NULL
         UNION
         SELECT mu.measure_id, mu.unit_id FROM measure_unit mu JOIN sm ON sm.id = mu.measure_id
       ),
       per_unit AS (
         SELECT au.unit_id, count(*) AS measures,
                count(*) FILTER (WHERE sm.done) AS done,
                count(*) FILTER (WHERE sm.done AND (sm.deadline IS NULL OR sm.completed_on IS NULL
                                                    OR sm.completed_on <= sm.deadline)) AS done_on_time,
                count(*) FILTER (WHERE NOT sm.done AND (sm.deadline IS NULL OR sm.deadline >= $2::date)) AS open_ok
         FROM au JOIN sm ON sm.id = au.measure_id GROUP BY au.unit_id
       ),
       -- returns (销号申请退回) and 催办 of the unit's measures: an entry addressed to another unit does not count
       events AS (
         SELECT au.unit_id, count(*) FILTER (WHERE me.action = 'return') AS returned,
                count(*) FILTER (WHERE me.action = 'urge') AS urged
         FROM au JOIN measure_event me ON me.measure_id = au.measure_id
         WHERE me.action IN ('return', 'urge') AND (me.unit_id IS NULL OR me.unit_id = au.unit_id)
         GROUP BY au.unit_id
       ),
       rebounds AS (
         SELECT au.unit_id, count(*) AS rebounds
         FROM au JOIN lookback_item li ON li.measure_id = au.measure_id
         WHERE li.result = 'rebounded' GROUP BY au.unit_id
       ),
       places AS (
         SELECT rru.unit_id, count(*) AS places, count(*) FILTER (WHERE rru.punctuality = 'on_time') AS on_time,
                count(*) FILTER (WHERE rru.punctuality = 'late') AS late
         FROM report_round_unit rru JOIN report_round r ON r.id = rru.round_id
         WHERE r.inspection_id = $1 AND r.status = 'closed'
         GROUP BY rru.unit_id
       )
       SELECT u.id AS "unitId", u.name AS "unitName", pu.measures::int AS measures, pu.done::int AS done,
              pu.done_on_time::int AS "doneOnTime", pu.open_ok::int AS "openNotOverdue",
              COALESCE(pl.places, 0)::int AS "roundPlaces", COALESCE(pl.on_time, 0)::int AS "roundsOnTime",
              COALESCE(pl.late, 0)::int AS "roundsLate", COALESCE(ev.returned, 0)::int AS "returnedCount",
              COALESCE(rb.rebounds, 0)::int AS "reboundCount", COALESCE(ev.urged, 0)::int AS "urgedCount"
       FROM per_unit pu JOIN unit u ON u.id = pu.unit_id AND u.deleted_at IS NULL
       LEFT JOIN events ev ON ev.unit_id = pu.unit_id
       LEFT JOIN rebounds rb ON rb.unit_id = pu.unit_id
       LEFT JOIN places pl ON pl.unit_id = pu.unit_id
       ORDER BY u.name`,
      [inspectionId, today],
    )) as UnitCountsRow[];
  }
}
