import { test, expect, type Page } from '@playwright/test';

// The demo dataset: the 41 problems of the 武汉经开区 notice, and the demo accounts (all with this password).
const PASSWORD = 'Demo@2024zg';
const DEMO_PROBLEM_COUNT = 41;
const PROBLEM_7 = '‘清四乱’、退垸还湖攻坚不力';
const PROBLEM_STATUS_LABELS = ['已完成', '视同完成', '未完成'];
// Text a framework or a careless render leaks into a page meant to be entirely Chinese.
const FRAMEWORK_TEXT = /Cannot|Error:|undefined|null|NaN|\[object Object\]/;
// After login the 工作台 opens; these flows work on the ledger, so they sign in on the way to it.
const LEDGER_LOGIN = '/login?redirect=%2Fproblems';

async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

async function expectNoFrameworkText(page: Page): Promise<void> {
  await expect(page.locator('body')).not.toHaveText(FRAMEWORK_TEXT);
}

function problemList(page: Page) {
  return page.getByRole('region', { name: '问题列表' });
}

function problemRows(page: Page) {
  return problemList(page).locator('tbody tr[data-row-key]');
}

async function listTotal(page: Page): Promise<number> {
  const text = await problemList(page).locator('.ant-pagination-total-text').innerText();
  const match = /共\s*(\d+)\s*条/.exec(text);
  expect(match, `pagination total text: ${text}`).not.toBeNull();
  return Number(match?.[1]);
}

test('the task-force officer signs in and sees the 41 problems of the demo inspection in official order', async ({
  page,
}) => {
  await page.goto('/problems');
  await expect(page).toHaveURL(/\/login\?redirect=%2Fproblems$/);
  await expect(page.getByRole('heading', { name: '整改 · 巡视巡察整改工作台' })).toBeVisible();
  await expect(page.getByText('本系统严禁处理涉密信息')).toBeVisible();
  await expectNoFrameworkText(page);

  await signIn(page, 'officer');

  await expect(page).toHaveURL(/\/problems$/);
  await expect(page.getByRole('heading', { name: '整改台账' })).toBeVisible();
  await expect(page.getByText('整改专班', { exact: true })).toBeVisible();
  await expect(problemRows(page)).toHaveCount(DEMO_PROBLEM_COUNT);
  await expect(problemList(page).getByText(`共 ${DEMO_PROBLEM_COUNT} 条`)).toBeVisible();

  const labels = await problemRows(page).locator('td:first-child').allInnerTexts();
  expect(labels).toEqual(Array.from({ length: DEMO_PROBLEM_COUNT }, (_, index) => `${index + 1}.`));
  const row7 = problemRows(page).nth(6);
  await expect(row7.getByRole('cell', { name: '7.', exact: true })).toBeVisible();
  await expect(row7.getByRole('link', { name: PROBLEM_7 })).toBeVisible();

  const statuses = await problemRows(page).locator('.ant-tag').allInnerTexts();
  expect(statuses).toHaveLength(DEMO_PROBLEM_COUNT);
  for (const status of statuses) expect(PROBLEM_STATUS_LABELS).toContain(status);
  expect(new Set(statuses).size).toBeGreaterThan(1);

  await expectNoFrameworkText(page);
  await page.screenshot({ path: test.info().outputPath('problems.png'), fullPage: true });

  await row7.getByRole('link', { name: PROBLEM_7 }).click();
  await expect(page).toHaveURL(/\/problems\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: `7.${PROBLEM_7}` })).toBeVisible();
  const measures = page.getByRole('region', { name: '整改措施列表' });
  await expect(measures.getByText('一是')).toBeVisible();
  await expect(measures.locator('.zg-measure-panel').first()).toBeVisible();
  await expectNoFrameworkText(page);
  await page.screenshot({ path: test.info().outputPath('problem-detail.png'), fullPage: true });

  await page.getByRole('button', { name: '返回整改台账' }).click();
  await expect(page).toHaveURL(/\/problems$/);
  await expect(problemRows(page)).toHaveCount(DEMO_PROBLEM_COUNT);
});

