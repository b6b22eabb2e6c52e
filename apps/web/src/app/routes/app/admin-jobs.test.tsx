import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@zhenggai/api-client';
import { describe, expect, it } from 'vitest';
import { page, sessionUser } from '@/testing/data-generators';
import { apiError, json, sentRequests, stubApi } from '@/testing/fake-api';
import { chooseOption, currentUrl, renderApp, sentBodies, waitForLoaded } from '@/testing/test-utils';

const sysadmin = sessionUser({
  username: 'sysadmin',
  displayName: '系统管理员',
  roles: ['system_admin'],
  unitName: null,
});

const failedRun: Schemas['JobRunDto'] = {
  id: '0b5f6c2e-0000-4000-8000-000000000001',
  name: 'users.dormant-accounts',
  label: '停用长期未登录的账号',
  state: 'failed',
  stateLabel: '失败',
  createdAt: '2024-07-18T18:30:00.000Z',
  startedAt: '2024-07-18T18:30:01.000Z',
  completedAt: '2024-07-18T18:30:02.000Z',
  retryCount: 2,
  retryLimit: 2,
  error: '数据库连接超时',
  output: null,
};

const overview: Schemas['JobsOverviewDto'] = {
  working: true,
  jobs: [
    {
      name: 'users.dormant-accounts',
      label: '停用长期未登录的账号',
      cron: '30 2 * * *',
      scheduleText: '每天 02:30',
      lastRun: failedRun,
      failedCount: 1,
    },
  ],
};

describe('后台任务', () => {
  it('shows the schedule and the failed run with its error, filters the runs and retries the failed one', async () => {
    const fetchMock = stubApi({
      'GET /api/auth/me': json(sysadmin),
      'GET /api/jobs': json(overview),
      'GET /api/jobs/runs': json(page([failedRun])),
      'POST /api/jobs/runs/:id/retry': json({ ...failedRun, state: 'created', stateLabel: '排队中', error: null }),
      'POST /api/jobs/run': apiError(409, 'JOB_ALREADY_QUEUED', '该任务已在排队，请稍后查看运行结果'),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/admin/jobs');

    const jobs = await screen.findByRole('table', { name: '后台任务' });
    expect(await within(jobs).findByText('每天 02:30')).toBeInTheDocument();
    expect(within(jobs).getByText('停用长期未登录的账号')).toHaveAttribute('title', 'users.dormant-accounts');
    expect(currentUrl(router)).toBe('/admin/jobs');

    const runs = screen.getByRole('table', { name: '运行记录' });
    expect(await within(runs).findByText('数据库连接超时')).toBeInTheDocument();
    expect(within(runs).getByText('3 / 3')).toBeInTheDocument();

    await chooseOption(user, screen.getByRole('combobox', { name: '按状态筛选' }), '失败');
    await waitFor(() =>
      expect(
        sentRequests(fetchMock).some((request) => new URL(request.url).searchParams.get('state') === 'failed'),
      ).toBe(true),
    );
    await waitForLoaded();

    await user.click(within(runs).getByRole('button', { name: /重试/ }));
    await waitFor(() =>
      expect(
        sentRequests(fetchMock).some(
          (request) => request.method === 'POST' && request.url.endsWith(`/api/jobs/runs/${failedRun.id}/retry`),
        ),
      ).toBe(true),
    );
    expect(await screen.findByText('已重新提交“停用长期未登录的账号”')).toBeInTheDocument();

    // a run already queued: the API's message, in Chinese
    await user.click(within(jobs).getByRole('button', { name: '立即运行 停用长期未登录的账号' }));
    expect(await screen.findByText('该任务已在排队，请稍后查看运行结果')).toBeInTheDocument();
    expect(await sentBodies(sentRequests(fetchMock), 'POST', '/api/jobs/run')).toEqual([
      { name: 'users.dormant-accounts' },
    ]);
  });

  it('says when the answering process does not work the queues', async () => {
    stubApi({
      'GET /api/auth/me': json(sysadmin),
      'GET /api/jobs': json({ ...overview, working: false }),
      'GET /api/jobs/runs': json(page([])),
    });
    renderApp('/admin/jobs');
    expect(await screen.findByText(/本服务进程未运行后台任务/)).toBeInTheDocument();
    expect(await screen.findByText('没有符合条件的运行记录')).toBeInTheDocument();
    // the system admin's menu leads here
    expect(screen.getByRole('menuitem', { name: /后台任务/ })).toBeInTheDocument();
  });

  it('is for the system admin only', async () => {
    stubApi({ 'GET /api/auth/me': json(sessionUser({ roles: ['security_admin'], username: 'secadmin' })) });
    renderApp('/admin/jobs');
    expect(await screen.findByText('无权查看后台任务')).toBeInTheDocument();
  });
});
