import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { inspection, page, problem, sessionUser } from '@/testing/data-generators';
import { apiError, json, sentRequests, stubApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/test-utils';

const demoInspection = inspection({
  title: '中共武汉经开区党工委关于十二届省委第四轮巡视整改进展情况的通报',
  group: '省委第六巡视组',
  feedbackDate: '2024-01-12',
});

const problems = [
  problem({
    seq: 1,
    label: '1.',
    title: '落实新发展理念有差距',
    status: 'completed',
    statusLabel: '已完成',
    light: 'grey',
    measureCount: 2,
    completedMeasureCount: 2,
  }),
  problem({
    seq: 2,
    label: '2.',
    title: '优化营商环境不到位',
    status: 'deemed_completed',
    statusLabel: '视同完成',
    light: 'grey',
  }),
  problem({
    seq: 7,
    label: '7.',
    title: '‘清四乱’、退垸还湖攻坚不力',
    status: 'in_progress',
    statusLabel: '未完成',
    light: 'red',
    deadline: '2024-06-30',
    leadUnit: { id: '00000000-0000-4000-8000-0000000000aa', name: '区水务和湖泊局' },
    measureCount: 4,
    completedMeasureCount: 1,
  }),
];

function stubSignedIn(overrides: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /api/auth/me': json(sessionUser()),
    'GET /api/inspections': json(page([demoInspection])),
    'GET /api/problems': json(page(problems, { total: 3 })),
    ...overrides,
  });
}

function problemQueries(fetchMock: ReturnType<typeof stubApi>): URLSearchParams[] {
  return sentRequests(fetchMock)
    .map((request) => new URL(request.url))
    .filter((url) => url.pathname === '/api/problems')
    .map((url) => url.searchParams);
}

