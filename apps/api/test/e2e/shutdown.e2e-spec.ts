import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '@zhenggai/devdb';
import http from 'node:http';
import { DEMO_PASSWORD } from '../../src/modules/seed/demo-seed.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { ensureBuiltApi, startApiProcess, waitReady, type ApiProcess } from '../support/processes.js';

// SIGTERM drains (docs/operations.md › Shutdown and timeouts): a real API process (jobs on) is told to stop while
// ledger exports run; they finish with whole files, a new connection is refused (or answered 503), exit code 0.

const CONCURRENT = 12;

/**
 * GET with a connection of its own (no keep-alive pool): status and body, or the connection error's code. `sent`
 * resolves once the request is written.
 */
function get(
  port: number,
  path: string,
  cookie = '',
  sent?: () => void,
): Promise<{ status: number; body: Buffer } | { error: string }> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent: false, headers: { cookie } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
      response.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    });
    request.on('finish', () => sent?.());
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
}

// a whole .xlsx (a zip): starts with a local file header, ends with the end-of-central-directory record
const wholeXlsx = (body: Buffer) =>
  body.subarray(0, 2).toString() === 'PK' && body.subarray(-22).readUInt32LE(0) === 0x06054b50;

describe('SIGTERM', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let port: number;

  beforeAll(async () => {
    ensureBuiltApi();
    database = await createTestDatabase({ demo: true });
    port = await freePort();
    api = startApiProcess('shutdown', port, {
      DATABASE_URL: database.url,
      JOBS: 'on',
      DEMO_DATA: 'off',
      LOG_LEVEL: 'warn',
      EXPORT_RATE_PER_MINUTE: '1000',
    });
    await waitReady(api);
  }, 120_000);

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await database?.drop();
  });

  it('lets the requests in flight finish, refuses new ones, and exits 0', async () => {
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((value) => value.split(';')[0])
      .join('; ');
    const inspections = (await (
      await fetch(`http://127.0.0.1:${port}/api/inspections`, { headers: { cookie } })
    ).json()) as { items: Array<{ id: string }> };
    const exportPath = `/api/inspections/${inspections.items[0].id}/exports/ledger.xlsx`;
    const baselineStart = Date.now();
    const baseline = await get(port, exportPath, cookie);
    expect('status' in baseline && baseline.status).toBe(200);
    const baselineMs = Date.now() - baselineStart;

    const finishedAt: number[] = [];
    let sent = 0;
    let allSent: () => void = () => undefined;
    const written = new Promise<void>((resolve) => (allSent = resolve));
    const exports = Array.from({ length: CONCURRENT }, () =>
      get(port, exportPath, cookie, () => {
        if (++sent === CONCURRENT) allSent();
      }).then((result) => {
        finishedAt.push(Date.now());
        return result;
      }),
    );
    // every request written and taken by the server (not left in the listen backlog, which closing the listener
    // resets), well before all of them can be answered
    await written;
    await new Promise((resolve) => setTimeout(resolve, Math.min(300, baselineMs)));
    const exitCode = api.stop('SIGTERM');
    const signalledAt = Date.now();
    // a new connection after SIGTERM: refused, or answered 503 (readiness) while the listener closes
    const after = await get(port, '/api/health/ready');
    const results = await Promise.all(exports);

    expect(String('error' in after ? after.error : after.status)).toMatch(/^(ECONNREFUSED|ECONNRESET|503)$/);
    for (const result of results) {
      expect('status' in result && result.status).toBe(200);
      expect('body' in result && wholeXlsx(result.body)).toBe(true);
    }
    // the exports were in flight when the signal came
    expect({ baselineMs, lastFinishedAfterSignal: Math.max(...finishedAt) > signalledAt }).toMatchObject({
      lastFinishedAfterSignal: true,
    });
    expect(await exitCode).toBe(0);
    expect(api.output()).toContain('SIGTERM: stopping');
    expect(api.output()).toContain('stopped');
  }, 120_000);
});
