import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_SCORING_WEIGHTS, describeScoringFormula } from '@zhenggai/domain';
import { describe, expect, it, vi } from 'vitest';
import { inspection, page, sessionUser, statistics, unitStatistics } from '@/testing/data-generators';
import { json, sentRequests, slowly, stubApi } from '@/testing/fake-api';
import { chooseOption, currentUrl, findDialog, renderApp, sentBodies } from '@/testing/test-utils';

// jsdom has no canvas: the chart component is replaced by an element that shows the option it was given
vi.mock('echarts-for-react/esm/core', () => ({
  default: ({ option }: { option: unknown }) => <pre data-testid="echarts-option">{JSON.stringify(option)}</pre>,
}));

const first = inspection({
  title: '中共武汉经开区党工委关于十二届省委第四轮巡视整改进展情况的通报',
  group: '省委第六巡视组',
});
const second = inspection({
  title: '关于市委第一轮巡察整改进展情况的通报',
  term: '十五届',
  issuingCommittee: '市委',
  round: 1,
  group: '市委第一巡察组',
  kind: 'xuncha',
});

const finance = 'a0000000-0000-4000-8000-000000000001';
const water = 'a0000000-0000-4000-8000-000000000002';
const formulaText = describeScoringFormula(DEFAULT_SCORING_WEIGHTS);

function unitScores(ranking: Array<{ id: string; name: string; score: number; rank: number }>) {
  return {
    formula: { weights: DEFAULT_SCORING_WEIGHTS, text: formulaText },
    items: ranking.map(({ id, name, score, rank }) => ({
      unit: { id, name },
      score,
      rank,
      components: {
        completionRate: 0.5,
        onTimeRate: 0.5,
        reportPunctuality: 0.5,
        returnedCount: 0,
        reboundCount: 0,
        urgedCount: 0,
        measures: 10,
      },
    })),
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const stats = statistics({
  inspectionId: first.id,
  byUnit: [
    unitStatistics({
      unitId: finance,
      name: '区财政局',
      assigned: 10,
      completed: 10,
      deemedCompleted: 0,
      overdue: 0,
      dueSoon: 0,
      onTimeRate: 100,
      light: 'grey',
    }),
    unitStatistics({
      unitId: water,
      name: '区水务和湖泊局',
      assigned: 10,
      completed: 5,
      deemedCompleted: 1,
      overdue: 2,
      onTimeRate: 83.3,
      light: 'red',
    }),
  ],
  overdueList: [
    {
      id: '00000000-0000-4000-8000-00000000aaa1',
      problemId: '00000000-0000-4000-8000-00000000bbb1',
      problemLabel: '5.',
      problemTitle: '存在‘重建轻管’现象',
      seq: 1,
      text: '专业运维全覆盖。',
      leadUnit: { id: 'u', name: '区水务和湖泊局' },
      deadline: '2023-12-01',
      status: 'pending_review',
      statusLabel: '待审核',
      daysOverdue: 230,
    },
  ],
});

function stubDashboard(user = sessionUser(), overrides: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /api/auth/me': json(user),
    'GET /api/inspections': json(page([first])),
    'GET /api/inspections/:id/statistics': json(stats),
    'GET /api/inspections/:id/unit-scores': json(
      unitScores([
        { id: finance, name: '区财政局', score: 96, rank: 1 },
        { id: water, name: '区水务和湖泊局', score: 61.2, rank: 2 },
      ]),
    ),
    'GET /api/measures': (_request, url) =>
      json(page([], { total: url.searchParams.get('status') === 'pending_review' ? 5 : 2 })),
    'GET /api/extensions': json(page([], { total: 0 })),
    ...overrides,
  });
}

