import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { inspection, page, problem, sessionUser } from '@/testing/data-generators';
import { apiError, json, sentRequests, stubApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/test-utils';

const NO_SESSION = apiError(401, 'UNAUTHENTICATED', '请先登录');

describe('login page', () => {
  it('shows the product name, the classified-information notice and no English text', async () => {
    stubApi({ 'GET /api/auth/me': NO_SESSION });
    renderApp('/login');

    expect(await screen.findByRole('heading', { name: '整改 · 巡视巡察整改工作台' })).toBeInTheDocument();
    expect(screen.getByText('本系统严禁处理涉密信息')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '登录' })).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('shows Chinese validation messages and sends nothing when the form is empty', async () => {
    const fetchMock = stubApi({ 'GET /api/auth/me': NO_SESSION });
    const user = userEvent.setup();
    renderApp('/login');

    await user.click(await screen.findByRole('button', { name: '登录' }));

    expect(await screen.findByText('请输入用户名')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    expect(sentRequests(fetchMock).map((request) => new URL(request.url).pathname)).not.toContain('/api/auth/login');
  });

  it("shows the API's message when the credentials are refused", async () => {
    const fetchMock = stubApi({
      'GET /api/auth/me': NO_SESSION,
      'POST /api/auth/login': apiError(
        401,
        'INVALID_CREDENTIALS',
        '用户名或密码错误。连续输错 5 次，账号将被锁定 15 分钟',
      ),
    });
    const user = userEvent.setup();
    renderApp('/login');

    await user.type(await screen.findByLabelText('用户名'), 'officer');
    await user.type(screen.getByLabelText('密码'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: '登录' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码错误。连续输错 5 次，账号将被锁定 15 分钟');
    const login = sentRequests(fetchMock).find((request) => request.method === 'POST');
    expect(await login?.json()).toEqual({ username: 'officer', password: 'wrong-password' });
  });

  it('puts field messages from a 400 next to the fields', async () => {
    stubApi({
      'GET /api/auth/me': NO_SESSION,
      'POST /api/auth/login': apiError(400, 'VALIDATION_FAILED', '提交的数据不符合要求', {
        username: ['用户名格式不正确'],
      }),
    });
    const user = userEvent.setup();
    renderApp('/login');

    await user.type(await screen.findByLabelText('用户名'), 'a b');
    await user.type(screen.getByLabelText('密码'), 'x');
    await user.click(screen.getByRole('button', { name: '登录' }));

    expect(await screen.findByText('用户名格式不正确')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('提交的数据不符合要求');
  });

  it('goes to the redirect target after a successful login', async () => {
    let signedIn = false;
    stubApi({
      'GET /api/auth/me': () => (signedIn ? json(sessionUser()) : NO_SESSION),
      'POST /api/auth/login': () => {
        signedIn = true;
        return json({ user: sessionUser(), csrfToken: 'csrf-token-1' });
      },
      'GET /api/inspections': json(page([inspection()])),
      'GET /api/problems': json(
        page([problem({ seq: 7, title: '‘清四乱’、退垸还湖攻坚不力', status: 'completed', statusLabel: '已完成' })]),
      ),
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/login?redirect=${encodeURIComponent('/problems?status=completed')}`);

    await user.type(await screen.findByLabelText('用户名'), 'officer');
    await user.type(screen.getByLabelText('密码'), 'Demo@2024zg');
    await user.click(screen.getByRole('button', { name: '登录' }));

    await waitFor(() => expect(currentUrl(router)).toBe('/problems?status=completed'));
    expect(await screen.findByText('‘清四乱’、退垸还湖攻坚不力')).toBeInTheDocument();
  });

  it('asks for the authenticator code when the account has a second factor', async () => {
    let signedIn = false;
    const fetchMock = stubApi({
      'GET /api/auth/me': () => (signedIn ? json(sessionUser()) : NO_SESSION),
      'POST /api/auth/login': json({ mfaRequired: true, mfaToken: 'mfa-token-1' }),
      'POST /api/auth/login/mfa': () => {
        signedIn = true;
        return json({ user: sessionUser(), csrfToken: 'csrf-token-2' });
      },
      'GET /api/inspections': json(page([inspection()])),
      'GET /api/problems': json(page([])),
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/login?redirect=${encodeURIComponent('/problems')}`);

    await user.type(await screen.findByLabelText('用户名'), 'officer');
    await user.type(screen.getByLabelText('密码'), 'Demo@2024zg');
    await user.click(screen.getByRole('button', { name: '登录' }));

    const code = await screen.findByLabelText('动态验证码');
    await user.type(code, '12345');
    await user.click(screen.getByRole('button', { name: '验证并登录' }));
    expect(await screen.findByText('动态验证码为 6 位数字')).toBeInTheDocument();

    await user.type(code, '6');
    await user.click(screen.getByRole('button', { name: '验证并登录' }));

    await waitFor(() => expect(currentUrl(router)).toBe('/problems'));
    const second = sentRequests(fetchMock).find((request) => request.url.endsWith('/api/auth/login/mfa'));
    expect(await second?.json()).toEqual({ mfaToken: 'mfa-token-1', code: '123456' });
  });

  it('ignores a redirect to another site and goes to the workbench', async () => {
    stubApi({
      'GET /api/auth/me': json(sessionUser()),
      'GET /api/inspections': json(page([inspection()])),
      'GET /api/problems': json(page([])),
    });
    const { router } = renderApp(`/login?redirect=${encodeURIComponent('//evil.example.com/phish')}`);

    await waitFor(() => expect(currentUrl(router)).toBe('/'));
  });
});
