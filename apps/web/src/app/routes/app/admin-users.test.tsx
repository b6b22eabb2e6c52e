import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@zhenggai/api-client';
import { describe, expect, it } from 'vitest';
import { page, sessionUser } from '@/testing/data-generators';
import { json, sentRequests, stubApi } from '@/testing/fake-api';
import { currentUrl, findDialog, renderApp, sentBodies } from '@/testing/test-utils';
import { setViewportWidth } from '@/testing/viewport';

function account(overrides: Partial<Schemas['UserDto']> = {}): Schemas['UserDto'] {
  return {
    id: '00000000-0000-4000-8000-0000000000a1',
    username: 'zhangsan',
    displayName: '张三',
    email: null,
    roles: ['unit_staff'],
    roleLabels: ['单位经办人'],
    unitId: '00000000-0000-4000-8000-0000000000bb',
    unitName: '区水务和湖泊局',
    disabled: false,
    disabledAt: null,
    disabledReason: null,
    locked: true,
    lockedUntil: '2024-07-18T03:00:00.000Z',
    failedLoginCount: 5,
    mustChangePassword: false,
    passwordChangedAt: null,
    passwordExpired: false,
    mfaEnabled: false,
    lastLoginAt: '2024-07-18T02:00:00.000Z',
    createdAt: '2024-07-01T02:00:00.000Z',
    version: 3,
    ...overrides,
  };
}

const sysadmin = sessionUser({
  username: 'sysadmin',
  displayName: '系统管理员',
  roles: ['system_admin'],
  unitName: null,
});
const secadmin = sessionUser({
  username: 'secadmin',
  displayName: '安全管理员',
  roles: ['security_admin'],
  unitName: null,
});

const saveButton = (dialog: HTMLElement) =>
  within(dialog)
    .getByText(/^保\s?存$/)
    .closest('button') as HTMLButtonElement;

describe('账号管理', () => {
  it('lists the accounts for the system admin, searched in the query string, from the home page', async () => {
    const fetchMock = stubApi({
      'GET /api/auth/me': json(sysadmin),
      'GET /api/users': json(page([account()])),
    });
    const user = userEvent.setup();
    setViewportWidth(390);
    const { router } = renderApp('/');

    expect(await screen.findByText('张三')).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/admin/users');
    expect(screen.getByText('已锁定')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /新建账号/ })).toBeInTheDocument();
    // the security admin's actions are not the system admin's
    expect(screen.queryByRole('button', { name: '分配角色' })).not.toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: '搜索账号' }), '张{Enter}');
    await waitFor(() =>
      expect(sentRequests(fetchMock).some((request) => new URL(request.url).searchParams.get('q') === '张')).toBe(true),
    );
  });

  it("refuses two admin roles in the security admin's role form before sending", async () => {
    const target = account({ roles: ['system_admin'], roleLabels: ['系统管理员'], unitId: null, unitName: null });
    const fetchMock = stubApi({
      'GET /api/auth/me': json(secadmin),
      'GET /api/users': json(page([target])),
      'PUT /api/users/:id/roles': json({ ...target, roles: ['task_force_officer'], version: 4 }),
    });
    const user = userEvent.setup();
    renderApp('/admin/users');
    await user.click(await screen.findByText('分配角色'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText('审计管理员'));
    expect(within(dialog).getByText('系统管理员、安全管理员、审计管理员不能由同一账号兼任')).toBeInTheDocument();
    await user.click(saveButton(dialog));
    expect(sentRequests(fetchMock).some((request) => request.method === 'PUT')).toBe(false);

    await user.click(within(dialog).getByLabelText('审计管理员'));
    await user.click(within(dialog).getByLabelText('系统管理员'));
    await user.click(within(dialog).getByLabelText('整改专班'));
    await user.click(saveButton(dialog));
    await waitFor(async () =>
      expect(await sentBodies(sentRequests(fetchMock), 'PUT', `/api/users/${target.id}/roles`)).toEqual([
        { version: 3, roles: ['task_force_officer'] },
      ]),
    );
  }, 60_000);

  it("on a 409 compares the account and re-applies only the system admin's own change", async () => {
    const target = account({ locked: false, lockedUntil: null, failedLoginCount: 0 });
    const current = { ...target, displayName: '张三（水务）', disabled: true, version: 4 };
    let patches = 0;
    const fetchMock = stubApi({
      'GET /api/auth/me': json(sysadmin),
      'GET /api/users': json(page([target])),
      'GET /api/units': json([]),
      'PATCH /api/users/:id': () => {
        patches += 1;
        return patches === 1
          ? json({ code: 'VERSION_CONFLICT', message: '数据已被他人修改，请刷新后重试', current }, 409)
          : json({ ...current, unitId: null, unitName: null, version: 5 });
      },
    });
    const user = userEvent.setup();
    renderApp('/admin/users');
    await user.click(await screen.findByRole('button', { name: /^编\s?辑$/ }));
    const form = await findDialog(`编辑账号 ${target.username}`);
    const name = within(form).getByLabelText('姓名');
    await user.clear(name);
    await user.type(name, '张叁');
    await user.click(saveButton(form));

    const dialog = await findDialog('数据已被他人修改');
    const table = within(dialog).getByRole('table', { name: '修改对比' });
    const rowOf = (label: string) => within(table).getByText(label).closest('tr') as HTMLElement;
    expect(within(rowOf('姓名')).getByText('张三（水务）')).toBeInTheDocument();
    expect(within(rowOf('姓名')).getByText('张叁')).toBeInTheDocument();
    expect(within(rowOf('账号状态')).getByText('停用')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: '按最新数据重新提交' }));
    await waitFor(() => expect(patches).toBe(2));
    const bodies = await sentBodies(sentRequests(fetchMock), 'PATCH', `/api/users/${target.id}`);
    expect(bodies[1]).toEqual({ version: 4, displayName: '张叁' });
  }, 60_000);
  it('sets the email address mail notifications go to, and refuses one that is not an address', async () => {
    const target = account({ locked: false, lockedUntil: null, failedLoginCount: 0 });
    const fetchMock = stubApi({
      'GET /api/auth/me': json(sysadmin),
      'GET /api/users': json(page([target])),
      'GET /api/units': json([]),
      'PATCH /api/users/:id': json({ ...target, email: 'zhangsan@example.gov.cn', version: 4 }),
    });
    const user = userEvent.setup();
    renderApp('/admin/users');
    await user.click(await screen.findByRole('button', { name: /^编\s?辑$/ }));
    const form = await findDialog(`编辑账号 ${target.username}`);
    const email = within(form).getByLabelText('邮箱');
    await user.type(email, 'zhangsan@');
    await user.click(saveButton(form));
    expect(await within(form).findByText('请输入有效的邮箱地址')).toBeInTheDocument();
    expect(sentRequests(fetchMock).some((request) => request.method === 'PATCH')).toBe(false);

    await user.type(email, 'example.gov.cn');
    await user.click(saveButton(form));
    await waitFor(async () =>
      expect(await sentBodies(sentRequests(fetchMock), 'PATCH', `/api/users/${target.id}`)).toEqual([
        { version: 3, displayName: '张三', email: 'zhangsan@example.gov.cn', unitId: target.unitId, disabled: false },
      ]),
    );
  }, 60_000);
});
