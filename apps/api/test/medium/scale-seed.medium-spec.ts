import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deriveProblemStatus, type MeasureStatus } from '@zhenggai/domain';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source.js';
import { SCALE_MARKER, scaleSizes, seedScale, type ScaleSeedResult } from '../../src/modules/statistics/scale-seed.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const TODAY = '2024-03-15';

describe('the scale seeder (PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let first: ScaleSeedResult;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
    first = await seedScale(dataSource, { measures: 600, today: TODAY });
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    ((await dataSource.query(sql, params)) as T[])[0];

  it('adds the requested number of measures in the shape of a province', async () => {
    expect(scaleSizes(60000)).toEqual({ measures: 60000, inspections: 200, problems: 10000, units: 2000 });
    expect(first).toMatchObject({ batch: 1, measures: 600, inspections: 2, problems: 100, units: 20 });
    const counts = await one<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM inspection WHERE source_text = $1) AS inspections,
        (SELECT count(*)::int FROM problem) AS problems, (SELECT count(*)::int FROM measure) AS measures,
        (SELECT count(*)::int FROM unit) AS units, (SELECT count(*)::int FROM category) AS categories,
        (SELECT count(*)::int FROM measure_unit WHERE role = 'lead') AS leads,
        (SELECT count(*)::int FROM measure_unit WHERE role = 'co') AS co_units`,
      [`${SCALE_MARKER}:1`],
    );
    expect(counts).toMatchObject({
      inspections: 2,
      problems: 100,
      measures: 600,
      units: 20,
      categories: 6,
      leads: 600,
    });
    expect(counts.co_units).toBeGreaterThan(50);
    expect(first.measureUnits).toBe(counts.leads + counts.co_units);
  });

  it('gives every measure one lead unit, mirrored on the measure, and co-units other than the lead', async () => {
    const wrong = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM measure m
       WHERE m.lead_unit_id IS NULL
          OR (SELECT count(*) FROM measure_unit mu WHERE mu.measure_id = m.id AND mu.role = 'lead') <> 1
          OR NOT EXISTS (SELECT 1 FROM measure_unit mu WHERE mu.measure_id = m.id AND mu.role = 'lead' AND mu.unit_id = m.lead_unit_id)
          OR EXISTS (SELECT 1 FROM measure_unit mu WHERE mu.measure_id = m.id AND mu.role = 'co' AND mu.unit_id = m.lead_unit_id)`,
    );
    expect(wrong.n).toBe(0);
  });

  it('stores on every problem the status derived from its measures', async () => {
    const problems = (await dataSource.query(
      `SELECT p.status, COALESCE(array_agg(m.status) FILTER (WHERE m.id IS NOT NULL), '{}') AS statuses
       FROM problem p LEFT JOIN measure m ON m.problem_id = p.id GROUP BY p.id`,
    )) as Array<{ status: string; statuses: MeasureStatus[] }>;
    expect(problems).toHaveLength(100);
    for (const problem of problems) expect(problem.status).toBe(deriveProblemStatus(problem.statuses));
    expect(new Set(problems.map((problem) => problem.status))).toEqual(
      new Set(['completed', 'deemed_completed', 'in_progress']),
    );
  });

  it('mixes statuses and deadlines around today: some overdue, some due soon, done work with completion dates', async () => {
    const mix = await one<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE status = 'not_started')::int AS not_started,
        count(*) FILTER (WHERE status = 'in_progress')::int AS in_progress,
        count(*) FILTER (WHERE status = 'pending_review')::int AS pending,
        count(*) FILTER (WHERE status = 'completed')::int AS completed,
        count(*) FILTER (WHERE status = 'deemed_completed')::int AS deemed,
        count(*) FILTER (WHERE status NOT IN ('completed', 'deemed_completed') AND deadline < $1::date)::int AS overdue,
        count(*) FILTER (WHERE status NOT IN ('completed', 'deemed_completed') AND deadline BETWEEN $1::date AND $1::date + 7)::int AS due_soon,
        count(*) FILTER (WHERE status IN ('completed', 'deemed_completed') AND (completed_at IS NULL OR completed_at > $2::timestamptz))::int AS bad_done,
        count(*) FILTER (WHERE status NOT IN ('completed', 'deemed_completed') AND completed_at IS NOT NULL)::int AS bad_open
       FROM measure`,
      [TODAY, `${TODAY}T23:59:59+08:00`],
    );
    for (const key of ['not_started', 'in_progress', 'pending', 'completed', 'deemed', 'overdue', 'due_soon'])
      expect(mix[key]).toBeGreaterThan(0);
    expect(mix.bad_done).toBe(0);
    expect(mix.bad_open).toBe(0);
    expect(first.extensions).toBeGreaterThan(0);
    expect(first.accountabilityActions + first.rules + first.funds).toBeGreaterThan(0);
  });

  it('adds a second batch next to the first without touching it', async () => {
    const checksum = `SELECT md5(string_agg(m.id || m.status || m.version || p.status, ',' ORDER BY m.id)) AS checksum
      FROM measure m JOIN problem p ON p.id = m.problem_id JOIN inspection i ON i.id = m.inspection_id WHERE i.source_text = $1`;
    const before = await one<{ checksum: string }>(checksum, [`${SCALE_MARKER}:1`]);
    const second = await seedScale(dataSource, { measures: 300, today: TODAY });
    expect(second).toMatchObject({ batch: 2, measures: 300, inspections: 1, units: 10 });
    expect(await one(checksum, [`${SCALE_MARKER}:1`])).toEqual(before);
    expect(await one('SELECT count(*)::int AS n FROM measure')).toEqual({ n: 900 });
    // unit names stay unique: the second batch's carry its number
    expect(await one(`SELECT count(*)::int AS n FROM unit WHERE name LIKE '%（第2批）'`)).toEqual({ n: 10 });
  });
});
