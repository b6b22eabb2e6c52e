// The SQL of the statistics cache (issue 28 step 4, docs/performance.md "The statistics cache"). Triggers on every table
// the figures read bump `statistics_stamp` (one row per inspection, plus the shared row below) in the writing
// transaction; a cached answer is fresh while both its stamps equal the current ones and it was computed today.
import { createHash } from 'node:crypto';
import type { AccessScope } from '../../common/auth/access-scope.js';
import type { SqlStatement } from './statistics.sql.js';

/** The stamp row of what every inspection's figures read (unit names and order) and of any TRUNCATE. */
export const SHARED_STAMP_ID = '00000000-0000-0000-0000-000000000000';

export interface StatisticsCacheKey {
  inspectionId: string;
  /** 'all', or a digest of the sorted unit ids of the scope */
  scopeKey: string;
  /** the dueSoonDays asked for; -1 when the inspection's own yellow days apply */
  dueSoonDays: number;
}

/** The scope part of the cache key: every account of the same scope shares the answer, no other scope sees it. */
export function statisticsScopeKey(scope: AccessScope): string {
  if (scope.all) return 'all';
  return createHash('sha256')
    .update([...new Set(scope.unitIds)].sort().join(','))
    .digest('hex');
}

const stampOf = (id: string) => `COALESCE((SELECT s.stamp FROM statistics_stamp s WHERE s.inspection_id = ${id}), 0)`;

/**
 * The fresh cached answer of the key, if any: one primary-key lookup and two on the stamp table, in one snapshot.
 * `version` identifies one stored entry (its stamps and generated_at); the figures are left out when `heldVersion`
 * (what the process already holds in memory for the key) is that version.
 */
export function cachedFiguresSql(key: StatisticsCacheKey, today: string, heldVersion = ''): SqlStatement {
  return {
    text: `SELECT v.version, v."generatedAt", CASE WHEN v.version = $6 THEN NULL ELSE v.figures END AS figures
      FROM (SELECT c.stamp || '/' || c.shared_stamp || '/' || (extract(epoch FROM c.generated_at) * 1000000)::bigint
          AS version, c.generated_at AS "generatedAt", c.figures
        FROM statistics_cache c
        WHERE c.inspection_id = $1 AND c.scope_key = $2 AND c.due_soon_days = $3 AND c.computed_on = $4::date
          AND c.stamp = ${stampOf('$1')} AND c.shared_stamp = ${stampOf('$5')}) v`,
    values: [key.inspectionId, key.scopeKey, key.dueSoonDays, today, SHARED_STAMP_ID, heldVersion],
  };
}

/** The current stamps, read before the figures: a change committed after this read leaves the entry stale. */
export function currentStampsSql(inspectionId: string): SqlStatement {
  return {
    text: `SELECT ${stampOf('$1')}::text AS stamp, ${stampOf('$2')}::text AS "sharedStamp"`,
    values: [inspectionId, SHARED_STAMP_ID],
  };
}

/** One computation per key at a time, across every API process on the database (transaction-scoped). */
export function cacheLockSql(key: StatisticsCacheKey): SqlStatement {
  return {
    text: `SELECT pg_advisory_xact_lock(hashtext('statistics_cache'), hashtext($1 || '/' || $2 || '/' || $3::text))`,
    values: [key.inspectionId, key.scopeKey, key.dueSoonDays],
  };
}

export interface CacheEntry {
  stamp: string;
  sharedStamp: string;
  computedOn: string;
  generatedAt: Date;
  figures: unknown;
}

export function storeFiguresSql(key: StatisticsCacheKey, entry: CacheEntry): SqlStatement {
  return {
    text: `INSERT INTO statistics_cache (inspection_id, scope_key, due_soon_days, stamp, shared_stamp, computed_on,
        generated_at, figures)
      VALUES ($1, $2, $3, $4::bigint, $5::bigint, $6::date, $7, $8::json)
      ON CONFLICT (inspection_id, scope_key, due_soon_days) DO UPDATE SET stamp = EXCLUDED.stamp,
        shared_stamp = EXCLUDED.shared_stamp, computed_on = EXCLUDED.computed_on, generated_at = EXCLUDED.generated_at,
        figures = EXCLUDED.figures`,
    values: [
      key.inspectionId,
      key.scopeKey,
      key.dueSoonDays,
      entry.stamp,
      entry.sharedStamp,
      entry.computedOn,
      entry.generatedAt,
      JSON.stringify(entry.figures),
    ],
  };
}
