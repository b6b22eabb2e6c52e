import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@zhenggai/api-client';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { inspection, measure, page, sessionUser, unit } from '@/testing/data-generators';
import { apiError, json, sentRequests, stubApi } from '@/testing/fake-api';
import { chooseOption, findDialog, renderApp, sentBodies, typeDate, waitForLoaded } from '@/testing/test-utils';

type Lookback = Schemas['LookbackDto'];
type Item = Lookback['items'][number];

const demo = inspection();
const water = unit({ name: '区水务和湖泊局' });
const housing = unit({ name: '区住房和城市更新局' });
const officer = sessionUser();
const supervisor = sessionUser({ username: 'supervisor', displayName: '纪检监督', roles: ['supervisor'] });

function item(overrides: Partial<Item> = {}): Item {
  return {
    id: 'c1b2c3d4-0000-4000-8000-000000000001',
    measureId: 'f1b2c3d4-0000-4000-8000-000000000001',
    problemId: 'd1b2c3d4-0000-4000-8000-000000000001',
    label: '7.(1)',
    problemTitle: '河湖“清四乱”不彻底',
    text: '开展“清四乱”专项行动',
    unit: { id: water.id, name: water.name },
    manual: false,
    statusAtDrawLabel: '已完成',
    measureStatus: 'completed',
    measureStatusLabel: '已完成',
    result: null,
    resultLabel: null,
    finding: null,
    deadline: null,
    evidenceIds: [],
    checkedBy: null,
    effectivenessLabel: null,
    checkedAt: null,
    ...overrides,
  };
}

const consolidatedItem = item({
  id: 'c1b2c3d4-0000-4000-8000-000000000002',
  measureId: 'f1b2c3d4-0000-4000-8000-000000000002',
  label: '8.(2)',
  text: '完成老旧小区雨污分流改造',
  unit: { id: housing.id, name: housing.name },
  manual: true,
  result: 'consolidated',
  resultLabel: '巩固',
  finding: '现场查看，改造成果保持良好。',
  checkedBy: '专班干部',
  checkedAt: '2024-08-02T02:00:00.000Z',
});

function lookback(overrides: Partial<Lookback> = {}): Lookback {
  return {
    id: 'b1b2c3d4-0000-4000-8000-000000000002',
    inspectionId: demo.id,
    seq: 2,
    number: '第2次回头看',
    title: '2024年整改“回头看”',
    sampleRatePct: 20,
    seed: 'spring2024',
    population: 12,
    fingerprint: '3f9a0c21',
    status: 'open',
    statusLabel: '核查中',
    counts: { items: 2, drawn: 1, manual: 1, checked: 1, consolidated: 1, rebounded: 0, reboundRatePct: 0 },
    createdBy: { id: officer.id, name: '专班干部' },
    createdAt: '2024-08-01T02:00:00.000Z',
    finishedAt: null,
    version: 3,
    items: [item(), consolidatedItem],
    units: [
      { unit: { id: water.id, name: water.name }, items: 1, checked: 0, rebounded: 0, reboundRatePct: 0 },
      { unit: { id: housing.id, name: housing.name }, items: 1, checked: 1, rebounded: 0, reboundRatePct: 0 },
    ],
    ...overrides,
  };
}

const second = lookback();
const first = lookback({
  id: 'b1b2c3d4-0000-4000-8000-000000000001',
  seq: 1,
  number: '第1次回头看',
  title: '2023年整改“回头看”',
  sampleRatePct: 10,
  seed: 'demo2024',
  status: 'finished',
  statusLabel: '已完成',
  counts: { items: 4, drawn: 4, manual: 0, checked: 4, consolidated: 3, rebounded: 1, reboundRatePct: 25 },
  finishedAt: '2024-03-01T02:00:00.000Z',
});
const summary = ({ items: _items, units: _units, ...rest }: Lookback) => rest;

/** Types into a field by pasting: far quicker than key by key through antd's counted text areas. */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

