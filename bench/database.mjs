// The benchmark's database: BENCH_DATABASE_URL, or an embedded PostgreSQL in .data/pg-bench, seeded to the requested
// number of scale measures with the real seeder (apps/api/dist/cli/seed-scale.js).
import { createDatabase, startEmbedded } from '@zhenggai/devdb';
import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';

const SCALE_MARKER = 'zhenggai:seed-scale';

/**
 * Starts (or names) the bench server; `database(measures)` gives the URL of the database holding that dataset
 * (`zhenggai_bench` for 60,000 measures, `zhenggai_bench_<N>` for any other size), so each size is seeded once and
 * reused. `stop()` ends an embedded server (unless it was already running: then it is left as it was).
 * BENCH_DATABASE_URL names one external database that serves every size as it is (never reset).
 */
export async function openBenchServer(root) {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) return { embedded: false, database: async () => external, async stop() {} };
  const server = await startEmbedded({
    dataDir: path.resolve(root, process.env.BENCH_PG_DIR ?? '.data/pg-bench'),
    port: Number(process.env.BENCH_PG_PORT ?? 54339),
  });
  return {
    embedded: true,
    port: server.port,
    database: (name) => createDatabase(server.url, name),
    stop: () => server.stop(),
  };
}

export const benchDatabaseName = (measures) => (measures === 60000 ? 'zhenggai_bench' : `zhenggai_bench_${measures}`);

/** The database of one dataset size, seeded (once) to `measures` scale measures; `seedSeconds` when it was seeded now. */
export async function datasetUrl(root, server, measures, log) {
  const url = await server.database(benchDatabaseName(measures));
  const existing = await countScaleMeasures(url);
  if (existing === measures) {
    log(`reusing ${existing} scale measures (${server.embedded ? benchDatabaseName(measures) : 'BENCH_DATABASE_URL'})`);
    return { url, seedSeconds: null };
  }
  if (!server.embedded) {
    if (existing > 0) {
      log(`the database holds ${existing} scale measures (not ${measures}); using them as they are`);
      return { url, seedSeconds: null };
    }
  }
  log(
    existing > 0
      ? `re-seeding ${benchDatabaseName(measures)}: ${existing} scale measures present, ${measures} wanted`
      : `seeding ${measures} measures into ${server.embedded ? benchDatabaseName(measures) : 'BENCH_DATABASE_URL'}`,
  );
  const started = Date.now();
  await runSeeder(root, url, { measures, reset: existing > 0 });
  const seedSeconds = (Date.now() - started) / 1000;
  log(`seeded ${measures} measures in ${seedSeconds.toFixed(1)} s`);
  return { url, seedSeconds };
}

/** Scale measures already in the database (0 before the first migration). */
export async function countScaleMeasures(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT to_regclass('public.measure') IS NOT NULL AS migrated`);
    if (!rows[0].migrated) return 0;
    const counted = await client.query(
      `SELECT count(*)::int AS n FROM measure m JOIN inspection i ON i.id = m.inspection_id WHERE i.source_text LIKE $1`,
      [`${SCALE_MARKER}:%`],
    );
    return counted.rows[0].n;
  } finally {
    await client.end();
  }
}

/** Runs the scale seeder as its own process (it also loads the demo accounts into an empty database). */
export function runSeeder(root, url, { measures, reset }) {
  const args = [path.join(root, 'apps/api/dist/cli/seed-scale.js'), '--measures', String(measures)];
  if (reset) args.push('--reset');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      // a 600,000-measure batch insert runs for minutes: no statement timeout while seeding
      env: {
        ...process.env,
        DATABASE_URL: url,
        DB_STATEMENT_TIMEOUT_MS: process.env.DB_STATEMENT_TIMEOUT_MS ?? '3600000',
      },
      // stdout stays clean for --json: the seeder's output goes to stderr
      stdio: ['ignore', 2, 2],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed-scale exited with code ${code}`))));
  });
}

/**
 * What the scenarios work on, chosen in the scale data: the unit with the median number of assigned measures, the
 * inspection with the median number of measures, and `poolSize` unfinished measures for the updates.
 */
export async function chooseFixtures(url, { poolSize }) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const scale = `SELECT id FROM inspection WHERE source_text LIKE '${SCALE_MARKER}:%'`;
    const unit = await client.query(`
      WITH assigned AS (
        SELECT mu.unit_id, count(*) AS n FROM measure_unit mu JOIN measure m ON m.id = mu.measure_id
        WHERE m.inspection_id IN (${scale}) GROUP BY mu.unit_id
      )
      SELECT a.unit_id AS id, u.name, a.n::int AS measures FROM assigned a JOIN unit u ON u.id = a.unit_id
      ORDER BY a.n, a.unit_id OFFSET (SELECT count(*) / 2 FROM assigned) LIMIT 1`);
    const inspection = await client.query(`
      WITH sized AS (SELECT inspection_id, count(*) AS n FROM measure WHERE inspection_id IN (${scale}) GROUP BY inspection_id)
      SELECT s.inspection_id AS id, s.n::int AS measures FROM sized s
      ORDER BY s.n, s.inspection_id OFFSET (SELECT count(*) / 2 FROM sized) LIMIT 1`);
    const measures = await client.query(
      `SELECT id FROM measure WHERE inspection_id IN (${scale}) AND status = 'in_progress' AND deleted_at IS NULL
       ORDER BY id LIMIT $1`,
      [poolSize],
    );
    return { unit: unit.rows[0], inspection: inspection.rows[0], measureIds: measures.rows.map((row) => row.id) };
  } finally {
    await client.end();
  }
}

/** Current versions of the update pool, read before each run so every run starts from the truth. */
export async function readVersions(pool, measureIds) {
  const { rows } = await pool.query('SELECT id, version FROM measure WHERE id = ANY($1) ORDER BY id', [measureIds]);
  return rows.map((row) => ({ id: row.id, version: row.version }));
}
