import { test, expect, type Page } from '@playwright/test';
import { signedIn } from './support/sign-in';

// 定期报送 end to end on the real API with the demo data: the officer opens a new round, the leader of 区水务和湖泊局
// finds it under 我的任务 › 待报送 on a phone and reports, the officer sees the 已报送 count go up.
const statistic = (page: Page, title: string) =>
  page
    .locator('.ant-statistic')
    .filter({ has: page.getByText(title, { exact: true }) })
    .locator('.ant-statistic-content-value');

test('an officer opens a round; the unit leader reports from 我的任务 on a phone; the officer sees 已报送 go up', async ({
  browser,
}) => {
  const officer = await signedIn(browser, 'officer');
  await officer.getByRole('menuitem', { name: '定期报送' }).click();
  await expect(officer).toHaveURL(/\/report-rounds(\?.*)?$/);
  await officer.getByRole('button', { name: /发起报送/ }).click();
  const dialog = officer.getByRole('dialog').filter({ hasText: '发起报送' });
  await expect(dialog.getByLabel('标题')).toHaveValue(/^\d{4}年\d{1,2}月整改进展报送$/);
  await dialog.getByRole('button', { name: /发\s?起/ }).click();
  await expect(officer).toHaveURL(/\/report-rounds\/[0-9a-f-]{36}$/);
  const roundUrl = new URL(officer.url()).pathname;
  const heading = officer.getByRole('heading', { level: 3 });
  await expect(heading).toHaveText(/^第\d+期 /);
  const number = /^(第\d+期)/.exec((await heading.textContent()) ?? '')?.[1] ?? '';
  await expect(officer.getByText('报送中').first()).toBeVisible();
  const before = Number(await statistic(officer, '已报送').textContent());
  const units = officer.getByRole('table', { name: '报送单位', exact: true });
  await expect(units.getByRole('row').filter({ hasText: '区水务和湖泊局' })).toContainText('未报送');

  const phone = await signedIn(browser, 'unitlead', { width: 390, height: 844 });
  await phone.goto('/tasks');
  const pending = phone.getByRole('list', { name: '待报送' });
  await expect(pending).toContainText(number);
  await pending.getByRole('link', { name: `去报送${number}` }).click();
  await expect(phone).toHaveURL(/\/report-rounds\/[0-9a-f-]{36}\/form\?unitId=/);
  await expect(phone.getByRole('button', { name: '提交报送' })).toBeVisible();
  const progress = phone.getByRole('textbox', { name: /本期进展/ });
  const count = await progress.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1)
    await progress.nth(index).fill(`本期已按计划推进第 ${index + 1} 项整改，下一步继续落实。`);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.screenshot({ path: test.info().outputPath('report-form-phone.png'), fullPage: true });
  await phone.getByRole('button', { name: '提交报送' }).click();
  await expect(phone).toHaveURL(/\/report-rounds\/[0-9a-f-]{36}\/units\/[0-9a-f-]{36}$/);
  await expect(phone.getByText('本期已按计划推进第 1 项整改，下一步继续落实。')).toBeVisible();
  await phone.goto('/tasks');
  await expect(phone.getByRole('heading', { name: '我的任务' })).toBeVisible();
  await expect(phone.getByRole('link', { name: `去报送${number}` })).toHaveCount(0);

  await officer.goto(roundUrl);
  await expect(statistic(officer, '已报送')).toHaveText(String(before + 1));
  await expect(units.getByRole('row').filter({ hasText: '区水务和湖泊局' })).toContainText('已报送');
});