describe('回头看', () => {
  it('lists the look-backs for an officer, who draws a new one with a seed', async () => {
    const created = lookback({ id: 'b1b2c3d4-0000-4000-8000-000000000003', seq: 3, number: '第3次回头看' });
    const fetchMock = stubApi({
      'GET /api/auth/me': json(officer),
      'GET /api/inspections': json(page([demo])),
      'GET /api/inspections/:id/lookbacks': json([summary(second), summary(first)]),
      'POST /api/inspections/:id/lookbacks': json(created, 201),
      'GET /api/lookbacks/:id': json(created),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/lookbacks');

    const table = await screen.findByRole('table');
    await waitForLoaded();
    const row = within(table).getByText('第1次回头看').closest('tr') as HTMLElement;
    expect(within(row).getByText('2023年整改“回头看”')).toBeInTheDocument();
    expect(within(row).getByText('10%')).toBeInTheDocument();
    expect(within(row).getByText('demo2024')).toBeInTheDocument();
    expect(within(row).getByText('4/4/1')).toBeInTheDocument();
    expect(within(row).getByText('25%')).toBeInTheDocument();
    expect(within(row).getByText('已完成')).toHaveClass('ant-tag-green');
    expect(within(table).getByText('核查中')).toHaveClass('ant-tag-blue');

    await user.click(screen.getByRole('button', { name: /发起回头看/ }));
    const dialog = await findDialog('发起回头看');
    expect(within(dialog).getByRole('spinbutton', { name: '抽样比例' })).toHaveValue('10');
    expect(within(dialog).getByText(/相同的随机种子.*相同的样本/)).toBeInTheDocument();
    const name = within(dialog).getByRole('textbox', { name: '名称' });
    await user.clear(name);
    await user.type(name, '2024年下半年回头看');
    const rate = within(dialog).getByRole('spinbutton', { name: '抽样比例' });
    await user.clear(rate);
    await user.type(rate, '15');
    await fill(user, within(dialog).getByRole('textbox', { name: '随机种子' }), 'autumn-2024');
    await user.click(within(dialog).getByRole('button', { name: /发\s*起/ }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/lookbacks/${created.id}`));
    expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/inspections/${demo.id}/lookbacks`)).toEqual([
      { title: '2024年下半年回头看', sampleRatePct: 15, seed: 'autumn-2024' },
    ]);
  }, 60_000);

  it('shows a look-back to an officer, who records a 反弹 with the new deadline it requires', async () => {
    const deadline = dayjs().add(30, 'day').format('YYYY-MM-DD');
    let current = second;
    const fetchMock = stubApi({
      'GET /api/auth/me': json(officer),
      'GET /api/lookbacks/:id': () => json(current),
      'POST /api/lookbacks/:id/items/:itemId/result': () => {
        current = lookback({
          version: 4,
          counts: { ...second.counts, checked: 2, rebounded: 1, reboundRatePct: 50 },
          items: [
            item({
              result: 'rebounded',
              resultLabel: '反弹',
              finding: '复查发现违建回潮。',
              deadline,
              measureStatus: 'in_progress',
              measureStatusLabel: '推进中',
              checkedBy: '专班干部',
              checkedAt: '2024-08-03T02:00:00.000Z',
            }),
            consolidatedItem,
          ],
        });
        return json(current);
      },
    });
    const user = userEvent.setup();
    renderApp(`/lookbacks/${second.id}`);

    expect(await screen.findByRole('heading', { name: /第2次回头看 2024年整改“回头看”/ })).toBeInTheDocument();
    expect(screen.getByText(/从 12 项已销号措施中按 20% 分层抽取 1 项，另加抽 1 项/)).toBeInTheDocument();
    expect(screen.getByText('spring2024')).toBeInTheDocument();
    expect(screen.getByText('3f9a0c21')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: '各单位反弹率' })).toHaveTextContent(housing.name);
    const items = screen.getByRole('table', { name: '抽查清单' });
    const drawn = within(items).getByRole('link', { name: /7\.\(1\) 开展“清四乱”专项行动/ });
    expect(drawn).toHaveAttribute('href', `/problems/${item().problemId}#measure-${item().measureId}`);
    const manualRow = within(items).getByText('8.(2)', { exact: false }).closest('tr') as HTMLElement;
    expect(within(manualRow).getByText('加抽')).toBeInTheDocument();
    expect(within(manualRow).getByText('巩固')).toHaveClass('ant-tag-green');
    expect(within(drawn.closest('tr') as HTMLElement).getByText('未核查')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /导出 Word/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /导出 Excel/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '登记7.(1)的核查结果' }));
    const dialog = await findDialog('登记核查结果');
    await user.click(within(dialog).getByText('反弹'));
    expect(await within(dialog).findByText(/状态回到“推进中”/)).toBeInTheDocument();
    await fill(user, within(dialog).getByRole('textbox', { name: '核查情况' }), '复查发现违建回潮。');
    await user.click(within(dialog).getByRole('button', { name: /登\s*记/ }));
    expect(await within(dialog).findByText('请选择新整改时限')).toBeInTheDocument();
    expect(
      await sentBodies(sentRequests(fetchMock), 'POST', `/api/lookbacks/${second.id}/items/${item().id}/result`),
    ).toEqual([]);

    await typeDate(user, within(dialog).getByRole('textbox', { name: '新整改时限' }), deadline);
    await user.click(within(dialog).getByRole('button', { name: /登\s*记/ }));

    expect(await screen.findByText('已登记反弹，措施 7.(1) 已重新打开')).toBeInTheDocument();
    const row = within(screen.getByRole('table', { name: '抽查清单' }))
      .getByText('复查发现违建回潮。')
      .closest('tr') as HTMLElement;
    expect(within(row).getByText('反弹')).toHaveClass('ant-tag-red');
    expect(within(row).getByText('推进中')).toBeInTheDocument();
    expect(within(row).getByText(`新整改时限 ${deadline}`)).toBeInTheDocument();
    expect(
      await sentBodies(sentRequests(fetchMock), 'POST', `/api/lookbacks/${second.id}/items/${item().id}/result`),
    ).toEqual([{ result: 'rebounded', finding: '复查发现违建回潮。', deadline, version: 3 }]);
  }, 60_000);

  it('shows the API’s message when finishing is refused, and reloads the look-back', async () => {
    let reads = 0;
    const fetchMock = stubApi({
      'GET /api/auth/me': json(officer),
      'GET /api/lookbacks/:id': () => {
        reads += 1;
        return json(second);
      },
      'POST /api/lookbacks/:id/finish': apiError(409, 'LOOKBACK_ITEMS_UNCHECKED', '尚有措施未核查，不能完成回头看'),
    });
    const user = userEvent.setup();
    renderApp(`/lookbacks/${second.id}`);

    await user.click(await screen.findByRole('button', { name: /完成回头看/ }));
    const confirm = await screen.findByRole('dialog');
    expect(within(confirm).getByText(/尚有 1 项未核查/)).toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: '完成回头看' }));

    expect(await screen.findByText('尚有措施未核查，不能完成回头看')).toBeInTheDocument();
    await waitFor(() => expect(reads).toBeGreaterThan(1));
    expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/lookbacks/${second.id}/finish`)).toEqual([
      { version: 3 },
    ]);
  });

  it('lets an officer add by hand a signed-off measure not yet in the sample (加抽)', async () => {
    const inSample = measure({ id: item().measureId, status: 'completed', statusLabel: '已完成' });
    const pumps = measure({
      inspectionId: demo.id,
      problemLabel: '9.',
      seq: 3,
      text: '完成泵站改造',
      status: 'deemed_completed',
      statusLabel: '视同完成',
      leadUnit: { id: water.id, name: water.name },
    });
    const fetchMock = stubApi({
      'GET /api/auth/me': json(officer),
      'GET /api/lookbacks/:id': json(second),
      'GET /api/measures': (_request, url) =>
        json(page(url.searchParams.get('status') === 'deemed_completed' ? [pumps] : [inSample])),
      'POST /api/lookbacks/:id/items': json(lookback({ version: 4 }), 201),
    });
    const user = userEvent.setup();
    renderApp(`/lookbacks/${second.id}`);

    await user.click(await screen.findByRole('button', { name: /加抽措施/ }));
    const dialog = await findDialog('加抽措施');
    const label = `9.(3) 完成泵站改造（${water.name}，视同完成）`;
    await chooseOption(user, within(dialog).getByRole('combobox', { name: '措施' }), label);
    expect(document.querySelector(`.ant-select-item-option[title^="7.(1)"]`)).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: /加\s*抽/ }));

    expect(await screen.findByText('已加抽该措施')).toBeInTheDocument();
    expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/lookbacks/${second.id}/items`)).toEqual([
      { measureId: pumps.id },
    ]);
    const statuses = sentRequests(fetchMock)
      .filter((request) => new URL(request.url).pathname === '/api/measures')
      .map((request) => new URL(request.url).searchParams)
      // the menu's 待我审核 count asks for measures too
      .filter((params) => params.get('inspectionId') === demo.id);
    expect(statuses.map((params) => params.get('status')).sort()).toEqual(['completed', 'deemed_completed']);
  }, 60_000);

  it('tells the officer when someone else changed the look-back first, and reloads it', async () => {
    let reads = 0;
    const fetchMock = stubApi({
      'GET /api/auth/me': json(officer),
      'GET /api/lookbacks/:id': () => {
        reads += 1;
        return json(second);
      },
      'POST /api/lookbacks/:id/items/:itemId/result': apiError(409, 'VERSION_CONFLICT', '数据已被他人修改'),
    });
    const user = userEvent.setup();
    renderApp(`/lookbacks/${second.id}`);

    await user.click(await screen.findByRole('button', { name: '登记7.(1)的核查结果' }));
    const dialog = await findDialog('登记核查结果');
    await fill(user, within(dialog).getByRole('textbox', { name: '核查情况' }), '现场查看，成果保持良好。');
    await user.click(within(dialog).getByRole('button', { name: /登\s*记/ }));

    expect(await screen.findByText('回头看已被他人更新，已刷新，请核对后重新登记')).toBeInTheDocument();
    await waitFor(() => expect(reads).toBeGreaterThan(1));
    expect(
      await sentBodies(sentRequests(fetchMock), 'POST', `/api/lookbacks/${second.id}/items/${item().id}/result`),
    ).toEqual([{ result: 'consolidated', finding: '现场查看，成果保持良好。', version: 3 }]);
  }, 60_000);

  it('gives a supervisor no button to draw, record, add or finish', async () => {
    stubApi({
      'GET /api/auth/me': json(supervisor),
      'GET /api/inspections': json(page([demo])),
      'GET /api/inspections/:id/lookbacks': json([summary(second)]),
      'GET /api/lookbacks/:id': json(second),
    });
    const { router } = renderApp('/lookbacks');
    expect(await screen.findByText('第2次回头看')).toBeInTheDocument();
    expect(screen.getByText('只读')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /发起回头看/ })).not.toBeInTheDocument();

    await router.navigate(`/lookbacks/${second.id}`);
    expect(await screen.findByRole('table', { name: '抽查清单' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /导出 Word/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /登记/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /加抽措施/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /完成回头看/ })).not.toBeInTheDocument();
  });
});
