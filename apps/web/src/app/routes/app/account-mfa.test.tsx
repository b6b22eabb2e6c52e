import type { Schemas } from '@zhenggai/api-client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionUser } from '@/testing/data-generators';
import { apiError, json, sentRequests, stubApi } from '@/testing/fake-api';
import { currentUrl, renderApp, sentBodies } from '@/testing/test-utils';
import { setViewportWidth } from '@/testing/viewport';

const off: Schemas['MfaStatusDto'] = {
  enabled: false,
  enabledAt: null,
  pending: false,
  recoveryCodesLeft: 0,
  required: false,
};
const CODES = Array.from({ length: 10 }, (_, index) => `ABCD-EFGH-JKLM-NP${String(index).padStart(2, '0')}`);

describe('双因素认证', () => {
  it('sets up the authenticator, enables it with a code and shows the recovery codes once', async () => {
    let status = off;
    const fetchMock = stubApi({
      'GET /api/auth/me': json(sessionUser()),
      'GET /api/auth/mfa': () => json(status),
      'POST /api/auth/mfa/setup': () => {
        status = { ...off, pending: true };
        return json({
          secret: 'JBSWY3DPEHPK3PXPJBSW',
          otpauthUrl: 'otpauth://totp/zg:officer?secret=JBSWY3DPEHPK3PXPJBSW',
        });
      },
      'POST /api/auth/mfa/enable': (request) =>
        request
          .clone()
          .json()
          .then((body: { code: string }) => {
            if (body.code !== '123456') return apiError(400, 'MFA_CODE_INVALID', '动态验证码不正确');
            status = { ...off, enabled: true, enabledAt: '2024-07-18T02:00:00.000Z', recoveryCodesLeft: 10 };
            return json({ recoveryCodes: CODES });
          }),
    });
    const user = userEvent.setup();
    setViewportWidth(390);
    renderApp('/account/mfa');

    expect(await screen.findByText('未启用')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '开始设置' }));

    expect(await screen.findByText('JBSW Y3DP EHPK 3PXP JBSW')).toBeInTheDocument();
    expect(screen.getByText(/请在手机验证器（如身份验证器应用）中手动添加/)).toBeInTheDocument();
    expect(screen.getByText(/otpauth:\/\/totp\/zg:officer/)).toBeInTheDocument();

    const form = screen.getByRole('form', { name: '启用双因素认证' });
    await user.type(within(form).getByLabelText('动态验证码'), '12a');
    await user.click(within(form).getByRole('button', { name: '启用' }));
    expect(await within(form).findByText('动态验证码为 6 位数字')).toBeInTheDocument();

    await user.clear(within(form).getByLabelText('动态验证码'));
    await user.type(within(form).getByLabelText('动态验证码'), '654321');
    await user.click(within(form).getByRole('button', { name: '启用' }));
    expect(await screen.findByText('动态验证码不正确')).toBeInTheDocument();

    await user.clear(within(form).getByLabelText('动态验证码'));
    await user.type(within(form).getByLabelText('动态验证码'), '123456');
    await user.click(within(form).getByRole('button', { name: '启用' }));

    const list = await screen.findByRole('list', { name: '恢复码' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    expect(screen.getByText('恢复码只显示这一次，请立即抄写或复制后妥善保管')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /复制恢复码/ })).toBeInTheDocument();
    expect(await sentBodies(sentRequests(fetchMock), 'POST', '/api/auth/mfa/enable')).toEqual([
      { code: '654321' },
      { code: '123456' },
    ]);

    await user.click(screen.getByRole('button', { name: '我已妥善保管' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: '恢复码' })).not.toBeInTheDocument());
    expect(await screen.findByText('已启用')).toBeInTheDocument();
    expect(screen.getByText('10 个')).toBeInTheDocument();
  });

  it('sends an account that must enrol straight here, also on a 403 MFA_ENROLLMENT_REQUIRED', async () => {
    stubApi({
      'GET /api/auth/me': json(sessionUser({ mfaEnrollmentRequired: true })),
      'GET /api/auth/mfa': json({ ...off, required: true }),
    });
    const { router } = renderApp('/reviews');

    expect(await screen.findByText('您的账号须启用双因素认证')).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/account/mfa');
    expect(screen.queryByRole('menuitem', { name: '待我审核' })).not.toBeInTheDocument();
  });

  it('follows a 403 MFA_ENROLLMENT_REQUIRED from any call', async () => {
    stubApi({
      'GET /api/auth/me': json(sessionUser()),
      'GET /api/auth/mfa': json({ ...off, required: true }),
      'GET /api/measures': apiError(403, 'MFA_ENROLLMENT_REQUIRED', '请先启用双因素认证'),
      'GET /api/extensions': apiError(403, 'MFA_ENROLLMENT_REQUIRED', '请先启用双因素认证'),
    });
    const { router } = renderApp('/reviews');

    expect(await screen.findByText('您的账号须启用双因素认证')).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/account/mfa');
  });

  it('disables the second factor with the password and a code', async () => {
    const fetchMock = stubApi({
      'GET /api/auth/me': json(sessionUser({ mfaEnabled: true })),
      'GET /api/auth/mfa': json({ ...off, enabled: true, enabledAt: '2024-07-18T02:00:00.000Z', recoveryCodesLeft: 8 }),
      'POST /api/auth/mfa/disable': json(off),
    });
    const user = userEvent.setup();
    renderApp('/account/mfa');

    await user.click(await screen.findByRole('button', { name: '停用双因素认证' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('登录密码'), 'Kx9#mQ2vL!pz');
    await user.type(within(dialog).getByLabelText('动态验证码'), '123456');
    await user.click(within(dialog).getByRole('button', { name: /^停\s?用$/ }));

    await waitFor(async () =>
      expect(await sentBodies(sentRequests(fetchMock), 'POST', '/api/auth/mfa/disable')).toEqual([
        { password: 'Kx9#mQ2vL!pz', code: '123456' },
      ]),
    );
    expect(await screen.findByText('未启用')).toBeInTheDocument();
  });
});
