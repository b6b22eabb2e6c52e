import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { EffectivenessRating, LookbackResult, LookbackStatus, MeasureStatus } from '@zhenggai/domain';
import type { AccessScope } from '../../common/auth/access-scope.js';
import { assignedToSql, DONE_STATUSES_SQL, SqlParams } from '../../common/sql.js';

export interface LookbackRow {
  id: string;
  inspectionId: string;
  seq: number;
  title: string;
  sampleRatePct: number;
  seed: string;
  population: number;
  fingerprint: string;
  status: LookbackStatus;
  createdById: string | null;
  createdByName: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  version: number;
  items: number;
  manual: number;
  checked: number;
  consolidated: number;
  rebounded: number;
}

export interface LookbackItemRow {
  id: string;
  measureId: string;
  problemId: string;
  label: string;
  problemTitle: string;
  text: string;
  unitId: string | null;
  unitName: string | null;
  manual: boolean;
  statusAtDraw: MeasureStatus;
  measureStatus: MeasureStatus;
  result: LookbackResult | null;
  finding: string | null;
  deadline: string | null;
  evidenceIds: string[];
  checkedByName: string | null;
  checkedAt: Date | null;
  /** the problem's 成效评估 rating, if any */
  effectiveness: EffectivenessRating | null;
}

export interface CandidateRow {
  measureId: string;
  unitId: string | null;
  status: MeasureStatus;
}

export interface NewLookback {
  inspectionId: string;
  title: string;
  sampleRatePct: number;
  seed: string;
  population: number;
  fingerprint: string;
  createdById: string;
}

export interface NewLookbackItem {
  measureId: string;
  unitId: string | null;
  manual: boolean;
  statusAtDraw: MeasureStatus;
}

export interface LockedItem {
  id: string;
  measureId: string;
  result: LookbackResult | null;
}

/** The items a scope sees: all, or those whose measure is assigned to one of its units. */
function itemScopeSql(scope: AccessScope, params: SqlParams): string {
  return scope.all ? 'TRUE' : assignedToSql('im', params.add(scope.unitIds));
}

const LOOKBACK_SELECT = `
  SELECT l.id, l.inspection_id AS "inspectionId", l.seq, l.title, l.sample_rate_pct AS "sampleRatePct", l.seed,
         l.population, l.fingerprint, l.status, l.created_by_id AS "createdById", cb.display_name AS "createdByName",
         l.created_at AS "createdAt", l.finished_at AS "finishedAt", l.version,
         count(li.id)::int AS items, count(li.id) FILTER (WHERE li.manual)::int AS manual,
         count(li.result)::int AS checked,
         count(li.id) FILTER (WHERE li.result = 'consolidated')::int AS consolidated,
         count(li.id) FILTER (WHERE li.result = 'rebounded')::int AS rebounded
  FROM lookback l LEFT JOIN user_account cb ON cb.id = l.created_by_id`;

