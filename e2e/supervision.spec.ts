import { test, expect, type Browser, type Page } from '@playwright/test';

// 催办 end to end on the real API with the demo data: the officer urges, the unit's leader is told in the bell.
const PASSWORD = 'Demo@2024zg';

async function newSignedInPage(browser: Browser, username: string, viewport = { width: 1366, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/$/);
  return page;
}

async function unreadOnBell(page: Page): Promise<number> {
  const bell = page.getByRole('button', { name: /^通知/ });
  await expect(bell).toBeVisible();
  const label = (await bell.getAttribute('aria-label')) ?? '';
  return Number(/(\d+) 条未读/.exec(label)?.[1] ?? 0);
}

test('the officer urges a measure; the unit leader sees the bell go up and opens the measure from the notification', async ({
  browser,
}) => {
  // a measure of 区水务和湖泊局 (unitlead's unit), from the leader's own task list
  const lead = await newSignedInPage(browser, 'unitlead');
  await lead.goto('/tasks');
  const href = await lead.locator('li.zg-task').first().getByRole('link', { name: '查看问题' }).getAttribute('href');
  const [problemPath, anchor] = href!.split('#');
  const before = await unreadOnBell(lead);

  const officer = await newSignedInPage(browser, 'officer');
  await officer.goto(problemPath);
  const actions = officer.locator(`#${anchor}`).getByRole('group', { name: '办理' });
  await actions.getByRole('button', { name: '催办' }).click();
  const dialog = officer.getByRole('dialog').filter({ hasText: '催办意见' });
  await dialog.getByLabel('催办意见').fill('请于本周五前报送拆除进度和佐证材料。');
  await dialog.getByRole('button', { name: '发送催办' }).click();
  await expect(officer.getByText(/已催办 1 项措施，已通知 \d+ 人/)).toBeVisible();
  // the history of the measure shows the urge with its author
  await officer.locator(`#${anchor}`).getByRole('tab', { name: '变更记录' }).click();
  await expect(officer.locator(`#${anchor}`).getByText('请于本周五前报送拆除进度和佐证材料。').first()).toBeVisible();

  await lead.reload();
  await expect.poll(() => unreadOnBell(lead)).toBe(before + 1);
  await lead.context().close();

  // on a phone: the bell, 通知中心, and the measure the notification is about
  const phone = await newSignedInPage(browser, 'unitlead', { width: 390, height: 844 });
  await phone.getByRole('button', { name: /^通知，\d+ 条未读/ }).click();
  await expect(phone.getByRole('heading', { name: '通知中心' })).toBeVisible();
  const item = phone.getByRole('listitem').filter({ hasText: '请于本周五前报送拆除进度和佐证材料。' }).first();
  await expect(item).toContainText('整改专班催办');
  await expect(phone.getByRole('button', { name: /全部标为已读/ })).toBeEnabled();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.screenshot({ path: test.info().outputPath('notifications-phone.png'), fullPage: true });
  await item.click();
  await expect(phone).toHaveURL(new RegExp(`${problemPath}#${anchor}$`));
  await expect(phone.locator(`#${anchor}`)).toBeVisible();
  await phone.context().close();
  await officer.context().close();
});
