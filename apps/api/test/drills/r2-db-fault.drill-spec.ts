import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDatabase, freePort } from '@zhenggai/devdb';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEMO_PASSWORD } from '../../src/modules/seed/demo-seed.js';
import { startOwnServer, type OwnServer } from '../support/embedded-server.js';
import { ensureBuiltApi, startApiProcess, waitReady, type ApiProcess } from '../support/processes.js';
import { recordFigures } from './figures.js';

// Drill R2 (docs/security.md REL-05; docs/operations.md › Drills): a real API process (`node apps/api/dist/main.js`,
// background jobs on) on a PostgreSQL of the drill's own, under a steady write load — CLIENTS clients creating
// measures (a measure row, its lead and co-unit rows, its history event and its audit row, in one transaction),
// each with a unique marker and an Idempotency-Key. Twice in the run PostgreSQL goes away: a fast shutdown (SIGINT),
// later an immediate one (SIGQUIT, as a crash: the restart runs crash recovery), each restarted DOWN_MS later. Then
// every write's marker is looked up: acknowledged (2xx) and missing is a lost write; a 5xx must have left its
// marker whole or absent; no marker twice. Every 5xx answered during the outage was retried once, after recovery,
// with the same key and body, as a client following Retry-After would.

const CLIENTS = 8;
const LOAD_MS = 18_000;
const DOWN_MS = 3_000;
const FAULTS = [
  { at: 4_000, kind: 'fast' as const },
  { at: 11_000, kind: 'immediate' as const },
];
// a client backs off this long after a refused write (shorter than Retry-After, to measure the window finely)
const BACKOFF_MS = 100;

