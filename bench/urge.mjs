#!/usr/bin/env node
// npm run bench:urge [-- --units 2000 --per-unit 2]
// One bulk 催办 at province scale: one open measure of each of `units` scale units, every unit with `per-unit`
// accounts that have an email address, urged in ONE request; then the mail channel delivers to a real local SMTP
// server (smtp-server). Prints the request's time, the notifications made and how long until the last mail arrived.
// Works on a copy of the bench database (dropped afterwards), so `npm run bench` figures are not disturbed.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { login, startApi } from './api.mjs';
import { countScaleMeasures, openBenchDatabase, runSeeder } from './database.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    units: { type: 'string', default: '2000' },
    'per-unit': { type: 'string', default: '2' },
    measures: { type: 'string', default: '60000' },
  },
});
const units = Number(values.units);
const perUnit = Number(values['per-unit']);
const log = (message) => console.log(`[bench:urge] ${message}`);
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function main() {
  const bench = await openBenchDatabase(root);
  const cleanups = [() => bench.stop()];
  try {
    if ((await countScaleMeasures(bench.url)) === 0) {
      log(`seeding ${values.measures} scale measures`);
      await runSeeder(root, bench.url, { measures: Number(values.measures), reset: false });
    }
    // a copy: the urge writes history, notifications and accounts
    const copyName = 'zhenggai_bench_urge';
    const admin = new URL(bench.url);
    admin.pathname = '/postgres';
    await withClient(admin.toString(), async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${copyName}`);
      await client.query(`CREATE DATABASE ${copyName} TEMPLATE ${new URL(bench.url).pathname.slice(1)}`);
    });
    const url = new URL(bench.url);
    url.pathname = `/${copyName}`;
    const databaseUrl = url.toString();
    cleanups.push(() => withClient(admin.toString(), (client) => client.query(`DROP DATABASE IF EXISTS ${copyName}`)));

    // the copy gets this build's schema before accounts with an address are added
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, 'apps/api/dist/cli/migrate.js')], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: databaseUrl },
        stdio: 'inherit',
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`migrate exited with code ${code}`))));
    });

    const measureIds = await withClient(databaseUrl, async (client) => {
      const { rows } = await client.query(
        `SELECT DISTINCT ON (mu.unit_id) mu.unit_id, m.id FROM measure m
         JOIN measure_unit mu ON mu.measure_id = m.id AND mu.role = 'lead'
         WHERE m.status <> 'completed' AND m.deleted_at IS NULL
         ORDER BY mu.unit_id, m.id LIMIT $1`,
        [units],
      );
      const created = await client.query(
        `INSERT INTO user_account (username, display_name, password_hash, roles, unit_id, email)
         SELECT 'bench.' || k || '.' || u.n, '单位账号' || k, (SELECT password_hash FROM user_account WHERE username = 'officer'),
                ARRAY[CASE WHEN k = 1 THEN 'unit_leader' ELSE 'unit_staff' END], u.unit_id,
                'bench.' || k || '.' || u.n || '@bench.example.cn'
         FROM (SELECT unit_id, row_number() OVER (ORDER BY unit_id) AS n FROM unnest($1::uuid[]) AS unit_id) u
         CROSS JOIN generate_series(1, $2::int) AS k`,
        [rows.map((row) => row.unit_id), perUnit],
      );
      log(`${rows.length} units, one open measure each; ${created.rowCount} accounts with an address added`);
      return rows.map((row) => row.id);
    });

    let received = 0;
    let lastAt = 0;
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => {
          received += 1;
          lastAt = Date.now();
          callback();
        });
      },
    });
    await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => smtp.close(resolve)));

    const api = await startApi(root, databaseUrl, {
      env: {
        JOBS: 'on',
        JOBS_POLL_SECONDS: '0.5',
        SMTP_URL: `smtp://127.0.0.1:${smtp.server.address().port}`,
        MAIL_FROM: '整改专班 <bench@example.cn>',
      },
    });
    cleanups.push(() => api.stop());
    const { cookie, csrfToken } = await login(api.url);

    const started = Date.now();
    const response = await fetch(`${api.url}/api/measures/urge`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' },
      body: JSON.stringify({ measureIds, message: '请于本周五前报送整改进展（压测）' }),
    });
    const answered = Date.now() - started;
    const body = await response.json();
    if (response.status !== 201) throw new Error(`the urge answered ${response.status}: ${JSON.stringify(body)}`);
    log(
      `POST /api/measures/urge with ${measureIds.length} measures: ${response.status} in ${seconds(answered)}; ` +
        `${body.recipients} accounts notified, ${body.unreachedUnits.length} units without an account`,
    );

    const expected = await withClient(
      databaseUrl,
      async (client) =>
        (
          await client.query(`SELECT count(*)::int AS n FROM (SELECT id FROM pgboss.job WHERE name = 'notifications.email'
                   UNION ALL SELECT id FROM pgboss.archive WHERE name = 'notifications.email') AS queued`)
        ).rows[0].n,
    );
    log(`${expected} mails queued`);
    const deadline = Date.now() + 15 * 60_000;
    let reported = 0;
    while (received < expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (received - reported >= 500) {
        log(`${received} mails delivered after ${seconds(Date.now() - started)}`);
        reported = received;
      }
    }
    log(
      `${received} of ${expected} mails delivered; the last ${seconds(lastAt - started)} after the request ` +
        `(${(received / ((lastAt - started) / 1000)).toFixed(0)} mails/s)`,
    );
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => log(`cleanup: ${error.message}`));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
