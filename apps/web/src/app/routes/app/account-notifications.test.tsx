import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@zhenggai/api-client';
import { describe, expect, it } from 'vitest';
import { sessionUser } from '@/testing/data-generators';
import { apiError, json, sentRequests, stubApi } from '@/testing/fake-api';
import { currentUrl, renderApp, sentBodies } from '@/testing/test-utils';
import { setViewportWidth } from '@/testing/viewport';

const unitLeader = sessionUser({ username: 'lina', displayName: '李娜', roles: ['unit_leader'] });

const settings: Schemas['NotificationSettingsDto'] = {
  email: null,
  mailEnabled: true,
  mailDigest: false,
  version: 7,
  kinds: [
    { kind: 'measure.urged', label: '催办', inApp: true, email: true },
    { kind: 'measure.returned', label: '销号申请被退回', inApp: true, email: true },
  ],
};

describe('通知设置', () => {
  it('sets the address and turns one kind off by email, from the account settings (phone width)', async () => {
    setViewportWidth(390);
    const fetchMock = stubApi({
      'GET /api/auth/me': json(unitLeader),
      'GET /api/notifications/settings': json(settings),
      'PUT /api/notifications/settings': json({
        ...settings,
        email: 'lina@example.gov.cn',
        version: 8,
        kinds: [settings.kinds[0], { ...settings.kinds[1], email: false }],
      }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: '账户设置' }));
    await user.click(
      within(await screen.findByRole('menu', { name: '账户设置' })).getByRole('link', { name: '通知设置' }),
    );
    await waitFor(() => expect(currentUrl(router)).toBe('/account/notifications'));
    const table = await screen.findByRole('table', { name: '各类通知的送达方式' });
    expect(within(table).getByText('催办')).toBeInTheDocument();
    expect(within(table).getAllByRole('switch', { name: '系统内通知（始终开启）' })[0]).toBeDisabled();

    const email = screen.getByLabelText('接收通知的邮箱');
    await user.type(email, 'lina@');
    await user.click(screen.getByRole('button', { name: /保\s?存/ }));
    expect(await screen.findByText('请输入有效的邮箱地址')).toBeInTheDocument();
    await user.type(email, 'example.gov.cn');
    await user.click(within(table).getByRole('switch', { name: '销号申请被退回：邮件' }));
    await user.click(screen.getByRole('radio', { name: '每日汇总（每天 07:30 一封）' }));
    await user.click(screen.getByRole('button', { name: /保\s?存/ }));

    await waitFor(async () =>
      expect(await sentBodies(sentRequests(fetchMock), 'PUT', '/api/notifications/settings')).toEqual([
        {
          version: 7,
          email: 'lina@example.gov.cn',
          mailDigest: true,
          kinds: [
            { kind: 'measure.urged', email: true },
            { kind: 'measure.returned', email: false },
          ],
        },
      ]),
    );
    expect(await screen.findByText('通知设置已保存')).toBeInTheDocument();
  }, 60_000);

  it('says when the server sends no mail, and reloads after another tab saved first', async () => {
    let gets = 0;
    stubApi({
      'GET /api/auth/me': json(unitLeader),
      'GET /api/notifications/settings': () => {
        gets += 1;
        return json({ ...settings, mailEnabled: false, version: 6 + gets });
      },
      'PUT /api/notifications/settings': apiError(409, 'VERSION_CONFLICT', '数据已被他人修改，请刷新后重试'),
    });
    const user = userEvent.setup();
    renderApp('/account/notifications');

    expect(await screen.findByText('本系统未开启邮件通道，所有通知只在系统内（右上角铃铛）送达。')).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: '催办：邮件' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: /保\s?存/ }));
    expect(await screen.findByText('设置已在其他页面修改，已载入最新设置，请确认后再保存')).toBeInTheDocument();
    await waitFor(() => expect(gets).toBe(2));
  });
});