interface Write {
  client: number;
  marker: string;
  key: string;
  body: Record<string, unknown>;
  status: number; // 0: no HTTP answer (the connection failed)
  code?: string;
  retryAfter: string | null;
  sentAt: number;
  answeredAt: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('drill R2: PostgreSQL stopped and crashed under a write load', () => {
  let dir: string;
  let server: OwnServer;
  let url: string;
  let api: ApiProcess;
  let db: pg.Client;
  let base: string;

  beforeAll(async () => {
    ensureBuiltApi();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-r2-'));
    server = await startOwnServer(path.join(dir, 'pg'), await freePort(), true);
    url = await createDatabase(server.url, 'zhenggai_r2');
    const port = await freePort();
    // the process migrates the empty database and loads the demo data itself
    // a key left pending by a request that died is judged after 5 s (IDEMPOTENCY_STALE_SECONDS; 120 by default)
    api = startApiProcess('r2-api', port, {
      DATABASE_URL: url,
      JOBS: 'on',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'auto',
      IDEMPOTENCY_STALE_SECONDS: '5',
    });
    base = `http://127.0.0.1:${port}`;
    await waitReady(api, 180_000);
  }, 240_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await api?.stop().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  async function connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  }

  async function signIn(): Promise<{ cookie: string; csrf: string }> {
    const response = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer', password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers
      .getSetCookie()
      .map((value) => value.split(';')[0])
      .join('; ');
    const body = (await response.json()) as { csrfToken: string };
    return { cookie, csrf: body.csrfToken };
  }

  async function post(
    session: { cookie: string; csrf: string },
    key: string,
    body: Record<string, unknown>,
  ): Promise<{ status: number; code?: string; retryAfter: string | null }> {
    try {
      const response = await fetch(`${base}/api/measures`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          'idempotency-key': key,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
      const answer = (await response.json().catch(() => ({}))) as { code?: string };
      return { status: response.status, code: answer.code, retryAfter: response.headers.get('retry-after') };
    } catch {
      return { status: 0, retryAfter: null };
    }
  }

  it('loses no acknowledged write, writes nothing twice or by halves, answers 503 + Retry-After, recovers', async () => {
    const pid = api.child.pid;
    db = await connect();
    // one problem per client (a measure create locks its problem), and two units for lead and co-unit
    const problems = (
      (await db.query(`SELECT id FROM problem WHERE deleted_at IS NULL ORDER BY id LIMIT $1`, [CLIENTS])) as {
        rows: Array<{ id: string }>;
      }
    ).rows.map((row) => row.id);
    const units = (
      (await db.query(`SELECT DISTINCT unit_id AS id FROM measure_unit ORDER BY unit_id LIMIT 2`)) as {
        rows: Array<{ id: string }>;
      }
    ).rows.map((row) => row.id);
    expect(problems).toHaveLength(CLIENTS);
    expect(units).toHaveLength(2);
    await db.end();
    const session = await signIn();

    const run = randomUUID().slice(0, 8);
    const writes: Write[] = [];
    const start = Date.now();
    const end = start + LOAD_MS;
    const client = async (index: number) => {
      for (let n = 0; Date.now() < end; n++) {
        const marker = `R2-${run}-${index}-${n}`;
        const key = `r2-${run}-${index}-${n}`;
        const body = { problemId: problems[index], text: marker, leadUnitId: units[0], coUnitIds: [units[1]] };
        const sentAt = Date.now();
        const answer = await post(session, key, body);
        writes.push({ client: index, marker, key, body, ...answer, sentAt, answeredAt: Date.now() });
        if (answer.status < 200 || answer.status >= 300) await sleep(BACKOFF_MS);
      }
    };
    const faults: Array<{ kind: string; at: number; restartedAt: number }> = [];
    const chaos = async () => {
      for (const fault of FAULTS) {
        await sleep(start + fault.at - Date.now());
        const at = Date.now();
        const port = server.port;
        if (fault.kind === 'fast') await server.stop();
        else await server.crash();
        await sleep(DOWN_MS - (Date.now() - at));
        server = await startOwnServer(path.join(dir, 'pg'), port, true);
        expect(server.port).toBe(port);
        faults.push({ kind: fault.kind, at, restartedAt: Date.now() });
      }
    };
    await Promise.all([chaos(), ...Array.from({ length: CLIENTS }, (_, index) => client(index))]);

    // the markers written before any retry
    db = await connect();
    const writtenBeforeRetry = new Set(
      (
        (await db.query(`SELECT text FROM measure WHERE text LIKE $1`, [`R2-${run}-%`])) as {
          rows: Array<{ text: string }>;
        }
      ).rows.map((row) => row.text),
    );
    await db.end();

    // the writes refused during the outages, retried once with the same key and body (8 at a time), once the keys
    // their first requests left pending can be judged (IDEMPOTENCY_STALE_SECONDS)
    await sleep(6_000);
    const refused = writes.filter((write) => write.status >= 500 || write.status === 0);
    const retries: Write[] = [];
    for (let i = 0; i < refused.length; i += CLIENTS) {
      await Promise.all(
        refused.slice(i, i + CLIENTS).map(async (write) => {
          const sentAt = Date.now();
          const answer = await post(session, write.key, write.body);
          retries.push({ ...write, ...answer, sentAt, answeredAt: Date.now() });
        }),
      );
    }

    // what the database holds for every marker of the run
    db = await connect();
    const { rows } = (await db.query(
      `SELECT m.text AS marker, m.id,
              (SELECT count(*) FROM measure_unit u WHERE u.measure_id = m.id)::int AS units,
              (SELECT count(*) FROM measure_event e WHERE e.measure_id = m.id AND e.action = 'create')::int AS events,
              (SELECT count(*) FROM audit_event a
                WHERE a.entity_type = 'measure' AND a.entity_id = m.id::text AND a.action = 'MEASURE_CREATED')::int AS audits
         FROM measure m WHERE m.text LIKE $1`,
      [`R2-${run}-%`],
    )) as { rows: Array<{ marker: string; id: string; units: number; events: number; audits: number }> };
    const byMarker = new Map<string, typeof rows>();
    for (const row of rows) byMarker.set(row.marker, [...(byMarker.get(row.marker) ?? []), row]);
    const whole = (marker: string) =>
      (byMarker.get(marker) ?? []).some((row) => row.units === 2 && row.events === 1 && row.audits === 1);
    const ok = (status: number) => status >= 200 && status < 300;
    const acked = new Set([...writes, ...retries].filter((write) => ok(write.status)).map((write) => write.marker));

    const lost = [...acked].filter((marker) => !whole(marker));
    const duplicates = [...byMarker.values()].filter((found) => found.length > 1).length;
    const halfWritten = rows.filter((row) => !(row.units === 2 && row.events === 1 && row.audits === 1));
    const fiveXx = [...writes, ...retries].filter((write) => write.status >= 500);
    const not503 = fiveXx.filter((write) => write.status !== 503);
    const noRetryAfter = fiveXx.filter((write) => !write.retryAfter);
    const noAnswer = [...writes, ...retries].filter((write) => write.status === 0);
    const other = writes.filter((write) => write.status >= 300 && write.status < 500);
    const refusedAndPresent = refused.filter((write) => writtenBeforeRetry.has(write.marker)).length;
    // a retry answered 409 IDEMPOTENT_REQUEST_DONE: its first request committed, its answer was lost — it must be whole
    const doneBefore = retries.filter((write) => write.status === 409 && write.code === 'IDEMPOTENT_REQUEST_DONE');
    const doneButMissing = doneBefore.filter((write) => !whole(write.marker));
    const stillPending = retries.filter((write) => write.status >= 500 || write.status === 0);

    // per fault: the window of 5xx answers around it, and the first acknowledged write after PostgreSQL is back
    const perFault = faults.map((fault, index) => {
      const until = faults[index + 1]?.at ?? Infinity;
      const failed = writes.filter(
        (write) => write.status >= 500 && write.answeredAt >= fault.at - 1_000 && write.answeredAt < until,
      );
      const firstOk = writes
        .filter((write) => ok(write.status) && write.sentAt >= fault.at)
        .reduce((first, write) => Math.min(first, write.answeredAt), Infinity);
      return {
        kind: fault.kind,
        window: failed.length
          ? Math.max(...failed.map((write) => write.answeredAt)) - Math.min(...failed.map((write) => write.sentAt))
          : 0,
        recovery: firstOk - fault.restartedAt,
        outage: firstOk - fault.at,
      };
    });
    const alive = api.child.exitCode === null && api.child.signalCode === null && api.child.pid === pid;
    const ready = (await fetch(`${base}/api/health/ready`)).status;

    recordFigures('R2', 'database fault', {
      writes: writes.length,
      '2xx': writes.filter((write) => ok(write.status)).length,
      '503': writes.filter((write) => write.status === 503).length,
      'refused, found written': refusedAndPresent,
      'retried 2xx': retries.filter((write) => ok(write.status)).length,
      'retried 409 (written before, answer lost)': doneBefore.length,
      'retried still pending': stillPending.length,
      lost: lost.length,
      duplicates,
      'half-written': halfWritten.length,
      'non-503 5xx': not503.length,
      'no answer': noAnswer.length,
      ...Object.fromEntries(
        perFault.flatMap((fault) => [
          [`5xx window ${fault.kind} (ms)`, fault.window],
          [`recovery ${fault.kind} (ms)`, fault.recovery],
          [`outage ${fault.kind} (ms)`, fault.outage],
        ]),
      ),
      'API pid unchanged': alive ? `yes (${pid})` : 'no',
    });

    if (not503.length > 0) {
      // what the API logged for its 500s, to find the unmapped error
      const errors = [
        ...new Set(
          api
            .output()
            .split('\n')
            .filter((line) => /"level":50|error/i.test(line)),
        ),
      ];
      process.stdout.write(`R2 unmapped errors (API log):\n${errors.slice(0, 10).join('\n').slice(0, 4000)}\n`);
    }
    expect(faults).toHaveLength(FAULTS.length);
    expect(writes.filter((write) => ok(write.status)).length).toBeGreaterThan(0);
    expect(lost).toEqual([]);
    expect(duplicates).toBe(0);
    expect(halfWritten).toEqual([]);
    expect(not503.map((write) => `${write.status} ${write.code}`)).toEqual([]);
    expect(noRetryAfter.map((write) => `${write.status} ${write.code}`)).toEqual([]);
    expect(noAnswer).toHaveLength(0);
    expect(other.map((write) => `${write.status} ${write.code}`)).toEqual([]);
    for (const fault of perFault) expect(fault.recovery).toBeLessThanOrEqual(5_000);
    // every retry settled: created (its first request had committed nothing) or 409 (it had, and its rows are whole)
    expect(stillPending.map((write) => `${write.status} ${write.code}`)).toEqual([]);
    expect(doneButMissing.map((write) => write.marker)).toEqual([]);
    expect(alive).toBe(true);
    expect(ready).toBe(200);
  }, 240_000);
});
