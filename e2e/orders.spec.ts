import { test, expect } from '@playwright/test';
import { signedIn } from './support/sign-in';

// 督办单 end to end on the real API with the demo data: the officer issues one to 区水务和湖泊局, its leader replies from
// the notification on a phone, the officer sees 已回复.
const inDays = (days: number) => {
  const china = new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000);
  return china.toISOString().slice(0, 10);
};

test('an officer issues a 督办单; the unit leader replies from the notification on a phone; the officer sees 已回复', async ({
  browser,
}) => {
  const officer = await signedIn(browser, 'officer');
  await officer.getByRole('menuitem', { name: '督办单' }).click();
  await expect(officer).toHaveURL(/\/supervision-orders$/);
  // the demo's two orders: one answered, one waiting
  await expect(officer.getByText('已回复').first()).toBeVisible();
  await officer.getByRole('button', { name: /下发督办单/ }).click();
  const dialog = officer.getByRole('dialog').filter({ hasText: '下发督办单' });
  await dialog.getByLabel('督办单位').fill('区水务和湖泊局');
  await officer
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '区水务和湖泊局' })
    .first()
    .click();
  const measures = dialog.getByRole('combobox', { name: '督办事项' });
  await measures.click();
  await expect(officer.getByRole('option', { name: /^\d+\.\(\d+\)/ }).first()).toBeAttached();
  await measures.press('Enter');
  await measures.press('Escape');
  await dialog.getByLabel('回复期限').fill(inDays(7));
  await dialog.getByLabel('回复期限').press('Enter');
  await dialog.getByLabel('督办要求').fill('请于期限内书面报告该项整改的完成情况。');
  await dialog.getByRole('button', { name: /下\s?发/ }).click();
  await expect(officer).toHaveURL(/\/supervision-orders\/[0-9a-f-]{36}$/);
  const orderUrl = officer.url();
  await expect(officer.getByText('待回复').first()).toBeVisible();

  const phone = await signedIn(browser, 'unitlead', { width: 390, height: 844 });
  await phone.getByRole('button', { name: /^通知，\d+ 条未读/ }).click();
  await phone.getByRole('listitem').filter({ hasText: '督办单' }).first().click();
  await expect(phone).toHaveURL(new RegExp(`${new URL(orderUrl).pathname}$`));
  await phone.getByLabel('回复内容').fill('已完成整改，相关佐证材料已上传。');
  // a new file for the order's measure, chosen at once (named per run: an e2e database kept between runs holds the
  // files of earlier runs on the same measure)
  const report = `督办整改情况报告-${Date.now()}.pdf`;
  await phone.locator('input[type="file"]').setInputFiles({
    name: report,
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  });
  await expect(phone.getByRole('checkbox', { name: new RegExp(report.replace('.', '\\.')) })).toBeChecked();
  await phone.getByRole('button', { name: /提交回复/ }).click();
  await expect(phone.getByText('已回复').first()).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.screenshot({ path: test.info().outputPath('order-reply-phone.png'), fullPage: true });

  await officer.reload();
  await expect(officer.getByText('已完成整改，相关佐证材料已上传。')).toBeVisible();
  await expect(
    officer
      .getByRole('list', { name: '回复佐证材料' })
      .getByRole('button', { name: new RegExp(report.replace('.', '\\.')) }),
  ).toBeVisible();
  await expect(officer.getByText('已回复').first()).toBeVisible();
});