describe('problem list', () => {
  it('shows the inspection and its problems in official order with status tags and lights', async () => {
    const fetchMock = stubSignedIn();
    renderApp('/problems');

    expect(
      await screen.findByText('中共武汉经开区党工委关于十二届省委第四轮巡视整改进展情况的通报'),
    ).toBeInTheDocument();
    expect(screen.getByText('省委第六巡视组')).toBeInTheDocument();
    expect(screen.getByText('2024年1月12日')).toBeInTheDocument();

    await screen.findByRole('link', { name: '‘清四乱’、退垸还湖攻坚不力' });
    // antd switches from the phone layout to the desktop columns after its breakpoint effect has run
    await screen.findByRole('columnheader', { name: '牵头单位/领导' });
    const rows = within(screen.getByRole('region', { name: '问题列表' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0].textContent)).toEqual(['1.', '2.', '7.']);
    const row7 = rows[2];
    expect(within(row7).getByRole('link', { name: '‘清四乱’、退垸还湖攻坚不力' })).toHaveAttribute(
      'href',
      `/problems/${problems[2].id}`,
    );
    expect(within(row7).getByText('区水务和湖泊局')).toBeInTheDocument();
    expect(within(row7).getByText('1/4')).toBeInTheDocument();
    expect(within(row7).getByText('2024-06-30')).toBeInTheDocument();
    expect(within(row7).getByText('未完成')).toHaveClass('ant-tag-orange');
    expect(within(row7).getByLabelText('红灯：逾期')).toBeInTheDocument();
    expect(within(rows[0]).getByText('已完成')).toHaveClass('ant-tag-green');
    expect(within(rows[1]).getByText('视同完成')).toHaveClass('ant-tag-blue');
    expect(screen.getByText('共 3 条')).toBeInTheDocument();

    const [query] = problemQueries(fetchMock);
    expect(query.get('inspectionId')).toBe(demoInspection.id);
    expect(query.get('pageSize')).toBe('50');
  });

  it('writes the status filter to the URL and asks the API for that status', async () => {
    const fetchMock = stubSignedIn();
    const user = userEvent.setup();
    const { router } = renderApp('/problems?page=2');

    await screen.findByRole('link', { name: '落实新发展理念有差距' });
    await user.click(screen.getByRole('combobox', { name: '按状态筛选' }));
    const option = await waitFor(() => {
      const element = document.querySelector<HTMLElement>('.ant-select-item-option[title="视同完成"]');
      if (!element) throw new Error('option not rendered yet');
      return element;
    });
    await user.click(option);

    await waitFor(() => expect(currentUrl(router)).toBe('/problems?status=deemed_completed'));
    await waitFor(() =>
      expect(problemQueries(fetchMock).some((query) => query.get('status') === 'deemed_completed')).toBe(true),
    );
  });

  it('reads the filters from the URL and writes the search text back to it', async () => {
    const fetchMock = stubSignedIn();
    const user = userEvent.setup();
    const { router } = renderApp('/problems?status=in_progress');

    await screen.findByRole('link', { name: '落实新发展理念有差距' });
    expect(problemQueries(fetchMock)[0].get('status')).toBe('in_progress');

    await user.type(screen.getByRole('searchbox', { name: '搜索问题' }), '退垸还湖{Enter}');

    await waitFor(() =>
      expect(currentUrl(router)).toBe(`/problems?status=in_progress&q=${encodeURIComponent('退垸还湖')}`),
    );
    await waitFor(() => expect(problemQueries(fetchMock).some((query) => query.get('q') === '退垸还湖')).toBe(true));
  });

  it('says 暂无数据 when nothing matches', async () => {
    stubSignedIn({ 'GET /api/problems': json(page([])) });
    renderApp('/problems?q=不存在的问题');

    const list = await screen.findByRole('region', { name: '问题列表' });
    expect(await within(list).findByText('暂无数据', { selector: '.ant-empty-description' })).toBeInTheDocument();
    expect(within(list).queryByRole('link')).not.toBeInTheDocument();
  });

  it("shows the API's message when the list cannot be loaded", async () => {
    stubSignedIn({ 'GET /api/problems': apiError(400, 'VALIDATION_FAILED', '提交的数据不符合要求') });
    renderApp('/problems');

    expect(await screen.findByText('提交的数据不符合要求')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument();
  });

  it('sends a visitor without a session to the login page, remembering where they were going', async () => {
    stubApi({ 'GET /api/auth/me': apiError(401, 'UNAUTHENTICATED', '请先登录') });
    const { router } = renderApp('/problems?status=completed');

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe(`?redirect=${encodeURIComponent('/problems?status=completed')}`);
  });

  it('sends the user to the login page when the session ends while they work', async () => {
    stubSignedIn({ 'GET /api/inspections': apiError(401, 'SESSION_EXPIRED', '登录已过期，请重新登录') });
    const { router } = renderApp('/problems');

    await waitFor(() => expect(currentUrl(router)).toBe(`/login?redirect=${encodeURIComponent('/problems')}`));
  });

  it('tells an admin account that its role has no access to business data, without asking for it', async () => {
    const fetchMock = stubApi({
      'GET /api/auth/me': json(
        sessionUser({ username: 'sysadmin', displayName: '系统管理员', roles: ['system_admin'], unitName: null }),
      ),
    });
    renderApp('/problems');

    expect(await screen.findByText('无权查看业务数据')).toBeInTheDocument();
    expect(screen.getByText(/您当前的角色（系统管理员）/)).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: '整改台账' })).not.toBeInTheDocument();
    // nothing of the business data; the bell asks for the account's own notifications
    expect(
      sentRequests(fetchMock)
        .map((request) => new URL(request.url).pathname)
        .filter((pathname) => pathname !== '/api/notifications'),
    ).toEqual(['/api/auth/me']);
  });

  it('shows the no-access page when the API answers 403', async () => {
    stubSignedIn({ 'GET /api/inspections': apiError(403, 'FORBIDDEN', '没有权限执行此操作') });
    renderApp('/problems');

    expect(await screen.findByText('无权查看业务数据')).toBeInTheDocument();
  });
});
