import { test, expect, type Browser, type Locator, type Page } from '@playwright/test';

// The daily workspace on the real API with the demo data (password below for every demo account).
const PASSWORD = 'Demo@2024zg';
const FRAMEWORK_TEXT = /Cannot|Error:|undefined|null|NaN|\[object Object\]/;
// The smallest well-formed PDF the server's content sniffing accepts.
const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/$/);
}

async function newSignedInPage(browser: Browser, username: string, viewport = { width: 1366, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

async function expectNoFrameworkText(page: Page): Promise<void> {
  await expect(page.locator('body')).not.toHaveText(FRAMEWORK_TEXT);
}

/** A chart is drawn when its canvas exists and holds painted pixels. */
async function expectChartDrawn(chart: Locator): Promise<void> {
  const canvas = chart.locator('canvas').first();
  await expect(canvas).toBeVisible();
  await expect
    .poll(() =>
      canvas.evaluate((element: HTMLCanvasElement) => {
        const context = element.getContext('2d');
        if (!context || element.width === 0 || element.height === 0) return 0;
        const pixels = context.getImageData(0, 0, element.width, element.height).data;
        let painted = 0;
        for (let index = 3; index < pixels.length; index += 4) if (pixels[index] > 0) painted += 1;
        return painted;
      }),
    )
    .toBeGreaterThan(500);
}

/** The figure of one KPI card, e.g. 待审核 → 5. */
async function kpi(page: Page, title: string): Promise<number> {
  const card = page
    .getByRole('region', { name: '整改概况' })
    .locator('.zg-kpi')
    .filter({
      has: page.locator('.ant-statistic-title', { hasText: new RegExp(`^${title}$`) }),
    });
  const text = await card.locator('.ant-statistic-content').innerText();
  return Number(/\d+/.exec(text)?.[0]);
}

function measurePanel(page: Page, seqText: string): Locator {
  return page
    .getByRole('region', { name: '整改措施列表' })
    .locator('.zg-measure-panel')
    .filter({ has: page.locator('.ant-card-head-title', { hasText: seqText }) });
}

test('each business role sees its own 工作台 with the charts drawn; the system administrator sees none', async ({
  browser,
}) => {
  for (const [username, scope] of [
    ['officer', '统计口径：全部责任单位'],
    ['supervisor', '统计口径：全部责任单位（只读）'],
    ['unitlead', '统计口径：区水务和湖泊局（仅本单位）'],
    ['unitlead2', '统计口径：区经济和信息化局（仅本单位）'],
  ] as const) {
    const page = await newSignedInPage(browser, username);
    await expect(page.getByRole('heading', { name: '工作台', exact: true })).toBeVisible();
    await expect(page.getByText(scope)).toBeVisible();
    await expect(page.getByRole('region', { name: '整改概况' })).toBeVisible();
    await expectChartDrawn(page.getByRole('img', { name: /^问题整改状态/ }));
    await expectChartDrawn(page.getByRole('img', { name: /各单位措施办理情况|分方面整改情况/ }));
    await expectChartDrawn(page.getByRole('img', { name: /^整改完成趋势/ }));
    await expect(page.getByRole('table', { name: '各单位整改排名' })).toBeVisible();
    if (username === 'officer') {
      await expect(page.getByRole('menuitem', { name: /待我审核/ })).toBeVisible();
      await page.screenshot({ path: test.info().outputPath('dashboard.png'), fullPage: true });
    }
    if (username.startsWith('unitlead')) {
      await expect(page.getByRole('menuitem', { name: /我的任务/ })).toBeVisible();
      await expect(page.getByRole('menuitem', { name: /待我审核/ })).toHaveCount(0);
      // a unit's dashboard ranks its own unit only
      await expect(page.getByRole('table', { name: '各单位整改排名' }).locator('tbody tr[data-row-key]')).toHaveCount(
        1,
      );
    }
    if (username === 'supervisor') await expect(page.getByText('监督查看 · 只读')).toBeVisible();
    await expectNoFrameworkText(page);
    await page.context().close();
  }

  const admin = await browser.newPage();
  await admin.goto('/login');
  await admin.getByLabel('用户名').fill('sysadmin');
  await admin.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await admin.getByRole('button', { name: '登录' }).click();
  // the admins (三权分立) get their own pages, no dashboard and no business menu
  await expect(admin.getByRole('heading', { name: '账号管理' })).toBeVisible();
  await expect(admin.getByRole('menuitem', { name: '工作台' })).toHaveCount(0);
  await expect(admin.getByRole('menuitem', { name: '整改台账' })).toHaveCount(0);
  await admin.close();
});

test('a unit leader submits a measure with PDF evidence; the officer signs it off from 待我审核 and the figures change', async ({
  browser,
}) => {
  // the unit leader picks a measure from 我的任务 that can be put forward for sign-off
  const unit = await newSignedInPage(browser, 'unitlead');
  await expect(unit.getByRole('region', { name: '整改概况' })).toBeVisible();
  const unitPendingBefore = await kpi(unit, '待审核');
  await unit.getByRole('menuitem', { name: /我的任务/ }).click();
  await expect(unit.getByRole('heading', { name: '我的任务' })).toBeVisible();
  const card = unit
    .locator('li.zg-task')
    .filter({ has: unit.getByRole('button', { name: '提交销号' }) })
    .first();
  await expect(card).toBeVisible();
  const ref = (await card.getAttribute('aria-label'))!.replace('措施 ', '');
  await unit.screenshot({ path: test.info().outputPath('my-tasks.png'), fullPage: true });
  await card.getByRole('link', { name: '查看问题' }).click();
  await expect(unit).toHaveURL(/\/problems\/[0-9a-f-]{36}#measure-/);

  const seq = Number(/\((\d+)\)$/.exec(ref)![1]);
  const seqText = `${['', '一', '二', '三', '四', '五', '六', '七', '八', '九'][seq]}是`;
  const panel = measurePanel(unit, seqText);
  await panel.getByRole('tab', { name: '佐证材料' }).click();
  await expect(panel.getByText('涉密材料严禁上传')).toBeVisible();
  await panel.locator('input[type="file"]').setInputFiles({
    name: '整改完成证明.pdf',
    mimeType: 'application/pdf',
    buffer: TINY_PDF,
  });
  await expect(unit.getByText('已上传：整改完成证明.pdf')).toBeVisible();
  await expect(panel.getByRole('list', { name: '佐证材料' }).getByText('整改完成证明.pdf').first()).toBeVisible();

  await panel.getByRole('button', { name: '提交销号' }).click();
  const submit = unit.getByRole('dialog').filter({ hasText: '提交销号申请' });
  await submit.getByLabel('完成情况说明').fill('已按整改方案完成，附整改完成证明。');
  await submit
    .getByRole('checkbox', { name: /整改完成证明\.pdf/ })
    .first()
    .check();
  await submit.getByRole('button', { name: '提交销号' }).click();
  await expect(unit.getByText('已提交销号申请，等待整改专班审核')).toBeVisible();
  await expect(panel.locator('.ant-card-extra')).toContainText('待审核');
  await unit.screenshot({ path: test.info().outputPath('problem-detail.png'), fullPage: true });
  // the unit's own dashboard counts the submission
  await unit.getByRole('menuitem', { name: '工作台' }).click();
  await expect.poll(() => kpi(unit, '待审核')).toBe(unitPendingBefore + 1);
  await unit.context().close();

  // the officer sees it waiting, signs it off in place, and the dashboard follows
  const officer = await newSignedInPage(browser, 'officer');
  await expect(officer.getByRole('region', { name: '整改概况' })).toBeVisible();
  const pendingBefore = await kpi(officer, '待审核');
  await officer.getByRole('menuitem', { name: /待我审核/ }).click();
  const item = officer.getByRole('listitem', { name: `销号申请 ${ref}` });
  await expect(item).toBeVisible();
  await expect(item.getByText('已按整改方案完成，附整改完成证明。')).toBeVisible();
  await expect(item.getByText('整改完成证明.pdf')).toBeVisible();
  await officer.screenshot({ path: test.info().outputPath('reviews.png'), fullPage: true });

  await item.getByRole('button', { name: '通过（已完成）' }).click();
  const approve = officer.getByRole('dialog').filter({ hasText: '审核销号申请' });
  await approve.getByLabel('审核意见').fill('佐证材料齐全，同意销号。');
  await approve.getByRole('button', { name: '审核通过' }).click();
  await expect(officer.getByText('已审核通过，措施已完成')).toBeVisible();
  await expect(item).toHaveCount(0);

  await officer.getByRole('menuitem', { name: '工作台' }).click();
  await expect(officer.getByRole('region', { name: '整改概况' })).toBeVisible();
  await expect.poll(() => kpi(officer, '待审核')).toBe(pendingBefore - 1);
  await expectNoFrameworkText(officer);
  await officer.context().close();

  // and the unit leader's dashboard follows the sign-off
  const unitAgain = await newSignedInPage(browser, 'unitlead');
  await expect(unitAgain.getByRole('region', { name: '整改概况' })).toBeVisible();
  await expect.poll(() => kpi(unitAgain, '待审核')).toBe(unitPendingBefore);
  await unitAgain.context().close();
});

test('a unit leader cannot open another unit’s problem by its address', async ({ browser }) => {
  const unit = await newSignedInPage(browser, 'unitlead');
  const officer = await newSignedInPage(browser, 'officer');
  const all = (await (await officer.request.get('/api/problems?pageSize=200')).json()) as {
    items: Array<{ id: string }>;
  };
  const mine = (await (await unit.request.get('/api/problems?pageSize=200')).json()) as {
    items: Array<{ id: string }>;
  };
  const foreign = all.items.find((problem) => !mine.items.some((own) => own.id === problem.id));
  expect(foreign).toBeDefined();

  await unit.goto(`/problems/${foreign!.id}`);
  await expect(unit.getByText(/不存在或无权查看/)).toBeVisible();
  await expect(unit.getByRole('region', { name: '整改措施列表' })).toHaveCount(0);
  await expectNoFrameworkText(unit);
  await unit.context().close();
  await officer.context().close();
});

test('a stale edit opens the conflict dialog, which shows the newer value and re-applies the change', async ({
  browser,
}) => {
  const first = await newSignedInPage(browser, 'officer');
  const second = await first.context().newPage();
  const problems = (await (await first.request.get('/api/problems?pageSize=200')).json()) as {
    items: Array<{ id: string; label: string }>;
  };
  const target = problems.items.find((problem) => problem.label === '3.') ?? problems.items[2];
  const detail = (await (await first.request.get(`/api/problems/${target.id}`)).json()) as {
    measures: Array<{ deadline: string | null }>;
  };
  // two new dates, both unlike the current one, so that a rerun on the same data saves real changes
  const [firstDate, secondDate] = ['2027-01-15', '2027-02-20', '2027-03-25'].filter(
    (date) => date !== detail.measures[0].deadline,
  );

  for (const page of [first, second]) {
    await page.goto(`/problems/${target.id}`);
    await expect(measurePanel(page, '一是')).toBeVisible();
  }

  const save = async (page: Page, date: string) => {
    await measurePanel(page, '一是').getByRole('button', { name: '修改' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '修改措施' });
    const input = dialog.getByLabel('完成时限');
    await input.click();
    await input.fill(date);
    await input.press('Enter');
    await dialog.getByRole('button', { name: '保存' }).click();
  };

  await save(first, firstDate);
  await expect(first.getByText('已保存')).toBeVisible();

  // the second page still shows the version read before the first save
  await save(second, secondDate);
  const conflict = second.getByRole('dialog').filter({ hasText: '数据已被他人修改' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByText(/最近一次修改：专班干部/)).toBeVisible();
  const row = conflict.getByRole('row').filter({ hasText: '完成时限' });
  await expect(row).toContainText(firstDate);
  await expect(row).toContainText(secondDate);
  await second.screenshot({ path: test.info().outputPath('conflict-dialog.png'), fullPage: true });

  await conflict.getByRole('button', { name: '按最新数据重新提交' }).click();
  await expect(second.getByText('已按最新数据重新提交：修改措施')).toBeVisible();
  await expect(measurePanel(second, '一是')).toContainText(secondDate);
  await first.context().close();
});

test('the ledger, its filters in the URL and the deadline calendar', async ({ browser }) => {
  const page = await newSignedInPage(browser, 'officer');
  await page.getByRole('menuitem', { name: '整改台账' }).click();
  const list = page.getByRole('region', { name: '问题列表' });
  await expect(list.locator('tbody tr[data-row-key]').first()).toBeVisible();

  await page.getByRole('combobox', { name: '按亮灯筛选' }).click();
  await page.locator('.ant-select-item-option[title="红灯（逾期）"]').click();
  await expect(page).toHaveURL(/\/problems\?light=red$/);
  // the API filters; the previous rows stay on screen until its answer arrives
  await expect
    .poll(async () => {
      const lights = await list
        .locator('tbody tr[data-row-key] .zg-light')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-light')));
      return lights.length > 0 && lights.every((light) => light === 'red');
    })
    .toBe(true);

  await list.locator('tbody tr[data-row-key]').first().getByRole('button', { name: '展开行' }).click();
  await expect(page.getByRole('table', { name: '整改措施' }).first()).toBeVisible();
  await expect(page.getByRole('group', { name: '导出' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('ledger.png'), fullPage: true });

  await page.getByRole('menuitem', { name: '时限日历' }).click();
  await expect(page.getByRole('heading', { name: '时限日历' })).toBeVisible();
  await expect(page.locator('.zg-calendar')).toBeVisible();
  await expect(page.getByRole('region', { name: '当日到期措施' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('calendar.png'), fullPage: true });
  await page.getByRole('tab', { name: '按单位' }).click();
  await expect(page.getByRole('figure', { name: '各单位措施时限分布' })).toBeVisible();
  await expect(page.locator('.zg-gantt-marker').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('calendar-units.png'), fullPage: true });
  await expectNoFrameworkText(page);
  await page.context().close();
});

test('on a 390 px phone a unit leader reports progress from 我的任务 and acts on a measure', async ({ browser }) => {
  const page = await newSignedInPage(browser, 'unitlead', { width: 390, height: 844 });
  await page.getByRole('button', { name: '打开导航菜单' }).click();
  await page.getByRole('menuitem', { name: /我的任务/ }).click();
  await expect(page.getByRole('heading', { name: '我的任务' })).toBeVisible();

  const card = page
    .locator('li.zg-task')
    .filter({ has: page.getByRole('button', { name: '报送进展' }) })
    .first();
  await card.getByRole('button', { name: '报送进展' }).click();
  const form = card.getByRole('form');
  await form.getByRole('button', { name: '报送进展' }).click();
  await expect(form.getByText('请填写整改进展情况')).toBeVisible();
  await form.getByLabel('进展情况').fill('本周完成现场核查，正在组织整改。');
  await form.getByLabel('完成进度').fill('70');
  await form.getByRole('button', { name: '报送进展' }).click();
  await expect(page.getByText(/已报送措施 .* 的进展/)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath('my-tasks-phone.png'), fullPage: true });

  const link = card.getByRole('link', { name: '查看问题' });
  const measureId = (await link.getAttribute('href'))!.split('#')[1];
  await link.click();
  const actions = page.locator(`#${measureId}`).getByRole('group', { name: '办理' });
  await expect(actions).toBeVisible();
  await actions.getByRole('button', { name: '报送进展' }).click();
  await expect(page.getByRole('dialog').filter({ hasText: '报送整改进展' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath('problem-detail-phone.png'), fullPage: true });
  await page.context().close();
});
