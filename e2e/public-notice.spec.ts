import { test, expect, request } from '@playwright/test';

// The task force publishes the masked notice through the API; anyone can then read it and write in, without an account.
test('a published notice is readable without signing in and takes the public’s feedback', async ({ page, baseURL }) => {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/auth/login', { data: { username: 'officer', password: 'Demo@2024zg' } });
  expect(login.ok()).toBe(true);
  const { csrfToken } = await login.json();
  const headers = { 'X-CSRF-Token': csrfToken };
  const inspections = await (await api.get('/api/inspections')).json();
  const inspectionId = inspections.items[0].id as string;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const until = new Date(Date.now() + 8 * 3600_000 + 21 * 86_400_000).toISOString().slice(0, 10);
  const draft = await api.post(`/api/inspections/${inspectionId}/publications`, { headers, data: {} });
  expect(draft.status()).toBe(201);
  let publication = await draft.json();
  const period = await api.patch(`/api/publications/${publication.id}`, {
    headers,
    data: { version: publication.version, publicityFrom: today, publicityTo: until },
  });
  expect(period.ok()).toBe(true);
  publication = await period.json();
  const published = await api.post(`/api/publications/${publication.id}/publish`, {
    headers,
    data: { version: publication.version },
  });
  expect(published.ok()).toBe(true);
  const { slug } = await published.json();
  await api.dispose();

  await page.goto(`/public/notices/${slug}`);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('巡视整改进展情况的通报');
  await expect(page.getByText(/任务落实情况/).first()).toBeVisible();
  await expect(page.getByText('027-84851224（工作日8:30—17:30）', { exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('public-notice.png'), fullPage: true });

  await page.getByLabel('意见建议').fill('建议公开退垸还湖的后续进度安排');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('已收到您的意见建议，感谢您的监督。')).toBeVisible();
  await expect(page.locator('body')).not.toHaveText(/Cannot|Error:|undefined|\[object Object\]/);

  await page.goto('/public/notices/not-a-real-slug');
  await expect(page.getByText('通报不存在或已撤回')).toBeVisible();
});
