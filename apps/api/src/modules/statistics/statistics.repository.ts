import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AccessScope } from '../../common/auth/access-scope.js';
import { PgQuery } from '../../database/pg-query.js';
import {
  cacheLockSql,
  cachedFiguresSql,
  currentStampsSql,
  storeFiguresSql,
  type StatisticsCacheKey,
} from './statistics-cache.sql.js';
import type { FiguresRow } from './statistics.mapper.js';
import { inspectionFiguresSql, inspectionLookupSql, type FiguresInput } from './statistics.sql.js';

export interface StatisticsInspectionRow {
  id: string;
  yellowDays: number;
  startDate: string;
}

/** What the cache holds for one key: the figures before mapping and the dueSoonDays they were counted with. */
export interface CachedFigures {
  dueSoonDays: number;
  row: FiguresRow;
}

export interface CachedAnswer {
  figures: CachedFigures;
  generatedAt: Date;
}

const HELD_ENTRIES = 500;

type Queryable = Pick<DataSource | EntityManager, 'query'>;

@Injectable()
export class StatisticsRepository {
  // the figures of the last fresh entry read per key, by entry version (least recently read dropped first)
  private readonly held = new Map<string, { version: string; answer: CachedAnswer }>();

  private readonly pg: PgQuery;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.pg = new PgQuery(dataSource);
  }

  async findVisibleInspection(
    inspectionId: string,
    scope: AccessScope,
    db: Queryable = this.dataSource,
  ): Promise<StatisticsInspectionRow | null> {
    const { text, values } = inspectionLookupSql(inspectionId, scope);
    const rows = (await db.query(text, values)) as StatisticsInspectionRow[];
    return rows[0] ?? null;
  }

  /** Every figure of one inspection within the scope, aggregated by PostgreSQL in one statement. */
  async aggregateFigures(input: FiguresInput, db: Queryable = this.dataSource): Promise<FiguresRow> {
    const { text, values } = inspectionFiguresSql(input);
    const rows = (await db.query(text, values)) as FiguresRow[];
    return rows[0];
  }

  /**
   * The cached answer of the key when it is still fresh (stamps unchanged, computed today), else null. PostgreSQL
   * decides freshness on every call; the process only keeps the last entry's figures per key (immutable, named by
   * the entry's version), so a hit does not carry the figures over the wire and parse them again. Without `db` (the
   * first look of every statistics request) it runs on the pool directly as a prepared statement (`PgQuery`).
   */
  async readCached(key: StatisticsCacheKey, today: string, db?: Queryable): Promise<CachedAnswer | null> {
    const memoryKey = `${key.inspectionId}/${key.scopeKey}/${key.dueSoonDays}`;
    const held = this.held.get(memoryKey);
    const { text, values } = cachedFiguresSql(key, today, held?.version);
    type Row = { version: string; generatedAt: Date; figures: CachedFigures | null };
    const rows = db
      ? ((await db.query(text, values)) as Row[])
      : await this.pg.query<Row>(text, values, { prepare: true });
    const row = rows[0];
    if (!row) return null;
    if (row.figures === null && held && held.version === row.version) return held.answer;
    if (row.figures === null) return null; // cannot happen: figures are only left out for the version held
    const answer = { figures: row.figures, generatedAt: new Date(row.generatedAt) };
    this.held.delete(memoryKey);
    this.held.set(memoryKey, { version: row.version, answer });
    if (this.held.size > HELD_ENTRIES) this.held.delete(this.held.keys().next().value as string);
    return answer;
  }

  /**
   * The cached answer, or computes and stores it: under a per-key advisory lock, so concurrent misses (in every API
   * process on the database) compute once and the others read what the first stored. `compute` returns null when the
   * scope may not see the inspection (nothing is stored then).
   */
  async readOrCompute(
    key: StatisticsCacheKey,
    today: string,
    now: () => Date,
    compute: (db: Queryable) => Promise<CachedFigures | null>,
  ): Promise<CachedAnswer | null> {
    const hit = await this.readCached(key, today);
    if (hit) return hit;
    return this.dataSource.transaction(async (manager) => {
      const lock = cacheLockSql(key);
      await manager.query(lock.text, lock.values);
      // READ COMMITTED: this statement sees what another process stored while we waited for the lock
      const stored = await this.readCached(key, today, manager);
      if (stored) return stored;
      // the stamps are read first: a change that commits after this read leaves the stored entry stale, never fresh
      const stampsSql = currentStampsSql(key.inspectionId);
      const [stamps] = (await manager.query(stampsSql.text, stampsSql.values)) as Array<{
        stamp: string;
        sharedStamp: string;
      }>;
      const generatedAt = now();
      const figures = await compute(manager);
      if (!figures) return null;
      const store = storeFiguresSql(key, { ...stamps, computedOn: today, generatedAt, figures });
      await manager.query(store.text, store.values);
      return { figures, generatedAt };
    });
  }
}
