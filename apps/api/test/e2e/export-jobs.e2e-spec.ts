import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExportJobsService } from '../../src/modules/documents/export-jobs/export-jobs.service.js';
import { LedgerExportService } from '../../src/modules/documents/ledger/ledger-export.service.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { binary } from '../support/http.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Job = { id: string; status: string; progress: number; fileName: string; error?: string; finishedAt?: string };

// The 整改台账 as a background job (issue 28): the real pg-boss worker (JOBS=on) writes the workbook into
// UPLOAD_DIR/exports; only the requester reads the job and its file.
describe('ledger export jobs', () => {
  let t: TestApp;
  let officer: SignedIn;
  let supervisor: SignedIn;
  let unitlead: SignedIn;
  let demoId: string;
  let uploadDir: string;

  const start = (who: SignedIn, query = '', key?: string) => {
    const request = who.agent
      .post(`/api/inspections/${demoId}/exports/ledger-jobs${query}`)
      .set('X-CSRF-Token', who.csrfToken);
    return key ? request.set('Idempotency-Key', key) : request;
  };
  const status = async (who: SignedIn, id: string) =>
    (await who.agent.get(`/api/export-jobs/${id}`).expect(200)).body as Job;
  const download = (who: SignedIn, url: string) => who.agent.get(url).buffer(true).parse(binary);
  const until = async (who: SignedIn, id: string, wanted: (job: Job) => boolean, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = await status(who, id);
      if (wanted(job)) return job;
      if (Date.now() > deadline) throw new Error(`export job ${id} still ${job.status}`);
      await sleep(200);
    }
  };
  const rowsOf = async (buffer: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    return book;
  };

  beforeAll(async () => {
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-jobs-'));
    t = await createTestApp({ env: { JOBS: 'on', JOBS_POLL_SECONDS: '0.5', UPLOAD_DIR: uploadDir } });
    [officer, supervisor, unitlead] = await Promise.all(
      ['officer', 'supervisor', 'unitlead'].map((name) => signIn(t.http, name)),
    );
    demoId = (await officer.agent.get('/api/inspections').expect(200)).body.items[0].id as string;
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  it('runs the export in the background to 100 %, and the file is the workbook with every measure', async () => {
    const created = await start(officer).expect(202);
    expect(created.body).toMatchObject({
      status: 'queued',
      progress: 0,
      fileName: expect.stringMatching(/整改台账\.xlsx$/),
    });
    const done = await until(officer, created.body.id, (job) => job.status === 'done');
    expect(done).toMatchObject({ progress: 100, finishedAt: expect.any(String) });
    expect(done.error).toBeUndefined();

    const file = await download(officer, `/api/export-jobs/${done.id}/file`).expect(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.headers['content-disposition']).toMatch(
      /^attachment; .*filename\*=UTF-8''.*%E6%95%B4%E6%94%B9%E5%8F%B0%E8%B4%A6\.xlsx$/,
    );
    const book = await rowsOf(file.body as Buffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['整改台账', '问题清单', '任务清单', '责任清单']);
    const [{ count }] = (await t.dataSource.query(
      `SELECT count(*)::int AS count FROM measure m JOIN problem p ON p.id = m.problem_id
       WHERE p.inspection_id = $1 AND m.deleted_at IS NULL AND p.deleted_at IS NULL`,
      [demoId],
    )) as Array<{ count: number }>;
    // a title row and a header row above the measures
    expect(book.getWorksheet('整改台账')!.actualRowCount).toBe(count + 2);
    expect(fs.existsSync(path.join(uploadDir, 'exports', `${done.id}.xlsx`))).toBe(true);

    const [audit] = (await t.dataSource.query(
      `SELECT actor_username AS "actor", detail FROM audit_event WHERE action = 'LEDGER_EXPORTED' AND detail->>'exportJobId' = $1`,
      [done.id],
    )) as Array<{ actor: string; detail: { scoped: boolean } }>;
    expect(audit).toMatchObject({ actor: 'officer', detail: { scoped: false } });
  });

  it("keeps a unit account to its own measures, as the direct export, and answers 404 for another account's job", async () => {
    const created = await start(unitlead).expect(202);
    await until(unitlead, created.body.id, (job) => job.status === 'done');
    const viaJob = await rowsOf(
      (await download(unitlead, `/api/export-jobs/${created.body.id}/file`).expect(200)).body,
    );
    const direct = await rowsOf(
      (await download(unitlead, `/api/inspections/${demoId}/exports/ledger.xlsx`).expect(200)).body as Buffer,
    );
    const ledgerRows = (book: ExcelJS.Workbook) => book.getWorksheet('整改台账')!.actualRowCount;
    expect(ledgerRows(viaJob)).toBe(ledgerRows(direct));
    expect(ledgerRows(viaJob)).toBeGreaterThan(2);

    for (const other of [officer, supervisor]) {
      await other.agent.get(`/api/export-jobs/${created.body.id}`).expect(404);
      await other.agent.get(`/api/export-jobs/${created.body.id}/file`).expect(404);
    }
  });

  it('answers 409 EXPORT_JOB_NOT_READY for the file while the job runs', async () => {
    const exporter = t.app.get(LedgerExportService, { strict: false });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const real = exporter.write.bind(exporter);
    const spy = jest.spyOn(exporter, 'write').mockImplementationOnce(async (...args) => {
      await gate;
      return real(...args);
    });
    try {
      const created = await start(officer, '?status=in_progress').expect(202);
      const early = await officer.agent.get(`/api/export-jobs/${created.body.id}/file`).expect(409);
      expect(early.body).toMatchObject({ code: 'EXPORT_JOB_NOT_READY', message: expect.stringContaining('尚未生成') });
      expect((await status(officer, created.body.id)).status).toMatch(/^(queued|running)$/);
      release();
      await until(officer, created.body.id, (job) => job.status === 'done');
      await download(officer, `/api/export-jobs/${created.body.id}/file`).expect(200);
    } finally {
      release();
      spy.mockRestore();
    }
  });

  it('ends a job that keeps failing as failed, with a Chinese error, after its retry', async () => {
    const exporter = t.app.get(LedgerExportService, { strict: false });
    const spy = jest.spyOn(exporter, 'write').mockRejectedValue(new Error('disk full'));
    try {
      const created = await start(officer).expect(202);
      const failed = await until(officer, created.body.id, (job) => job.status === 'failed', 40_000);
      expect(failed.error).toBe('导出失败，请重新导出');
      expect(spy).toHaveBeenCalledTimes(2);
      const refused = await officer.agent.get(`/api/export-jobs/${created.body.id}/file`).expect(409);
      expect(refused.body.code).toBe('EXPORT_JOB_FAILED');
      // no partial file is left behind
      expect(
        fs.readdirSync(path.join(uploadDir, 'exports')).filter((name) => name.startsWith(created.body.id)),
      ).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it('needs the CSRF token, and creates one job under one Idempotency-Key', async () => {
    await officer.agent.post(`/api/inspections/${demoId}/exports/ledger-jobs`).expect(403);
    const first = await start(officer, '', 'ledger-job-0001').expect(202);
    const again = await start(officer, '', 'ledger-job-0001').expect(202);
    expect(again.body.id).toBe(first.body.id);
    await until(officer, first.body.id, (job) => job.status === 'done');
    await start(officer, '?status=nonsense').expect(400);
    await officer.agent
      .post(`/api/inspections/00000000-0000-4000-8000-000000000000/exports/ledger-jobs`)
      .set('X-CSRF-Token', officer.csrfToken)
      .expect(404);
  });

  it('fails a job whose worker died, and purges jobs and files older than a day', async () => {
    const service = t.app.get(ExportJobsService, { strict: false });
    const created = await start(officer).expect(202);
    await until(officer, created.body.id, (job) => job.status === 'done');
    const file = path.join(uploadDir, 'exports', `${created.body.id}.xlsx`);
    expect(fs.existsSync(file)).toBe(true);

    // a row left running by a process that died
    const stuck = '5b0e8f40-0000-4000-8000-000000000001';
    const [{ actor_id: actorId }] = (await t.dataSource.query(`SELECT actor_id FROM export_job WHERE id = $1`, [
      created.body.id,
    ])) as Array<{ actor_id: string }>;
    const now = t.clock.now();
    await t.dataSource.query(
      `INSERT INTO export_job (id, actor_id, inspection_id, filter, scope, status, progress, file_name, created_at, updated_at)
       VALUES ($1, $2, $3, '{}', '{"all": true}', 'running', 40, 'x.xlsx', $4, $4)`,
      [stuck, actorId, demoId, new Date(now.getTime() - 3600_000)],
    );
    await t.dataSource.query(`UPDATE export_job SET created_at = $2 WHERE id = $1`, [
      created.body.id,
      new Date(now.getTime() - 25 * 3600_000),
    ]);

    expect(await service.purge()).toEqual({ stale: 1, deleted: 1 });
    expect(await status(officer, stuck)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('导出中断'),
    });
    await officer.agent.get(`/api/export-jobs/${created.body.id}`).expect(404);
    expect(fs.existsSync(file)).toBe(false);
  });
});
