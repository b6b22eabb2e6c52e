import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@zhenggai/api-client';
import { describe, expect, it } from 'vitest';
import { page, sessionUser } from '@/testing/data-generators';
import { json, sentRequests, stubApi } from '@/testing/fake-api';
import { chooseOption, renderApp, sentBodies, waitForLoaded } from '@/testing/test-utils';

const sysadmin = sessionUser({
  username: 'sysadmin',
  displayName: '系统管理员',
  roles: ['system_admin'],
  unitName: null,
});

const on: Schemas['NotificationChannelsDto'] = {
  email: {
    enabled: true,
    host: 'smtp.example.gov.cn',
    port: 465,
    secure: true,
    from: '整改专班 <zhenggai@example.gov.cn>',
    publicUrl: 'https://zhenggai.example.gov.cn',
    usersWithEmail: 12,
    activeUsers: 40,
  },
};

const failed: Schemas['DeliveryDto'] = {
  id: '0b5f6c2e-0000-4000-8000-000000000001',
  channel: 'email',
  recipient: 'lead@example.gov.cn',
  userName: '李局长',
  kind: 'measure.urged',
  subject: '【整改工作平台】整改专班催办：问题7 措施1',
  status: 'failed',
  error: '451 服务器忙，请稍后再试',
  attempt: 1,
  createdAt: '2024-07-18T02:00:00.000Z',
};

describe('通知渠道', () => {
  it('shows the mail server, sends a test mail and filters the delivery log', async () => {
    const fetchMock = stubApi({
      'GET /api/auth/me': json(sysadmin),
      'GET /api/notification-channels': json(on),
      'GET /api/notification-deliveries': json(page([failed])),
      'POST /api/notification-channels/email/test': json({ id: 'job-1' }, 202),
    });
    const user = userEvent.setup();
    renderApp('/');

    await user.click(await screen.findByRole('link', { name: /通知渠道/ }));
    expect(await screen.findByText('smtp.example.gov.cn:465（SSL/TLS）')).toBeInTheDocument();
    expect(screen.getByText('整改专班 <zhenggai@example.gov.cn>')).toBeInTheDocument();
    expect(screen.getByText(/^12 \/ 40/)).toBeInTheDocument();

    const log = await screen.findByRole('table', { name: '投递记录' });
    expect(await within(log).findByText('李局长（lead@example.gov.cn）')).toBeInTheDocument();
    expect(within(log).getByText('催办')).toBeInTheDocument();
    expect(within(log).getByText('451 服务器忙，请稍后再试')).toBeInTheDocument();
    expect(within(log).getByText('第 1 次')).toBeInTheDocument();

    const to = await screen.findByLabelText('发送测试邮件到');
    await user.type(to, 'not-an-address');
    await user.click(screen.getByRole('button', { name: /发\s?送/ }));
    expect(await screen.findByText('请输入有效的邮箱地址')).toBeInTheDocument();
    await user.clear(to);
    await user.type(to, 'admin@example.gov.cn');
    await user.click(screen.getByRole('button', { name: /发\s?送/ }));
    await waitFor(async () =>
      expect(await sentBodies(sentRequests(fetchMock), 'POST', '/api/notification-channels/email/test')).toEqual([
        { to: 'admin@example.gov.cn' },
      ]),
    );
    expect(await screen.findByText('测试邮件已提交，发送结果见下方投递记录')).toBeInTheDocument();

    await chooseOption(user, screen.getByLabelText('按结果筛选'), '失败');
    await waitFor(() =>
      expect(
        sentRequests(fetchMock).some(
          (request) =>
            request.url.includes('/api/notification-deliveries') &&
            new URL(request.url).searchParams.get('status') === 'failed',
        ),
      ).toBe(true),
    );
    await waitForLoaded();
  }, 60_000);

  it('says plainly when mail is off and how to turn it on', async () => {
    stubApi({
      'GET /api/auth/me': json(sysadmin),
      'GET /api/notification-channels': json({
        email: { ...on.email, enabled: false, host: null, port: null, secure: false, from: null },
      }),
      'GET /api/notification-deliveries': json(page([])),
    });
    renderApp('/admin/channels');
    expect(await screen.findByText('邮件通道未开启：通知只在系统内（右上角铃铛）送达')).toBeInTheDocument();
    expect(screen.getByText('SMTP_URL')).toBeInTheDocument();
    expect(screen.queryByLabelText('发送测试邮件到')).not.toBeInTheDocument();
    expect(await screen.findByText('暂无投递记录')).toBeInTheDocument();
  });
});
