import { test, expect, type Browser, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

// The admin and settings screens on the real API with the demo data.
const PASSWORD = 'Demo@2024zg';
const FRAMEWORK_TEXT = /Cannot|Error:|undefined|null|NaN|\[object Object\]/;

async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

async function newPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await signIn(page, username);
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

/** Opens a searchable antd Select, types to narrow its (virtual) list, and picks the option. */
async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  await select.click();
  await select.pressSequentially(option);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

async function expectNoFrameworkText(page: Page): Promise<void> {
  await expect(page.locator('main')).not.toHaveText(FRAMEWORK_TEXT);
}

test('a new account made by the system admin must change its initial password at first sign-in, then works', async ({
  browser,
}) => {
  const admin = await newPage(browser, 'sysadmin');
  await expect(admin).toHaveURL(/\/admin\/users$/);
  const username = `e2e${Date.now().toString(36)}`;
  await admin.getByRole('button', { name: '新建账号' }).click();
  const form = admin.getByRole('dialog', { name: '新建账号' });
  await form.getByLabel('用户名').fill(username);
  await form.getByLabel('姓名').fill('测试经办人');
  await form.getByRole('checkbox', { name: '单位经办人' }).check();
  await chooseOption(admin, '所属单位', '区水务和湖泊局');
  await form
    .getByRole('button', { name: '创 建' })
    .or(form.getByRole('button', { name: '创建' }))
    .click();

  const shown = admin.getByRole('dialog', { name: `已创建账号 ${username}` });
  await expect(shown.getByText('此密码只显示这一次')).toBeVisible();
  const initialPassword = (await shown.locator('code').innerText()).trim();
  expect(initialPassword.length).toBeGreaterThanOrEqual(12);
  await shown.getByRole('button', { name: '我已记下' }).click();
  await expect(admin.getByRole('cell', { name: username })).toBeVisible();
  await admin.screenshot({ path: 'test-results/screenshots/admin-users.png', fullPage: true });
  await admin.context().close();

  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await signIn(page, username, initialPassword);
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByText('初次登录请修改密码')).toBeVisible();
  // the menu stays closed until the password is changed
  await page.goto('/problems');
  await expect(page).toHaveURL(/\/account\/password$/);

  const newPassword = 'Zg#e2e-Shui2026';
  await page.getByLabel('当前密码').fill(initialPassword);
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('确认新密码').fill(newPassword);
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page).not.toHaveURL(/\/account\/password$/);
  await expect(page.getByRole('menuitem', { name: /我的任务/ })).toBeVisible();
  await expectNoFrameworkText(page);
  await context.close();
});

test('the audit admin finds failed sign-ins by their Chinese name and exports them as CSV', async ({ browser }) => {
  // a failed sign-in to find
  const stranger = await browser.newPage();
  await signIn(stranger, 'nobody-here', 'Wrong#Pass2026');
  await expect(stranger.getByRole('alert')).toHaveText('用户名或密码错误。连续输错 5 次，账号将被锁定 15 分钟');
  await stranger.close();

  const page = await newPage(browser, 'auditadmin');
  await expect(page).toHaveURL(/\/admin\/audit$/);
  // the hash chain of the real server's audit trail, verified on opening the page
  await expect(page.getByText(/^审计链完整（\d+ 条，最后校验时间/)).toBeVisible();
  await chooseOption(page, '操作', '登录失败');
  await page.getByRole('button', { name: /^查\s?询$/ }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first()).toContainText('登录失败');
  await expect(rows.first()).toContainText('nobody-here');
  await expectNoFrameworkText(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /导出 CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv).toContain('LOGIN_FAILED');
  expect(csv).toContain('nobody-here');
  await page.screenshot({ path: 'test-results/screenshots/admin-audit.png', fullPage: true });
  await page.context().close();
});

test('the officer changes 轮次设置; a stale second tab gets the comparison dialog instead of overwriting', async ({
  browser,
}) => {
  const first = await newPage(browser, 'officer');
  const second = await newPage(browser, 'officer');
  for (const page of [first, second]) {
    await page.goto('/settings/inspection');
    await expect(page.getByRole('spinbutton', { name: '黄灯提前天数' })).toBeVisible();
  }
  const original = {
    days: await first.getByRole('spinbutton', { name: '黄灯提前天数' }).inputValue(),
    hours: await first.getByRole('textbox', { name: '受理时间' }).inputValue(),
    phone: await first.getByRole('textbox', { name: '联系电话' }).inputValue(),
  };

  await first.getByRole('spinbutton', { name: '黄灯提前天数' }).fill('10');
  await first.getByRole('textbox', { name: '受理时间' }).fill('工作日 8:30—12:00，14:30—17:30');
  await first.getByRole('button', { name: '保存设置' }).click();
  await expect(first.getByText('设置已保存')).toBeVisible();
  await first.reload();
  await expect(first.getByRole('spinbutton', { name: '黄灯提前天数' })).toHaveValue('10');
  await expect(first.getByRole('textbox', { name: '受理时间' })).toHaveValue('工作日 8:30—12:00，14:30—17:30');
  await first.screenshot({ path: 'test-results/screenshots/settings-inspection.png', fullPage: true });

  // the second tab still holds the version before that save
  await second.getByRole('textbox', { name: '联系电话' }).fill('027-84890000');
  await second.getByRole('button', { name: '保存设置' }).click();
  const dialog = second.getByRole('dialog', { name: '数据已被他人修改' });
  await expect(dialog).toBeVisible();
  const table = dialog.getByRole('table', { name: '修改对比' });
  await expect(table.getByRole('row', { name: /黄灯提前天数/ })).toContainText('10 天');
  await expect(table.getByRole('row', { name: /联系电话/ })).toContainText('027-84890000');
  await second.screenshot({ path: 'test-results/screenshots/settings-conflict.png' });
  await dialog.getByRole('button', { name: '按最新数据重新提交' }).click();
  await expect(dialog).toBeHidden();
  await second.reload();
  // both changes kept: the first tab's days and the second tab's phone
  await expect(second.getByRole('spinbutton', { name: '黄灯提前天数' })).toHaveValue('10');
  await expect(second.getByRole('textbox', { name: '联系电话' })).toHaveValue('027-84890000');
  await expectNoFrameworkText(second);

  // leave the demo data as the other flows expect it
  await second.getByRole('spinbutton', { name: '黄灯提前天数' }).fill(original.days);
  await second.getByRole('textbox', { name: '受理时间' }).fill(original.hours);
  await second.getByRole('textbox', { name: '联系电话' }).fill(original.phone);
  await second.getByRole('button', { name: '保存设置' }).click();
  await expect(second.getByText('设置已保存')).toBeVisible();
  await first.context().close();
  await second.context().close();
});
