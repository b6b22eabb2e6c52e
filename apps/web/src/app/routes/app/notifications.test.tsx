import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@zhenggai/api-client';
import { describe, expect, it } from 'vitest';
import { page, sessionUser } from '@/testing/data-generators';
import { json, sentRequests, stubApi } from '@/testing/fake-api';
import { currentUrl, renderApp, waitForLoaded } from '@/testing/test-utils';

const unitLeader = sessionUser({ username: 'unitlead', roles: ['unit_leader'], unitName: '区水务和湖泊局' });

const urged: Schemas['NotificationDto'] = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  kind: 'measure.urged',
  title: '整改措施催办',
  body: '请于本周内报送“清四乱”整改进展。',
  link: '/problems',
  createdAt: '2024-07-18T02:00:00.000Z',
  readAt: null,
};
const older: Schemas['NotificationDto'] = {
  ...urged,
  id: 'a1b2c3d4-0000-4000-8000-000000000002',
  title: '系统通知',
  body: '已读的旧通知',
  link: null,
  readAt: '2024-07-17T02:00:00.000Z',
};

function notificationsPage(url: URL) {
  const unreadOnly = url.searchParams.get('unread') === 'true';
  const items = unreadOnly ? [urged] : [urged, older];
  return json({ ...page(items), unread: 1 });
}

describe('通知中心', () => {
  it('shows the unread count on the bell, lists the unread ones and opens a notification where it leads', async () => {
    const fetchMock = stubApi({
      'GET /api/auth/me': json(unitLeader),
      'GET /api/notifications': (_request, url) => notificationsPage(url),
      'POST /api/notifications/:id/read': json({ ...urged, readAt: '2024-07-18T03:00:00.000Z' }),
      'GET /api/problems': json(page([])),
      'GET /api/inspections': json(page([])),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/tasks');

    const bell = await screen.findByRole('button', { name: '通知，1 条未读' });
    await user.click(bell);
    await waitFor(() => expect(currentUrl(router)).toBe('/notifications'));

    const list = await screen.findByRole('list', { name: '通知' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).getByText('请于本周内报送“清四乱”整改进展。')).toBeInTheDocument();
    expect(screen.getByText('未读（1）')).toBeInTheDocument();

    await user.click(screen.getByText('全部'));
    await waitFor(() =>
      expect(within(screen.getByRole('list', { name: '通知' })).getAllByRole('listitem')).toHaveLength(2),
    );
    await waitForLoaded();

    await user.click(within(screen.getByRole('list', { name: '通知' })).getByText('整改措施催办'));
    await waitFor(() => expect(currentUrl(router)).toBe('/problems'));
    expect(
      sentRequests(fetchMock).some(
        (request) => request.method === 'POST' && request.url.endsWith(`/api/notifications/${urged.id}/read`),
      ),
    ).toBe(true);
  });

  it('marks every notification read at once', async () => {
    const fetchMock = stubApi({
      'GET /api/auth/me': json(unitLeader),
      'GET /api/notifications': (_request, url) => notificationsPage(url),
      'POST /api/notifications/read-all': json({ updated: 1 }),
    });
    const user = userEvent.setup();
    renderApp('/notifications');

    await screen.findByRole('list', { name: '通知' });
    await user.click(screen.getByRole('button', { name: /全部标为已读/ }));
    expect(await screen.findByText('已将 1 条通知标为已读')).toBeInTheDocument();
    expect(sentRequests(fetchMock).some((request) => request.url.endsWith('/api/notifications/read-all'))).toBe(true);
  });
});