@Injectable()
export class LookbacksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The signed-off live measures of an inspection with their lead unit: what a sample is drawn from. */
  async candidates(manager: EntityManager, inspectionId: string): Promise<CandidateRow[]> {
    return (await manager.query(
      `SELECT m.id AS "measureId", m.lead_unit_id AS "unitId", m.status
       FROM measure m JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL
       WHERE m.inspection_id = $1 AND m.deleted_at IS NULL AND m.status IN ${DONE_STATUSES_SQL}`,
      [inspectionId],
    )) as CandidateRow[];
  }

  /** A live measure of the inspection (to add by hand), or null. */
  async measureOf(manager: EntityManager, inspectionId: string, measureId: string): Promise<CandidateRow | null> {
    const [row] = (await manager.query(
      `SELECT m.id AS "measureId", m.lead_unit_id AS "unitId", m.status
       FROM measure m JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL
       WHERE m.id = $1 AND m.inspection_id = $2 AND m.deleted_at IS NULL`,
      [measureId, inspectionId],
    )) as CandidateRow[];
    return row ?? null;
  }

  /** Inserts a look-back numbered next for its inspection (under a lock per inspection, so numbers never clash). */
  async insert(manager: EntityManager, lookback: NewLookback): Promise<string> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('lookback:' || $1, 0))`, [
      lookback.inspectionId,
    ]);
    const [row] = (await manager.query(
      `INSERT INTO lookback (inspection_id, seq, title, sample_rate_pct, seed, population, fingerprint, created_by_id)
       SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6, $7 FROM lookback WHERE inspection_id = $1
       RETURNING id`,
      [
        lookback.inspectionId,
        lookback.title,
        lookback.sampleRatePct,
        lookback.seed,
        lookback.population,
        lookback.fingerprint,
        lookback.createdById,
      ],
    )) as Array<{ id: string }>;
    return row.id;
  }

  /** Appends items after the look-back's last position; a measure already in it is skipped (returns the count added). */
  async insertItems(manager: EntityManager, lookbackId: string, items: NewLookbackItem[]): Promise<number> {
    if (items.length === 0) return 0;
    const rows = (await manager.query(
      `INSERT INTO lookback_item (lookback_id, measure_id, unit_id, manual, status_at_draw, position)
       SELECT $1, x.measure_id, x.unit_id, x.manual, x.status,
              (SELECT coalesce(max(position), -1) FROM lookback_item WHERE lookback_id = $1) + x.ord
       FROM unnest($2::uuid[], $3::uuid[], $4::boolean[], $5::varchar[]) WITH ORDINALITY
            AS x(measure_id, unit_id, manual, status, ord)
       ON CONFLICT (lookback_id, measure_id) DO NOTHING
       RETURNING id`,
      [
        lookbackId,
        items.map((item) => item.measureId),
        items.map((item) => item.unitId),
        items.map((item) => item.manual),
        items.map((item) => item.statusAtDraw),
      ],
    )) as Array<{ id: string }>;
    return rows.length;
  }

  /** Look-backs with their counts over the items the scope sees; a unit sees those holding one of its items. */
  async find(
    filter: { id?: string; inspectionId?: string },
    scope: AccessScope,
    manager?: EntityManager,
  ): Promise<LookbackRow[]> {
    const params = new SqlParams();
    const where = ['TRUE'];
    if (filter.id) where.push(`l.id = ${params.add(filter.id)}`);
    if (filter.inspectionId) where.push(`l.inspection_id = ${params.add(filter.inspectionId)}`);
    const items = itemScopeSql(scope, params);
    return (await (manager ?? this.dataSource.manager).query(
      `${LOOKBACK_SELECT}
       LEFT JOIN (lookback_item li JOIN measure im ON im.id = li.measure_id) ON li.lookback_id = l.id AND ${items}
       WHERE ${where.join(' AND ')}
       GROUP BY l.id, cb.display_name
       HAVING ${scope.all ? 'TRUE' : 'count(li.id) > 0'}
       ORDER BY l.seq DESC`,
      params.values,
    )) as LookbackRow[];
  }

  /** The items the scope sees, in the ledger's order (hand-added ones last). */
  async items(lookbackId: string, scope: AccessScope, manager?: EntityManager): Promise<LookbackItemRow[]> {
    const params = new SqlParams();
    const id = params.add(lookbackId);
    return (await (manager ?? this.dataSource.manager).query(
      `SELECT li.id, li.measure_id AS "measureId", im.problem_id AS "problemId",
              p.label || '(' || im.seq || ')' AS label, p.title AS "problemTitle", im.text,
              li.unit_id AS "unitId", u.name AS "unitName", li.manual, li.status_at_draw AS "statusAtDraw",
              im.status AS "measureStatus", li.result, li.finding, to_char(li.deadline, 'YYYY-MM-DD') AS deadline,
              li.evidence_ids AS "evidenceIds", li.checked_by_name AS "checkedByName", li.checked_at AS "checkedAt",
              (SELECT pe.rating FROM problem_evaluation pe WHERE pe.problem_id = im.problem_id) AS effectiveness
       FROM lookback_item li JOIN measure im ON im.id = li.measure_id JOIN problem p ON p.id = im.problem_id
       LEFT JOIN unit u ON u.id = li.unit_id
       WHERE li.lookback_id = ${id} AND ${itemScopeSql(scope, params)}
       ORDER BY li.manual, p.seq, im.seq`,
      params.values,
    )) as LookbackItemRow[];
  }

  /** Locks the look-back for a change; null when it does not exist. */
  async lock(
    manager: EntityManager,
    id: string,
  ): Promise<{
    id: string;
    inspectionId: string;
    seq: number;
    title: string;
    status: LookbackStatus;
    version: number;
  } | null> {
    const [row] = (await manager.query(
      `SELECT id, inspection_id AS "inspectionId", seq, title, status, version FROM lookback WHERE id = $1 FOR UPDATE`,
      [id],
    )) as Array<{
      id: string;
      inspectionId: string;
      seq: number;
      title: string;
      status: LookbackStatus;
      version: number;
    }>;
    return row ?? null;
  }

  async lockItem(manager: EntityManager, lookbackId: string, itemId: string): Promise<LockedItem | null> {
    const [row] = (await manager.query(
      `SELECT id, measure_id AS "measureId", result FROM lookback_item WHERE id = $1 AND lookback_id = $2 FOR UPDATE`,
      [itemId, lookbackId],
    )) as LockedItem[];
    return row ?? null;
  }

  async recordResult(
    manager: EntityManager,
    itemId: string,
    result: {
      result: LookbackResult;
      finding: string;
      deadline: string | null;
      evidenceIds: string[];
      checkedById: string;
      checkedByName: string;
      checkedAt: Date;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE lookback_item SET result = $2, finding = $3, deadline = $4, evidence_ids = $5, checked_by_id = $6,
              checked_by_name = $7, checked_at = $8
       WHERE id = $1`,
      [
        itemId,
        result.result,
        result.finding,
        result.deadline,
        result.evidenceIds,
        result.checkedById,
        result.checkedByName,
        result.checkedAt,
      ],
    );
  }

  /** Bumps the version of a look-back whose items changed (so a stale finish is refused). */
  async touch(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE lookback SET version = version + 1 WHERE id = $1`, [id]);
  }

  async finish(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE lookback SET status = 'finished', finished_at = $2, version = version + 1 WHERE id = $1`,
      [id, at],
    );
  }

  async uncheckedCount(manager: EntityManager, id: string): Promise<number> {
    const [{ count }] = (await manager.query(
      `SELECT count(*)::int AS count FROM lookback_item WHERE lookback_id = $1 AND result IS NULL`,
      [id],
    )) as Array<{ count: number }>;
    return count;
  }

  /** How many of the attachments are live files of the measure. */
  async evidenceOf(manager: EntityManager, measureId: string, attachmentIds: string[]): Promise<number> {
    if (attachmentIds.length === 0) return 0;
    const [{ count }] = (await manager.query(
      `SELECT count(*)::int AS count FROM attachment
       WHERE measure_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL`,
      [measureId, attachmentIds],
    )) as Array<{ count: number }>;
    return count;
  }
}
