import { expect, type Browser, type Page } from '@playwright/test';

/** The demo accounts' password (README). */
export const DEMO_PASSWORD = 'Demo@2024zg';

/** A fresh browser context signed in as a demo account, on the 工作台. */
export async function signedIn(
  browser: Browser,
  username: string,
  viewport = { width: 1366, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/$/);
  return page;
}
