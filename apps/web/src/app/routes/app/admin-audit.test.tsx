import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@zhenggai/api-client';
import { describe, expect, it } from 'vitest';
import { page, sessionUser } from '@/testing/data-generators';
import { json, sentRequests, slowly, stubApi } from '@/testing/fake-api';
import { chooseOption, currentUrl, renderApp, waitForLoaded } from '@/testing/test-utils';

const event: Schemas['AuditEventDto'] = {
  id: 'e1',
  occurredAt: '2024-07-18T02:00:00.000Z',
  actorId: null,
  actorUsername: 'sysadmin',
  actorRoles: ['system_admin'],
  actorUnitId: null,
  ip: '10.0.0.8',
  requestId: 'req-1',
  action: 'USER_UPDATED',
  entityType: 'user_account',
  entityId: 'u1',
  result: 'success',
  before: { displayName: '张三' },
  after: { displayName: '张三丰' },
  detail: null,
};

const auditor = sessionUser({ username: 'auditor', displayName: '审计管理员', roles: ['audit_admin'], unitName: null });

describe('审计日志', () => {
  it('puts the filters into the query string of the list and of the export, and expands a change', async () => {
    const fetchMock = stubApi({
      'GET /api/auth/me': json(auditor),
      // the filtered answer comes late, as on a busy server: the test must wait for it before it clicks a row
      'GET /api/audit-events': (_request, url) =>
        url.searchParams.has('username') ? slowly(400, json(page([event]))) : json(page([event])),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/');

    // actions and object types in Chinese, the code kept as the tooltip
    expect(await screen.findByText('修改账号')).toHaveAttribute('title', 'USER_UPDATED');
    expect(screen.getByRole('cell', { name: '账号' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/admin/audit');

    const form = screen.getByRole('form', { name: '筛选审计日志' });
    await user.type(within(form).getByLabelText('用户名'), 'sysadmin');
    await chooseOption(user, within(form).getByLabelText('操作'), '修改账号');
    await chooseOption(user, within(form).getByLabelText('对象类型'), '账号');
    await user.click(within(form).getByText(/^查\s?询$/));

    await waitFor(() => {
      const url = sentRequests(fetchMock)
        .map((request) => new URL(request.url))
        .filter((each) => each.pathname === '/api/audit-events')
        .at(-1);
      expect(url?.searchParams.get('username')).toBe('sysadmin');
      expect(url?.searchParams.get('action')).toBe('USER_UPDATED');
      expect(url?.searchParams.get('entityType')).toBe('user_account');
    });
    const exportLink = screen.getByText('导出 CSV').closest('a');
    expect(exportLink).toHaveAttribute(
      'href',
      '/api/audit-events/export.csv?username=sysadmin&action=USER_UPDATED&entityType=user_account',
    );

    // the filtered list replaces the rows: the old ones take no clicks while its spinner covers them
    await waitForLoaded();
    await user.click(screen.getByRole('button', { name: '展开行' }));
    expect(await screen.findByText('张三丰')).toBeInTheDocument();
    expect(screen.getByText('displayName')).toBeInTheDocument();
  });
});
