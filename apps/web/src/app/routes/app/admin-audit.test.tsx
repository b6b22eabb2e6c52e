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

  it('shows the audit chain intact in green, and re-verifies on 重新校验', async () => {
    let checks = 0;
    const fetchMock = stubApi({
      'GET /api/auth/me': json(auditor),
      'GET /api/audit-events': json(page([event])),
      'GET /api/audit/chain': () => {
        checks += 1;
        return json({
          intact: true,
          rows: 1200 + checks,
          firstSeq: '1',
          lastSeq: String(1200 + checks),
          lastHash: 'a'.repeat(64),
          checkedAt: '2024-07-18T02:00:00.000Z',
        });
      },
    });
    const user = userEvent.setup();
    renderApp('/admin/audit');

    const card = await screen.findByText(/^审计链完整（1201 条，最后校验时间/);
    expect(card.closest('.ant-alert')).toHaveClass('ant-alert-success');
    expect(screen.queryByText(/审计链断裂/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /重新校验/ }));
    expect(await screen.findByText(/^审计链完整（1202 条/)).toBeInTheDocument();
    expect(
      sentRequests(fetchMock).filter((request) => new URL(request.url).pathname === '/api/audit/chain'),
    ).toHaveLength(2);
  });

  it('shows a broken audit chain in red, naming the first broken record', async () => {
    stubApi({
      'GET /api/auth/me': json(auditor),
      'GET /api/audit-events': json(page([event])),
      'GET /api/audit/chain': json({
        intact: false,
        rows: 41,
        firstSeq: '1',
        lastSeq: '41',
        lastHash: 'b'.repeat(64),
        checkedAt: '2024-07-18T02:00:00.000Z',
        firstBroken: {
          seq: '42',
          id: '1042',
          at: '2024-07-17T02:00:00.000Z',
          reason: 'content_altered',
          detail: '重算的哈希与存储的哈希不符',
        },
      }),
    });
    renderApp('/admin/audit');

    const alert = (await screen.findByText(/^审计链断裂：第一处断点 seq=42（记录 1042，/)).closest('.ant-alert');
    expect(alert).toHaveClass('ant-alert-error');
    expect(
      within(alert as HTMLElement).getByText(/内容被篡改：重算的哈希与存储的哈希不符。此前 41 条记录完好/),
    ).toBeInTheDocument();
    expect(within(alert as HTMLElement).getByRole('button', { name: /重新校验/ })).toBeInTheDocument();
    expect(screen.queryByText(/审计链完整/)).not.toBeInTheDocument();
  });
});
