import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';

// The ledger import has an upload cap of its own (40 MB): our own export of 60,000 measures (about 10.5 MB) must be
// readable back, while the notice import keeps its 10 MB.
describe('the ledger import upload cap (HTTP)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let demoId: string;
  const MB = 1024 * 1024;

  const upload = (url: string, bytes: number) =>
    officer.agent
      .post(url)
      .set('X-CSRF-Token', officer.csrfToken)
      .attach('file', Buffer.alloc(bytes, 0x41), '整改台账.xlsx');

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t.http, 'officer');
    demoId = (await officer.agent.get('/api/inspections').expect(200)).body.items[0].id as string;
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads a 12 MB file (over the notice cap) and refuses it only as not a workbook', async () => {
    const response = await upload(`/api/inspections/${demoId}/imports/ledger.xlsx?dryRun=true`, 12 * MB);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body.code).not.toBe('FILE_TOO_LARGE');
  });

  it('refuses a file over 40 MB with FILE_TOO_LARGE and a Chinese message, writing nothing', async () => {
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM measure`)) as Array<{ n: number }>;
    const response = await upload(`/api/inspections/${demoId}/imports/ledger.xlsx?dryRun=false`, 41 * MB);
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'FILE_TOO_LARGE', message: '文件不能超过 40 MB' });
    const after = (await t.dataSource.query(`SELECT count(*)::int AS n FROM measure`)) as Array<{ n: number }>;
    expect(after[0].n).toBe(before[0].n);
  });

  it('keeps the notice import at 10 MB', async () => {
    const response = await upload('/api/imports/notice', 11 * MB);
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'FILE_TOO_LARGE', message: '文件不能超过 10 MB' });
  });
});
