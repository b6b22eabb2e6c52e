import { test, expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import { signedIn } from './support/sign-in';

// 导出台账 as a background job (issue 28) on the real API with the demo data: the button starts the job, the dialog
// shows its progress, 下载 saves the workbook — which must be the ledger the API lists for that account.
const SHEETS = ['整改台账', '问题清单', '任务清单', '责任清单'];
// measure 1.(2) of the demo notice (fixtures/notices/wuhan-jkq-2024-07-18.txt)
const KNOWN_MEASURE = '部署推动“党的创新理论宣讲进园区、进企业”专项行动';
const UUID = '[0-9a-f-]{36}';

type Job = { id: string; status: 'queued' | 'running' | 'done' | 'failed'; progress: number; fileName: string };

/** The measures the API lists for the signed-in account in one inspection (its scope, no filter). */
async function measureTotal(page: Page, inspectionId: string): Promise<number> {
  const response = await page.request.get(`/api/measures?inspectionId=${inspectionId}&pageSize=1`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { total: number }).total;
}

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

/** The 整改措施 texts of 整改台账 (a title row and a header row above the measures). */
function ledgerMeasures(book: ExcelJS.Workbook): { texts: string[]; units: string[] } {
  const sheet = book.getWorksheet('整改台账')!;
  expect(sheet.getRow(2).getCell(6).value).toBe('整改措施');
  const texts: string[] = [];
  const units: string[] = [];
  sheet.eachRow((row, number) => {
    if (number <= 2) return;
    texts.push(String(row.getCell(6).value ?? ''));
    units.push(`${String(row.getCell(8).value ?? '')}、${String(row.getCell(9).value ?? '')}`);
  });
  return { texts, units };
}

test('the officer exports the ledger in the background: progress dialog, 下载, and the file is the whole ledger', async ({
  browser,
}) => {
  const page = await signedIn(browser, 'officer');
  await page.getByRole('menuitem', { name: '整改台账' }).click();
  await expect(page.getByRole('region', { name: '问题列表' }).locator('tbody tr[data-row-key]').first()).toBeVisible();

  const started = page.waitForResponse(
    (response) => /\/exports\/ledger-jobs/.test(response.url()) && response.request().method() === 'POST',
  );
  // a link (the direct download's address, for a new tab) whose click starts the background job instead
  await page.getByRole('group', { name: '导出' }).getByRole('link', { name: '导出台账' }).click();
  const response = await started;
  expect(response.status()).toBe(202);
  const inspectionId = new RegExp(`/inspections/(${UUID})/exports/`).exec(response.url())![1];
  const job = (await response.json()) as Job;

  const dialog = page.getByRole('dialog', { name: '导出整改台账' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('progressbar', { name: '导出进度' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('export-progress.png') });
  // the job runs in pg-boss's worker (polled every 2 s); the dialog polls the job every second
  await expect(dialog.getByText('导出完成，可以下载了。')).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByRole('progressbar', { name: '导出进度' })).toHaveAttribute('aria-valuenow', '100');
  await expect(dialog.getByText(job.fileName)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('export-done.png') });

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '下载' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(job.fileName);
  expect(download.suggestedFilename()).toMatch(/整改台账\.xlsx$/);
  const file = test.info().outputPath('ledger.xlsx');
  await download.saveAs(file);

  const book = await workbook(file);
  expect(book.worksheets.map((sheet) => sheet.name)).toEqual(SHEETS);
  const { texts } = ledgerMeasures(book);
  const total = await measureTotal(page, inspectionId);
  expect(total).toBeGreaterThan(100); // the demo inspection's 114 measures, whatever other specs added
  expect(texts).toHaveLength(total);
  expect(texts.some((text) => text.includes(KNOWN_MEASURE))).toBe(true);
  for (const name of ['任务清单', '责任清单']) expect(book.getWorksheet(name)!.actualRowCount - 2).toBe(total);

  // the footer's 关闭 (the corner × has the same name)
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toHaveCount(0);
  await page.context().close();
});

test('a unit leader has no 导出台账 button, and an export started with their session holds only their unit’s measures', async ({
  browser,
}) => {
  const officer = await signedIn(browser, 'officer');
  const inspections = (await (await officer.request.get('/api/inspections')).json()) as {
    items: Array<{ id: string }>;
  };
  const inspectionId = inspections.items[0].id;
  const everything = await measureTotal(officer, inspectionId);
  await officer.context().close();

  const page = await signedIn(browser, 'unitlead');
  await page.getByRole('menuitem', { name: '整改台账' }).click();
  await expect(page.getByText(/^仅显示.+承担的问题$/)).toBeVisible();
  await expect(page.getByRole('region', { name: '问题列表' }).locator('tbody tr[data-row-key]').first()).toBeVisible();
  await expect(page.getByRole('group', { name: '导出' })).toHaveCount(0);
  await expect(page.getByText('导出台账')).toHaveCount(0);

  // the API still serves a unit account's export (its own scope); the session's CSRF token comes from /auth/me
  const me = (await (await page.request.get('/api/auth/me')).json()) as {
    csrfToken: string;
    unitName: string | null;
  };
  expect(me.unitName).toBeTruthy();
  const created = await page.request.post(`/api/inspections/${inspectionId}/exports/ledger-jobs`, {
    headers: { 'X-CSRF-Token': me.csrfToken },
  });
  expect(created.status()).toBe(202);
  const job = (await created.json()) as Job;
  await expect
    .poll(async () => ((await (await page.request.get(`/api/export-jobs/${job.id}`)).json()) as Job).status, {
      timeout: 30_000,
    })
    .toBe('done');
  const file = await page.request.get(`/api/export-jobs/${job.id}/file`);
  expect(file.status()).toBe(200);
  const path = test.info().outputPath('unit-ledger.xlsx');
  await writeFile(path, await file.body());

  const book = await workbook(path);
  expect(book.worksheets.map((sheet) => sheet.name)).toEqual(SHEETS);
  const { texts, units } = ledgerMeasures(book);
  const own = await measureTotal(page, inspectionId);
  expect(own).toBeGreaterThan(0);
  expect(own).toBeLessThan(everything);
  expect(texts).toHaveLength(own);
  // every row is the unit's, as lead or co-operating unit
  for (const unit of units) expect(unit).toContain(me.unitName!);
  await page.context().close();
});