describe('工作台', () => {
  it("shows the officer the figures, the charts, the overdue list, the units' ranking and what waits for review", async () => {
    stubDashboard();
    renderApp('/');

    const kpis = await screen.findByRole('region', { name: '整改概况' });
    expect(within(kpis).getByRole('link', { name: '问题总数 41个，查看明细' })).toHaveAttribute('href', '/problems');
    expect(within(kpis).getByRole('link', { name: '未完成 13个，查看明细' })).toHaveAttribute(
      'href',
      '/problems?status=in_progress',
    );
    expect(within(kpis).getByText('68.3%')).toBeInTheDocument();
    expect(within(kpis).getByRole('link', { name: '措施逾期 11项，查看明细' })).toHaveAttribute(
      'href',
      '/problems?light=red',
    );
    expect(within(kpis).getByRole('link', { name: '待审核 5项，查看明细' })).toHaveAttribute('href', '/reviews');
    expect(await screen.findByText('待我审核：销号申请 5 项，延期申请 0 项')).toBeInTheDocument();

    // the charts arrive in their own chunk
    const donut = await screen.findByRole('img', { name: /^问题整改状态：已完成 18 个，视同完成 10 个，未完成 13 个/ });
    expect(within(donut).getByTestId('echarts-option').textContent).toContain('"data":[{"name":"已完成","value":18}');
    // the demo has no categories: the bars are by unit
    expect(screen.getByText('问题均未分类，按责任单位统计')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /各单位措施办理情况/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /整改完成趋势/ })).toBeInTheDocument();

    const overdue = screen.getByRole('list', { name: '逾期措施' });
    expect(within(overdue).getByRole('link', { name: /5\.\(1\)/ })).toHaveAttribute(
      'href',
      '/problems/00000000-0000-4000-8000-00000000bbb1#measure-00000000-0000-4000-8000-00000000aaa1',
    );
    expect(overdue).toHaveTextContent('逾期 230 天');

    const ranking = within(screen.getByRole('table', { name: '各单位整改排名' }))
      .getAllByRole('row')
      .slice(1);
    expect(ranking[0]).toHaveTextContent('区财政局');
    expect(ranking[1]).toHaveTextContent('区水务和湖泊局');
    expect(within(ranking[1]).getByLabelText('红灯：逾期')).toBeInTheDocument();
    expect(within(ranking[1]).getByLabelText('按时完成率 83.3%')).toBeInTheDocument();
  });

  it('ranks the units by their 考核 score, the same as 考核排名, and names the formula', async () => {
    // the unit with the lower completion rate scores higher (e.g. it reports on time and is never returned)
    stubDashboard(sessionUser(), {
      'GET /api/inspections/:id/unit-scores': json(
        unitScores([
          { id: water, name: '区水务和湖泊局', score: 88.5, rank: 1 },
          { id: finance, name: '区财政局', score: 70, rank: 2 },
        ]),
      ),
    });
    renderApp('/');

    const table = await screen.findByRole('table', { name: '各单位整改排名' });
    await waitFor(() => expect(within(table).getAllByRole('row')[1]).toHaveTextContent('区水务和湖泊局'));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .slice(0, 3)
        .map((cell) => cell.textContent),
    ).toEqual(['1', '区水务和湖泊局', '88.5']);
    expect(within(rows[0]).getByLabelText('完成率 60%')).toBeInTheDocument();
    expect(
      within(rows[1])
        .getAllByRole('cell')
        .slice(0, 3)
        .map((cell) => cell.textContent),
    ).toEqual(['2', '区财政局', '70']);
    expect(screen.getByText(new RegExp(`排名按考核得分，公式：${escapeRegExp(formulaText)}`))).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '考核排名详情' })).toHaveAttribute('href', '/unit-scores');
  });

  it("scopes a unit leader's dashboard to the unit and leads to 我的任务", async () => {
    stubDashboard(sessionUser({ roles: ['unit_leader'], unitIds: ['u'], unitName: '区水务和湖泊局' }));
    renderApp('/');

    expect(await screen.findByText(/统计口径：区水务和湖泊局（仅本单位）/)).toBeInTheDocument();
    expect(screen.getByText('区水务和湖泊局：逾期措施 2 项，临期措施 2 项')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '我的任务' })).toBeInTheDocument();
    expect(screen.queryByText(/待我审核/)).not.toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: '整改概况' })).queryByRole('link', { name: /待审核/ })).toBeNull();
  });

  it('marks the supervisor view as read-only', async () => {
    stubDashboard(sessionUser({ roles: ['supervisor'], unitName: '区纪工委' }));
    renderApp('/');

    expect(await screen.findByText('监督查看 · 只读')).toBeInTheDocument();
    expect(await screen.findByText(/统计口径：全部责任单位（只读）/)).toBeInTheDocument();
  });

  it('switches between inspections and keeps the choice in the URL', async () => {
    const fetchMock = stubDashboard(sessionUser(), { 'GET /api/inspections': json(page([first, second])) });
    const user = userEvent.setup();
    const { router } = renderApp('/');

    await screen.findByRole('region', { name: '整改概况' });
    await chooseOption(user, screen.getByRole('combobox', { name: '切换巡视巡察轮次' }), second.title);

    await waitFor(() => expect(currentUrl(router)).toBe(`/?inspectionId=${second.id}`));
    await waitFor(() =>
      expect(
        sentRequests(fetchMock).some((request) => request.url.endsWith(`/api/inspections/${second.id}/statistics`)),
      ).toBe(true),
    );
  });

  it('urges the overdue measures in one request from the overdue list (一键催办), for the task force only', async () => {
    const fetchMock = stubDashboard(sessionUser(), {
      'POST /api/measures/urge': json(
        { id: 'urge-1', measures: 1, recipients: 3, unreachedUnits: [{ id: 'u-9', name: '军山街道' }] },
        201,
      ),
    });
    const user = userEvent.setup();
    renderApp('/');

    await screen.findByRole('list', { name: '逾期措施' });
    await user.click(screen.getByRole('button', { name: /一键催办/ }));
    const dialog = await findDialog('催办');
    expect(dialog).toHaveTextContent('催办：1 项逾期措施');
    const text = within(dialog).getByLabelText('催办意见');
    await user.clear(text);
    await user.click(within(dialog).getByRole('button', { name: '发送催办' }));
    expect(await within(dialog).findByText('请填写催办意见')).toBeInTheDocument();
    await user.type(text, '逾期措施请本周内完成整改。');
    await user.click(within(dialog).getByRole('button', { name: '发送催办' }));

    expect(await screen.findByText('已催办 1 项措施，已通知 3 人')).toBeInTheDocument();
    // units nobody could be told about are named, to be called
    const warning = await waitFor(() => {
      const element = document.querySelector<HTMLElement>('.ant-modal-confirm');
      if (!element) throw new Error('warning not shown yet');
      return element;
    });
    expect(warning).toHaveTextContent('以下责任单位没有可接收通知的账号');
    expect(warning).toHaveTextContent('军山街道未收到催办通知，请电话联系或为其开通账号。');
    expect(await sentBodies(sentRequests(fetchMock), 'POST', '/api/measures/urge')).toEqual([
      { measureIds: ['00000000-0000-4000-8000-00000000aaa1'], message: '逾期措施请本周内完成整改。' },
    ]);
  });

  it('offers no 一键催办 to a supervisor', async () => {
    stubDashboard(sessionUser({ roles: ['supervisor'], unitName: null }));
    renderApp('/');
    await screen.findByRole('list', { name: '逾期措施' });
    expect(screen.queryByRole('button', { name: /一键催办/ })).not.toBeInTheDocument();
  });

  describe('no request waterfall', () => {
    /** Each request the dashboard sends, and whether the inspection list had answered by then (it answers slowly). */
    function stubSlowInspections(user: ReturnType<typeof sessionUser>) {
      const started: Array<{ request: string; afterList: boolean }> = [];
      let listAnswered = false;
      const record = (request: string) => started.push({ request, afterList: listAnswered });
      stubDashboard(user, {
        'GET /api/inspections': async () => {
          record('inspections');
          const reply = await slowly(300, json(page([first, second])));
          listAnswered = true;
          return reply;
        },
        'GET /api/inspections/:id/statistics': (_request, url) => {
          record(`statistics ${url.pathname.split('/')[3]}`);
          return json(stats);
        },
        'GET /api/inspections/:id/unit-scores': (_request, url) => {
          record(`unit-scores ${url.pathname.split('/')[3]}`);
          return json(unitScores([]));
        },
        'GET /api/measures': (_request, url) => {
          record(`measures ${url.searchParams.get('status') ?? url.searchParams.get('light')}`);
          return json(page([], { total: 2 }));
        },
        'GET /api/extensions': () => {
          record('extensions');
          return json(page([], { total: 0 }));
        },
      });
      return started;
    }

    it('asks for the counts and the figures of the inspection in the URL together with the inspection list', async () => {
      const started = stubSlowInspections(sessionUser({ roles: ['unit_leader'], unitIds: ['u'], unitName: '区水务' }));
      renderApp(`/?inspectionId=${second.id}`);
      await screen.findByRole('region', { name: '整改概况' });
      const beforeList = started.filter((each) => !each.afterList).map((each) => each.request);
      expect(beforeList).toEqual(
        expect.arrayContaining([
          'inspections',
          'measures red',
          'measures yellow',
          `statistics ${second.id}`,
          `unit-scores ${second.id}`,
        ]),
      );
      // nothing the first paint needs was asked twice or only after the list
      expect(started.filter((each) => each.afterList && each.request.startsWith('statistics'))).toEqual([]);
    });

    it('waits for the list only for the default inspection, which the list names', async () => {
      const started = stubSlowInspections(sessionUser());
      renderApp('/');
      await screen.findByRole('region', { name: '整改概况' });
      const beforeList = started.filter((each) => !each.afterList).map((each) => each.request);
      expect(beforeList).toEqual(expect.arrayContaining(['inspections', 'measures pending_review', 'extensions']));
      expect(started.find((each) => each.request.startsWith('statistics'))).toEqual({
        request: `statistics ${first.id}`,
        afterList: true,
      });
    });
  });
});
