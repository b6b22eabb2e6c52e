import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { measure, problemDetail, sessionUser } from '@/testing/data-generators';
import { apiError, json, stubApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/test-utils';
import { setViewportWidth } from '@/testing/viewport';

const detail = problemDetail({
  seq: 7,
  label: '7.',
  title: '‘清四乱’、退垸还湖攻坚不力',
  status: 'in_progress',
  statusLabel: '未完成',
  light: 'red',
  overview: '已完成退垸还湖面积核查，正在推进拆除工作。',
  measures: [
    measure({
      seq: 1,
      text: '全面排查“四乱”问题，建立台账。',
      status: 'completed',
      statusLabel: '已完成',
      light: 'grey',
      deadline: '2024-03-31',
    }),
    measure({
      seq: 2,
      lead: '加快退垸还湖。',
      text: '按计划完成拆除和生态修复。',
      status: 'pending_review',
      statusLabel: '待审核',
      light: 'red',
      deadline: '2024-06-30',
      leadUnit: { id: '00000000-0000-4000-8000-0000000000bb', name: '区水务和湖泊局' },
      coUnits: [
        {
          id: '00000000-0000-4000-8000-0000000000cc',
          name: '军山街道',
          role: 'co',
          status: 'in_progress',
          statusLabel: '推进中',
          progress: 50,
        },
      ],
    }),
  ],
});

describe('problem detail', () => {
  it('shows the problem, its overview and its measures in order', async () => {
    stubApi({ 'GET /api/auth/me': json(sessionUser()), [`GET /api/problems/${detail.id}`]: json(detail) });
    renderApp(`/problems/${detail.id}`);

    expect(await screen.findByRole('heading', { name: '7.‘清四乱’、退垸还湖攻坚不力' })).toBeInTheDocument();
    expect(screen.getByText('已完成退垸还湖面积核查，正在推进拆除工作。')).toBeInTheDocument();

    await screen.findByText('按计划完成拆除和生态修复。');
    const rows = within(screen.getByRole('region', { name: '整改措施列表' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('一是')).toBeInTheDocument();
    expect(within(rows[0]).getByText('已完成')).toBeInTheDocument();
    expect(within(rows[1]).getByText('二是')).toBeInTheDocument();
    expect(within(rows[1]).getByText('加快退垸还湖。')).toBeInTheDocument();
    expect(within(rows[1]).getByText('区水务和湖泊局')).toBeInTheDocument();
    expect(within(rows[1]).getByText('配合：军山街道')).toBeInTheDocument();
    expect(within(rows[1]).getByText('2024-06-30')).toBeInTheDocument();
    expect(within(rows[1]).getByText('待审核')).toBeInTheDocument();
  });

  it('stacks the measures as cards on a phone', async () => {
    stubApi({ 'GET /api/auth/me': json(sessionUser()), [`GET /api/problems/${detail.id}`]: json(detail) });
    setViewportWidth(390);
    renderApp(`/problems/${detail.id}`);

    const measures = await screen.findByRole('region', { name: '整改措施列表' });
    expect(within(measures).getAllByRole('listitem')).toHaveLength(2);
    expect(within(measures).queryByRole('table')).not.toBeInTheDocument();
    expect(within(measures).getByText(/牵头：区水务和湖泊局；配合：军山街道；时限：2024-06-30/)).toBeInTheDocument();
  });

  it('goes back to the list with the filters the user came from', async () => {
    stubApi({
      'GET /api/auth/me': json(sessionUser()),
      [`GET /api/problems/${detail.id}`]: json(detail),
      'GET /api/inspections': json({ items: [], total: 0, page: 1, pageSize: 20 }),
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/problems/${detail.id}`);
    await router.navigate(`/problems/${detail.id}`, { state: { listSearch: '?status=in_progress' } });

    await user.click(await screen.findByRole('button', { name: '返回问题清单' }));

    await waitFor(() => expect(currentUrl(router)).toBe('/problems?status=in_progress'));
  });

  it("shows the API's message for a problem outside the user's scope", async () => {
    stubApi({
      'GET /api/auth/me': json(sessionUser()),
      [`GET /api/problems/${detail.id}`]: apiError(404, 'NOT_FOUND', '请求的内容不存在或无权查看'),
    });
    renderApp(`/problems/${detail.id}`);

    expect(await screen.findByText('请求的内容不存在或无权查看')).toBeInTheDocument();
  });
});
