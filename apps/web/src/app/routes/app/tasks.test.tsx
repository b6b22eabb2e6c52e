import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { measure, page, sessionUser } from '@/testing/data-generators';
import { json, sentRequests, stubApi } from '@/testing/fake-api';
import { renderApp, sentBodies } from '@/testing/test-utils';
import { setViewportWidth } from '@/testing/viewport';

const WATER = { id: '00000000-0000-4000-8000-0000000000bb', name: '区水务和湖泊局' };
const share = (status: 'in_progress' | 'completed' | 'not_started', progress: number, urges = 0) => [
  {
    ...WATER,
    role: 'lead' as const,
    status,
    statusLabel: status === 'completed' ? '已完成' : '推进中',
    progress,
    urges,
  },
];

const overdue = measure({
  problemLabel: '7.',
  seq: 2,
  text: '按计划完成拆除和生态修复。',
  light: 'red',
  deadline: '2024-05-01',
  leadUnit: WATER,
  units: share('in_progress', 45, 2),
});
const dueSoon = measure({
  problemLabel: '6.',
  problemTitle: '防洪设施建设较为滞后',
  seq: 1,
  text: '完成泵站改造。',
  light: 'yellow',
  deadline: '2026-12-01',
  leadUnit: WATER,
  units: share('not_started', 0),
});
const done = measure({
  problemLabel: '20.',
  seq: 1,
  text: '建立河湖长巡查制度。',
  status: 'completed',
  statusLabel: '已完成',
  light: 'grey',
  leadUnit: WATER,
  units: share('completed', 100),
});

const unitLeader = sessionUser({
  username: 'unitlead',
  displayName: '水湖局负责人',
  roles: ['unit_leader'],
  unitIds: [WATER.id],
  unitName: WATER.name,
});

function stubTasks(overrides: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /api/auth/me': json(unitLeader),
    'GET /api/measures': json(page([overdue, dueSoon, done])),
    ...overrides,
  });
}

describe('我的任务', () => {
  it("groups the unit's measures by light, overdue first, with the unit's progress", async () => {
    const fetchMock = stubTasks();
    renderApp('/tasks');

    const red = await screen.findByRole('list', { name: '红灯 · 逾期' });
    expect(within(red).getByRole('listitem', { name: '措施 7.(2)' })).toHaveTextContent('已逾期');
    expect(within(red).getByLabelText('本单位完成进度 45%')).toBeInTheDocument();
    // the task force has chased the unit about it
    expect(within(red).getByText('被催办 2 次')).toBeInTheDocument();
    const yellow = screen.getByRole('list', { name: '黄灯 · 临期' });
    expect(within(yellow).getByRole('listitem', { name: '措施 6.(1)' })).toBeInTheDocument();
    expect(screen.getByText('没有正常的措施')).toBeInTheDocument();
    // done items are folded away by default
    expect(screen.queryByRole('listitem', { name: '措施 20.(1)' })).not.toBeInTheDocument();
    expect(screen.getByText('已完成（含视同完成） 1 项')).toBeInTheDocument();

    const query = sentRequests(fetchMock)
      .map((request) => new URL(request.url))
      .find((url) => url.pathname === '/api/measures' && url.searchParams.get('pageSize') === '200');
    expect(query?.searchParams.get('sort')).toBe('deadline');
  });

  it('validates the quick progress report before sending it, then sends text and percent', async () => {
    const fetchMock = stubTasks({
      [`POST /api/measures/${overdue.id}/progress`]: json(
        {
          id: 'p1',
          measureId: overdue.id,
          unit: WATER,
          author: null,
          reportedOn: '2024-07-18',
          text: 'x',
          facts: [],
          createdAt: '2024-07-18T02:00:00.000Z',
        },
        201,
      ),
    });
    const user = userEvent.setup();
    setViewportWidth(390);
    renderApp('/tasks');

    const card = await screen.findByRole('listitem', { name: '措施 7.(2)' });
    await user.click(within(card).getByRole('button', { name: '报送进展' }));
    const form = await within(card).findByRole('form', { name: '报送措施 7.(2) 的进展' });
    expect(within(form).getByLabelText('完成进度')).toHaveValue('45');

    await user.click(within(form).getByRole('button', { name: '报送进展' }));
    expect(await within(form).findByText('请填写整改进展情况')).toBeInTheDocument();

    await user.clear(within(form).getByLabelText('完成进度'));
    await user.click(within(form).getByRole('button', { name: '报送进展' }));
    expect(await within(form).findByText('请填写完成进度')).toBeInTheDocument();
    expect(sentRequests(fetchMock).some((request) => request.method === 'POST')).toBe(false);

    await user.type(within(form).getByLabelText('进展情况'), '已拆除违建 3 处，剩余 1 处本月完成。');
    await user.type(within(form).getByLabelText('完成进度'), '60');
    await user.click(within(form).getByRole('button', { name: '报送进展' }));

    await waitFor(async () =>
      expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/measures/${overdue.id}/progress`)).toEqual([
        { text: '已拆除违建 3 处，剩余 1 处本月完成。', progress: 60 },
      ]),
    );
    expect(await screen.findByText('已报送措施 7.(2) 的进展')).toBeInTheDocument();
  });

  it('tells an officer that the page is for the units', async () => {
    stubApi({ 'GET /api/auth/me': json(sessionUser()) });
    renderApp('/tasks');

    expect(await screen.findByText('此页面供责任单位使用')).toBeInTheDocument();
  });
});
