import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '@zhenggai/devdb';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../src/modules/seed/demo-seed.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { ensureBuiltApi, startApiProcess, waitReady, type ApiProcess } from '../support/processes.js';

// Idle memory (docs/performance.md › Idle memory of the API process): the built API, as `npm start` runs it, boots
// without the heavy document, storage and mail packages; each is imported (from dist, by `import()`) the first time a
// request needs it, and the request answers as before.

const HEAVY = ['exceljs', 'docx', 'mammoth', '@aws-sdk/client-s3', 'nodemailer'];
const loaded = (log: string, name: string) => log.split('\n').some((url) => url.includes(`/node_modules/${name}/`));

describe('idle memory: heavy packages load on first use', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let port: number;
  let moduleLog: string;
  let cookie: string;
  let inspectionId: string;

  beforeAll(async () => {
    ensureBuiltApi();
    database = await createTestDatabase({ demo: true });
    port = await freePort();
    moduleLog = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zg-idle-')), 'modules.log');
    api = startApiProcess('idle-memory', port, {
      DATABASE_URL: database.url,
      JOBS: 'on',
      DEMO_DATA: 'off',
      LOG_LEVEL: 'warn',
      NODE_OPTIONS: `--import=${path.join(__dirname, '../support/module-log.mjs')}`,
      MODULE_LOG: moduleLog,
    });
    await waitReady(api);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    cookie = login.headers
      .getSetCookie()
      .map((value) => value.split(';')[0])
      .join('; ');
    const inspections = (await (
      await fetch(`http://127.0.0.1:${port}/api/inspections`, { headers: { cookie } })
    ).json()) as { items: Array<{ id: string }> };
    inspectionId = inspections.items[0].id;
  }, 120_000);

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await database?.drop();
    if (moduleLog) fs.rmSync(path.dirname(moduleLog), { recursive: true, force: true });
  });

  it('boots and answers lists without exceljs, docx, mammoth, the S3 SDK or nodemailer', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/problems?pageSize=20`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const log = fs.readFileSync(moduleLog, 'utf8');
    // the log works: it holds our dist and the packages the app does load at boot
    expect(log).toContain('/apps/api/dist/main.js');
    expect(loaded(log, 'typeorm')).toBe(true);
    for (const name of HEAVY) expect({ name, loaded: loaded(log, name) }).toEqual({ name, loaded: false });
  });

  it('loads docx for the first Word document and exceljs for the first workbook, from dist', async () => {
    const docx = await fetch(`http://127.0.0.1:${port}/api/inspections/${inspectionId}/exports/report.docx`, {
      headers: { cookie },
    });
    expect(docx.status).toBe(200);
    const docxBody = Buffer.from(await docx.arrayBuffer());
    expect(docxBody.subarray(0, 2).toString()).toBe('PK');
    const xlsx = await fetch(`http://127.0.0.1:${port}/api/inspections/${inspectionId}/unit-scores/export.xlsx`, {
      headers: { cookie },
    });
    expect(xlsx.status).toBe(200);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const log = fs.readFileSync(moduleLog, 'utf8');
    expect(loaded(log, 'docx')).toBe(true);
    expect(loaded(log, 'exceljs')).toBe(true);
    expect(log).toContain('/apps/api/dist/modules/documents/word/docx-render.js');
    // still nothing the request did not need
    expect(loaded(log, 'mammoth')).toBe(false);
    expect(loaded(log, 'nodemailer')).toBe(false);
  });
});
