import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { inspection, page, sessionUser } from '@/testing/data-generators';
import { apiError, json, sentRequests, stubApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/test-utils';

describe('signed-in shell', () => {
  it("shows the user's name, role in Chinese and unit", async () => {
    stubApi({
      'GET /api/auth/me': json(
        sessionUser({ displayName: '水湖局负责人', roles: ['unit_leader'], unitName: '区水务和湖泊局' }),
      ),
      'GET /api/inspections': json(page([inspection()])),
      'GET /api/problems': json(page([])),
    });
    renderApp('/problems');

    expect(await screen.findByText('水湖局负责人')).toBeInTheDocument();
    // antd switches to the desktop header after its breakpoint effect has run
    expect(await screen.findByText('单位负责人')).toBeInTheDocument();
    expect(screen.getByText('区水务和湖泊局')).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: '整改台账' })).toBeInTheDocument();
  });

  it('gives each role its own menu, with the count of what waits for the user', async () => {
    stubApi({
      'GET /api/auth/me': json(sessionUser()),
      'GET /api/inspections': json(page([inspection()])),
      'GET /api/problems': json(page([])),
      'GET /api/measures': json(page([], { total: 3 })),
      'GET /api/extensions': json(page([], { total: 1 })),
      'GET /api/feedback/unread-count': json({ unread: 2 }),
    });
    renderApp('/problems');

    const menu = await screen.findByRole('menu');
    await waitFor(() =>
      expect(
        within(menu)
          .getAllByRole('menuitem')
          .map((item) => item.textContent),
      ).toEqual([
        '工作台',
        '整改台账',
        '导入通报',
        '导入台账',
        '公开通报2',
        '待我审核4',
        '督办单',
        '定期报送',
        '回头看',
        '检查节点评估',
        '时限日历',
        '考核排名',
        '轮次设置',
        '单位管理',
      ]),
    );
  });

  it('shows a unit leader 我的任务 and no review queue', async () => {
    stubApi({
      'GET /api/auth/me': json(sessionUser({ roles: ['unit_leader'], unitName: '区水务和湖泊局' })),
      'GET /api/inspections': json(page([inspection()])),
      'GET /api/problems': json(page([])),
      'GET /api/measures': json(page([], { total: 0 })),
    });
    renderApp('/problems');

    const menu = await screen.findByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['工作台', '我的任务', '整改台账', '督办单', '时限日历']);
  });

  it('logs out with the CSRF token and returns to the login page', async () => {
    let signedIn = true;
    const fetchMock = stubApi({
      'GET /api/auth/me': () =>
        signedIn ? json(sessionUser({ csrfToken: 'token-from-me' })) : apiError(401, 'UNAUTHENTICATED', '请先登录'),
      'POST /api/auth/logout': () => {
        signedIn = false;
        return { status: 204 };
      },
      'GET /api/inspections': json(page([inspection()])),
      'GET /api/problems': json(page([])),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/problems');

    await user.click(await screen.findByRole('button', { name: '退出登录' }));

    await waitFor(() => expect(currentUrl(router)).toBe('/login'));
    expect(await screen.findByRole('button', { name: '登录' })).toBeInTheDocument();
    const logout = sentRequests(fetchMock).find((request) => request.method === 'POST');
    expect(logout?.headers.get('X-CSRF-Token')).toBe('token-from-me');
    const reads = sentRequests(fetchMock).filter((request) => request.method === 'GET');
    expect(reads.every((request) => request.headers.get('X-CSRF-Token') === null)).toBe(true);
  });
});
