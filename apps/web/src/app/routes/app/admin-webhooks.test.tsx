import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@zhenggai/api-client';
import { describe, expect, it } from 'vitest';
import { page, sessionUser } from '@/testing/data-generators';
import { apiError, json, sentRequests, stubApi } from '@/testing/fake-api';
import { findDialog, renderApp, sentBodies, waitForLoaded } from '@/testing/test-utils';

const sysadmin = sessionUser({
  username: 'sysadmin',
  displayName: '系统管理员',
  roles: ['system_admin'],
  unitName: null,
});

const robot: Schemas['WebhookDto'] = {
  id: '5a0f6c2e-0000-4000-8000-000000000001',
  name: '整改专班群',
  url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
  format: 'wecom',
  events: ['measure.urged', 'measure.returned'],
  secretSet: true,
  createdAt: '2024-07-18T02:00:00.000Z',
  createdBy: '系统管理员',
  lastDeliveryAt: '2024-07-19T01:00:00.000Z',
  lastDeliveryStatus: 'failed',
};

const deliveries: Schemas['WebhookDeliveryDto'][] = [
  {
    id: 'd2',
    messageId: 'm1',
    event: 'measure.urged',
    attempt: 2,
    status: 'succeeded',
    httpStatus: 200,
    error: null,
    durationMs: 40,
    createdAt: '2024-07-19T01:01:00.000Z',
  },
  {
    id: 'd1',
    messageId: 'm1',
    event: 'measure.urged',
    attempt: 1,
    status: 'failed',
    httpStatus: 500,
    error: 'HTTP 500: 服务暂不可用',
    durationMs: 35,
    createdAt: '2024-07-19T01:00:00.000Z',
  },
];

describe('外部推送', () => {
  it('lists the webhooks in Chinese, shows a webhook’s attempts and deletes one after confirming', async () => {
    const fetchMock = stubApi({
      'GET /api/auth/me': json(sysadmin),
      'GET /api/webhooks': json({ items: [robot] }),
      'GET /api/webhooks/:id/deliveries': json(page(deliveries)),
      'DELETE /api/webhooks/:id': { status: 204, body: undefined },
    });
    const user = userEvent.setup();
    renderApp('/admin/webhooks');

    const table = await screen.findByRole('table', { name: '外部推送' });
    const row = (await within(table).findByText('整改专班群')).closest('tr')!;
    expect(within(row).getByText('企业微信')).toBeInTheDocument();
    expect(within(row).getByText('催办')).toBeInTheDocument();
    expect(within(row).getByText('销号申请退回')).toBeInTheDocument();
    expect(within(row).getByText(robot.url)).toBeInTheDocument();
    expect(within(row).getByText('失败')).toBeInTheDocument();
    // the admin menu leads here
    expect(screen.getByRole('menuitem', { name: /外部推送/ })).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: '推送记录 整改专班群' }));
    const attempts = await screen.findByRole('table', { name: '推送记录' });
    expect(await within(attempts).findByText('HTTP 500: 服务暂不可用')).toBeInTheDocument();
    expect(within(attempts).getByText('成功')).toBeInTheDocument();
    expect(within(attempts).getByText('500')).toBeInTheDocument();
    expect(within(attempts).getAllByText('催办')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: /close|关闭/i }));

    await user.click(within(row).getByRole('button', { name: '删除 整改专班群' }));
    const confirm = await findDialog(/删除外部推送/);
    await user.click(within(confirm).getByRole('button', { name: /删\s*除/ }));
    await waitFor(() =>
      expect(
        sentRequests(fetchMock).some(
          (request) => request.method === 'DELETE' && request.url.endsWith(`/api/webhooks/${robot.id}`),
        ),
      ).toBe(true),
    );
    expect(await screen.findByText('已删除')).toBeInTheDocument();
  });

  it('creates a webhook with a generated secret and shows the secret once', async () => {
    const fetchMock = stubApi({
      'GET /api/auth/me': json(sysadmin),
      'GET /api/webhooks': json({ items: [] }),
      'POST /api/webhooks': async (request) => {
        const body = (await request.clone().json()) as Schemas['CreateWebhookDto'];
        if (body.url.includes('10.0.0.1'))
          return apiError(422, 'WEBHOOK_URL_FORBIDDEN', '推送地址指向内网、本机或保留地址，不允许推送');
        return json({ ...robot, ...body, name: body.name ?? null, secret: body.secret }, 201);
      },
    });
    const user = userEvent.setup();
    renderApp('/admin/webhooks');
    expect(await screen.findByText('还没有外部推送')).toBeInTheDocument();
    await waitForLoaded();

    await user.click(screen.getByRole('button', { name: /新建外部推送/ }));
    const dialog = await findDialog('新建外部推送');
    await user.type(within(dialog).getByLabelText('名称'), '钉钉群');
    await user.type(within(dialog).getByLabelText('推送地址'), 'http://10.0.0.1/hook');
    await user.click(within(dialog).getByRole('button', { name: /生\s*成/ }));
    const secret = (within(dialog).getByLabelText('密钥') as HTMLInputElement).value;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await user.click(within(dialog).getByLabelText('钉钉'));
    await user.click(within(dialog).getByLabelText('销号申请退回'));

    // the API refuses an intranet address: its message, in Chinese, and the dialog stays open
    await user.click(within(dialog).getByRole('button', { name: /创\s*建/ }));
    expect(await within(dialog).findByText('推送地址指向内网、本机或保留地址，不允许推送')).toBeInTheDocument();

    const url = within(dialog).getByLabelText('推送地址');
    await user.clear(url);
    await user.type(url, 'https://oapi.dingtalk.com/robot/send?access_token=t');
    await user.click(within(dialog).getByRole('button', { name: /创\s*建/ }));

    const created = await findDialog('已创建外部推送');
    expect(within(created).getByText(secret)).toBeInTheDocument();
    expect(within(created).getByText(/密钥只显示这一次/)).toBeInTheDocument();
    const bodies = await sentBodies(sentRequests(fetchMock), 'POST', '/api/webhooks');
    expect(bodies.at(-1)).toEqual({
      name: '钉钉群',
      url: 'https://oapi.dingtalk.com/robot/send?access_token=t',
      secret,
      format: 'dingtalk',
      events: ['measure.urged', 'measure.returned'],
    });
  });

  it('is for the system admin only', async () => {
    stubApi({ 'GET /api/auth/me': json(sessionUser({ roles: ['security_admin'], username: 'secadmin' })) });
    renderApp('/admin/webhooks');
    expect(await screen.findByText('无权查看外部推送')).toBeInTheDocument();
  });
});
