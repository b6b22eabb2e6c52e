import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { inspection, page, sessionUser } from '@/testing/data-generators';
import { apiError, json, sentRequests, stubApi } from '@/testing/fake-api';
import { currentUrl, renderApp, sentBodies } from '@/testing/test-utils';
import { setViewportWidth } from '@/testing/viewport';

describe('修改密码', () => {
  it('sends a first-login account straight to the password page, without the menu', async () => {
    stubApi({ 'GET /api/auth/me': json(sessionUser({ mustChangePassword: true })) });
    const { router } = renderApp('/problems');

    expect(await screen.findByText('初次登录请修改密码')).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/account/password');
    expect(screen.queryByRole('menuitem', { name: '整改台账' })).not.toBeInTheDocument();
  });

  it('explains an expired password', async () => {
    stubApi({ 'GET /api/auth/me': json(sessionUser({ passwordExpired: true })) });
    renderApp('/');

    expect(await screen.findByText('密码已过期，请修改后继续')).toBeInTheDocument();
  });

  it('opens the page when the API answers 403 PASSWORD_EXPIRED elsewhere', async () => {
    stubApi({
      'GET /api/auth/me': json(sessionUser()),
      'GET /api/inspections': apiError(403, 'PASSWORD_EXPIRED', '密码已过期，请先修改密码'),
      'GET /api/problems': apiError(403, 'PASSWORD_EXPIRED', '密码已过期，请先修改密码'),
    });
    const { router } = renderApp('/problems');

    expect(await screen.findByText('密码已过期，请修改后继续')).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/account/password');
  });

  it('checks the new password with the same rules as the API, then sends it and goes on', async () => {
    const updated = sessionUser({ username: 'zhangsan' });
    const fetchMock = stubApi({
      'GET /api/auth/me': json(sessionUser({ username: 'zhangsan', mustChangePassword: true })),
      'PUT /api/auth/password': json(updated),
      'GET /api/inspections': json(page([inspection()])),
    });
    const user = userEvent.setup();
    setViewportWidth(390);
    const { router } = renderApp('/account/password');

    const form = await screen.findByRole('form', { name: '修改密码' });
    await user.type(within(form).getByLabelText('当前密码'), 'Initial#2024x');
    await user.type(within(form).getByLabelText('新密码'), 'zhangsan12');
    await user.type(within(form).getByLabelText('确认新密码'), 'zhangsan13');
    await user.click(within(form).getByRole('button', { name: '修改密码' }));

    expect(await within(form).findByText(/密码须包含小写字母/)).toBeInTheDocument();
    expect(within(form).getByText(/密码不能包含用户名/)).toBeInTheDocument();
    expect(within(form).getByText('两次输入的新密码不一致')).toBeInTheDocument();
    expect(sentRequests(fetchMock).some((request) => request.method === 'PUT')).toBe(false);

    await user.clear(within(form).getByLabelText('新密码'));
    await user.type(within(form).getByLabelText('新密码'), 'Kx9#mQ2vL!pz');
    await user.clear(within(form).getByLabelText('确认新密码'));
    await user.type(within(form).getByLabelText('确认新密码'), 'Kx9#mQ2vL!pz');
    await user.click(within(form).getByRole('button', { name: '修改密码' }));

    await waitFor(async () =>
      expect(await sentBodies(sentRequests(fetchMock), 'PUT', '/api/auth/password')).toEqual([
        { currentPassword: 'Initial#2024x', newPassword: 'Kx9#mQ2vL!pz' },
      ]),
    );
    await waitFor(() => expect(currentUrl(router)).toBe('/'));
  });

  it("shows the API's refusal", async () => {
    stubApi({
      'GET /api/auth/me': json(sessionUser()),
      'PUT /api/auth/password': apiError(400, 'INVALID_CURRENT_PASSWORD', '当前密码不正确'),
    });
    const user = userEvent.setup();
    renderApp('/account/password');

    const form = await screen.findByRole('form', { name: '修改密码' });
    await user.type(within(form).getByLabelText('当前密码'), 'wrong-one');
    await user.type(within(form).getByLabelText('新密码'), 'Kx9#mQ2vL!pz');
    await user.type(within(form).getByLabelText('确认新密码'), 'Kx9#mQ2vL!pz');
    await user.click(within(form).getByRole('button', { name: '修改密码' }));

    expect(await within(form).findByText('当前密码不正确')).toBeInTheDocument();
  });
});
