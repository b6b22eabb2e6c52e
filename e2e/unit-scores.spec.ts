import { test, expect } from '@playwright/test';

// 考核排名 on the real API with the demo data: an officer opens it from the menu and sees the formula the API
// scored with and the units ranked by score; the dashboard's ranking follows the same order.
const PASSWORD = 'Demo@2024zg';

test('an officer opens 考核排名 and sees the formula and the units ranked by score', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/login');
  await page.getByLabel('用户名').fill('officer');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/$/);

  // the dashboard's ranking, to compare with
  const dashboard = page.getByRole('table', { name: '各单位整改排名' });
  await expect(dashboard.getByRole('row').nth(1)).toContainText(/\S/);
  await expect(page.getByText(/排名按考核得分，公式：得分 = /)).toBeVisible();
  await page.locator('.zg-ranking').screenshot({ path: test.info().outputPath('dashboard-ranking.png') });
  const dashboardFirst = (await dashboard.getByRole('row').nth(1).locator('td').nth(1).textContent())?.trim();

  await page.getByRole('menuitem', { name: '考核排名' }).click();
  await expect(page).toHaveURL(/\/unit-scores(\?.*)?$/);
  await expect(page.getByRole('heading', { name: '考核排名', level: 3 })).toBeVisible();
  await expect(page.getByLabel('计分公式')).toContainText(
    '得分 = 完成率×50 + 按期率×30 + 报送及时率×20 − 退回次数×2 − 反弹次数×5 − 被催办次数×1（最低0分）',
  );

  const table = page.getByRole('table', { name: '考核排名' });
  const rows = table.locator('tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);
  const ranks: number[] = [];
  const scores: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const cells = rows.nth(index).locator('td');
    ranks.push(Number(await cells.nth(0).textContent()));
    scores.push(Number(await cells.nth(2).textContent()));
  }
  expect(ranks[0]).toBe(1);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  expect((await rows.first().locator('td').nth(1).textContent())?.trim()).toBe(dashboardFirst);

  await expect(page.getByRole('form', { name: '评分权重' })).toBeVisible();
  await expect(page.getByLabel('公式预览')).toContainText('完成率×50');
  await expect(page.getByRole('link', { name: /导出 Excel/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('unit-scores.png'), fullPage: true });
});