test('the status filter and the search box narrow the list and stay in the URL', async ({ page }) => {
  await page.goto(LEDGER_LOGIN);
  await signIn(page, 'officer');
  await expect(problemRows(page)).toHaveCount(DEMO_PROBLEM_COUNT);

  await page.getByRole('combobox', { name: '按状态筛选' }).click();
  await page.locator('.ant-select-item-option[title="已完成"]').click();
  await expect(page).toHaveURL(/\/problems\?status=completed$/);
  // the previous rows stay on screen until the filtered page arrives
  await expect.poll(() => listTotal(page)).toBeLessThan(DEMO_PROBLEM_COUNT);
  const completed = await listTotal(page);
  expect(completed).toBeGreaterThan(0);
  await expect(problemRows(page)).toHaveCount(completed);
  for (const status of await problemRows(page).locator('.ant-tag').allInnerTexts()) expect(status).toBe('已完成');

  await page.reload();
  await expect(problemRows(page)).toHaveCount(completed);

  await page.getByRole('combobox', { name: '按状态筛选' }).click();
  await page.locator('.ant-select-item-option[title="全部状态"]').click();
  await page.getByRole('searchbox', { name: '搜索问题' }).fill('退垸还湖');
  await page.getByRole('searchbox', { name: '搜索问题' }).press('Enter');
  await expect(page).toHaveURL(/\/problems\?q=%E9%80%80%E5%9E%B8%E8%BF%98%E6%B9%96$/);
  await expect.poll(() => listTotal(page)).toBeLessThan(DEMO_PROBLEM_COUNT);
  await expect(problemList(page).getByRole('link', { name: PROBLEM_7 })).toBeVisible();
  await expectNoFrameworkText(page);
});

test('a wrong password shows the API message and stays on the login page', async ({ page }) => {
  await page.goto('/login');
  await signIn(page, 'supervisor', 'Wrong@2024zg');

  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误。连续输错 5 次，账号将被锁定 15 分钟');
  await expect(page).toHaveURL(/\/login$/);
  await expectNoFrameworkText(page);
});

test('empty fields get Chinese validation messages', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: '登录' }).click();

  await expect(page.getByText('请输入用户名')).toBeVisible();
  await expect(page.getByText('请输入密码')).toBeVisible();
});

test('a unit leader sees only the problems that concern the unit', async ({ page }) => {
  await page.goto(LEDGER_LOGIN);
  await signIn(page, 'unitlead');

  await expect(page.getByText('单位负责人', { exact: true })).toBeVisible();
  await expect(problemRows(page).first()).toBeVisible();
  const total = await listTotal(page);
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThan(DEMO_PROBLEM_COUNT);
  await expect(problemRows(page)).toHaveCount(total);
  await expectNoFrameworkText(page);
});

test('logging out returns to the login page, and the list then asks for a new login', async ({ page }) => {
  await page.goto(LEDGER_LOGIN);
  await signIn(page, 'officer');
  await expect(problemRows(page)).toHaveCount(DEMO_PROBLEM_COUNT);

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);

  await page.goto('/problems');
  await expect(page).toHaveURL(/\/login\?redirect=%2Fproblems$/);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
});

test('the system administrator lands on account administration and is told business data is not for the role', async ({
  page,
}) => {
  await page.goto('/login');
  await signIn(page, 'sysadmin');

  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { name: '账号管理' })).toBeVisible();
  await page.goto('/problems');
  await expect(page.getByText('无权查看业务数据')).toBeVisible();
  await expect(page.getByText(/您当前的角色（系统管理员）/)).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '整改台账' })).toHaveCount(0);
  await expect(problemList(page)).toHaveCount(0);
  await expectNoFrameworkText(page);
});

test('on a 390 px phone the menu folds into a drawer and nothing overflows sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(LEDGER_LOGIN);
  await signIn(page, 'officer');
  await expect(problemRows(page)).toHaveCount(DEMO_PROBLEM_COUNT);

  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole('button', { name: '打开导航菜单' }).click();
  await expect(page.getByRole('menuitem', { name: '整改台账' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('problems-phone.png'), fullPage: true });
});
