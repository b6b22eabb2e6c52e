import { test, expect } from '@playwright/test';
import { signedIn } from './support/sign-in';

// 回头看 end to end on the real API with the demo data: the officer draws a sample with a seed, finds one item
// rebounded with a new deadline, and the measure it reopened is 推进中 again on its problem's page.
function inDays(days: number): string {
  const date = new Date(Date.now() + 8 * 3600_000 + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

test('an officer draws a look-back, records 反弹 with a new deadline, and the measure is 推进中 again', async ({
  browser,
}) => {
  const officer = await signedIn(browser, 'officer');
  await officer.getByRole('menuitem', { name: '回头看' }).click();
  await expect(officer).toHaveURL(/\/lookbacks(\?.*)?$/);
  await expect(officer.getByRole('link', { name: '第1次回头看' })).toBeVisible();

  const seed = `e2e-${Date.now().toString(36)}`;
  await officer.getByRole('button', { name: /发起回头看/ }).click();
  const dialog = officer.getByRole('dialog').filter({ hasText: '发起回头看' });
  await expect(dialog.getByLabel('抽样比例')).toHaveValue('10');
  await dialog.getByLabel('名称').fill('端到端测试回头看');
  await dialog.getByLabel('抽样比例').fill('20');
  await dialog.getByLabel('随机种子').fill(seed);
  await dialog.getByRole('button', { name: /发\s?起/ }).click();

  await expect(officer).toHaveURL(/\/lookbacks\/[0-9a-f-]{36}$/);
  await expect(officer.getByRole('heading', { level: 3 })).toHaveText(/^第\d+次回头看 端到端测试回头看/);
  await expect(officer.getByText(seed, { exact: true })).toBeVisible();
  await expect(officer.getByText(/从 \d+ 项已销号措施中按 20% 分层抽取 \d+ 项/)).toBeVisible();

  const items = officer.getByRole('table', { name: '抽查清单', exact: true });
  const recordName = /^登记.+的核查结果$/;
  await expect(items.getByRole('button', { name: recordName }).first()).toBeVisible();
  const row = items
    .getByRole('row')
    .filter({ has: officer.getByRole('button', { name: recordName }) })
    .first();
  const recordButton = row.getByRole('button', { name: recordName });
  const measureLink = row.getByRole('link').first();
  const href = (await measureLink.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/problems\/[0-9a-f-]{36}#measure-[0-9a-f-]{36}$/);
  const measureId = href.split('#measure-')[1];

  await recordButton.click();
  const record = officer.getByRole('dialog').filter({ hasText: '登记核查结果' });
  await record.getByText('反弹', { exact: true }).click();
  await expect(record.getByText(/状态回到“推进中”/)).toBeVisible();
  await record.getByLabel('核查情况').fill('复查发现整改成果未能巩固，问题反弹。');
  const deadline = inDays(45);
  await record.getByLabel('新整改时限').fill(deadline);
  // close the calendar without Enter (the only text field of the form: Enter would submit it)
  await record.locator('.ant-modal-title').click();
  await expect(record.getByLabel('新整改时限')).toHaveValue(deadline);
  await record.getByRole('button', { name: /登\s?记/ }).click();
  await expect(officer.getByText(/已登记反弹，措施 .+ 已重新打开/)).toBeVisible();

  const rebounded = items.getByRole('row').filter({ has: officer.locator(`a[href="${href}"]`) });
  await expect(rebounded.locator('.ant-tag', { hasText: '反弹' })).toHaveClass(/ant-tag-red/);
  await expect(rebounded).toContainText('推进中');
  await expect(rebounded).toContainText(`新整改时限 ${deadline}`);
  await expect(officer.getByRole('table', { name: '各单位反弹率' })).toContainText('%');
  await officer.screenshot({ path: test.info().outputPath('lookback-detail.png'), fullPage: true });

  await rebounded.getByRole('link').first().click();
  await expect(officer).toHaveURL(new RegExp(`/problems/[0-9a-f-]{36}#measure-${measureId}$`));
  const panel = officer.locator(`#measure-${measureId}`);
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('推进中');
});
