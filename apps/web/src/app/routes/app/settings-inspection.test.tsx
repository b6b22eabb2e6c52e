import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { inspection, page, sessionUser } from '@/testing/data-generators';
import { json, sentRequests, stubApi } from '@/testing/fake-api';
import { renderApp, sentBodies, typeDate } from '@/testing/test-utils';

const demo = inspection({ contactPhone: '027-84891234', yellowDays: 7, version: 4 });
const patchPath = `/api/inspections/${demo.id}`;

async function openSettings(overrides: Parameters<typeof stubApi>[0] = {}) {
  const fetchMock = stubApi({
    'GET /api/auth/me': json(sessionUser()),
    'GET /api/inspections': json(page([demo])),
    ...overrides,
  });
  const view = renderApp('/settings/inspection');
  expect(await screen.findByRole('heading', { name: '轮次设置' })).toBeInTheDocument();
  await screen.findByRole('spinbutton', { name: '黄灯提前天数' });
  return { fetchMock, ...view };
}

describe('轮次设置', () => {
  it('saves only what the officer changed, clearing an emptied field, against the version read', async () => {
    const { fetchMock } = await openSettings({
      [`PATCH ${patchPath}`]: json({ ...demo, yellowDays: 10, contactPhone: null, version: 5 }),
    });
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: '撤销修改' })).toBeDisabled();

    const days = screen.getByRole('spinbutton', { name: '黄灯提前天数' });
    await user.clear(days);
    await user.type(days, '10');
    await user.clear(screen.getByRole('textbox', { name: '联系电话' }));
    expect(await screen.findByText('（有尚未保存的修改）')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '保存设置' }));

    expect(await screen.findByText('设置已保存')).toBeInTheDocument();
    expect(await sentBodies(sentRequests(fetchMock), 'PATCH', patchPath)).toEqual([
      { yellowDays: 10, contactPhone: null, version: 4 },
    ]);
  });

  it('checks the order of the dates with the API’s rule before sending anything', async () => {
    const { fetchMock } = await openSettings();
    const user = userEvent.setup();
    // on site until 2023-11-10: a start after it is out of order
    await typeDate(user, screen.getByRole('textbox', { name: '进驻开始日期' }), '2023-12-01');
    await user.click(screen.getByRole('button', { name: '保存设置' }));

    expect(await sentBodies(sentRequests(fetchMock), 'PATCH', patchPath)).toEqual([]);
    expect(await screen.findByText('进驻结束日期不能早于开始日期')).toBeInTheDocument();
  });

  it('puts the API’s field messages next to their fields', async () => {
    await openSettings({
      [`PATCH ${patchPath}`]: json(
        { code: 'VALIDATION_FAILED', message: '提交的数据有误', errors: { contactEmail: ['长度不能超过 100 个字符'] } },
        400,
      ),
    });
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: '电子邮箱' }), 'xcb@example.gov.cn');
    await user.click(screen.getByRole('button', { name: '保存设置' }));
    expect(await screen.findByText('长度不能超过 100 个字符')).toBeInTheDocument();
  });

  it('on a 409 shows what changed meanwhile and re-applies the change on the current version only when asked', async () => {
    const current = { ...demo, yellowDays: 14, contactHours: '工作日 9:00—17:00', version: 6 };
    let patches = 0;
    const { fetchMock } = await openSettings({
      [`PATCH ${patchPath}`]: () => {
        patches += 1;
        return patches === 1
          ? json({ code: 'VERSION_CONFLICT', message: '数据已被他人修改，请刷新后重试', current }, 409)
          : json({ ...current, contactPhone: '027-80000000', version: 7 });
      },
    });
    const user = userEvent.setup();
    const phone = screen.getByRole('textbox', { name: '联系电话' });
    await user.clear(phone);
    await user.type(phone, '027-80000000');
    await user.click(screen.getByRole('button', { name: '保存设置' }));

    const dialog = await screen.findByRole('dialog', { name: '数据已被他人修改' });
    const table = within(dialog).getByRole('table', { name: '修改对比' });
    const rowOf = (label: string) => within(table).getByText(label).closest('tr') as HTMLElement;
    expect(within(rowOf('黄灯提前天数')).getByText('7 天')).toBeInTheDocument();
    expect(within(rowOf('黄灯提前天数')).getByText('14 天')).toBeInTheDocument();
    expect(within(rowOf('受理时间')).getByText('工作日 9:00—17:00')).toBeInTheDocument();
    expect(within(rowOf('联系电话')).getByText('027-80000000')).toBeInTheDocument();
    expect(patches).toBe(1);

    await user.click(within(dialog).getByRole('button', { name: '按最新数据重新提交' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '数据已被他人修改' })).not.toBeInTheDocument());
    expect(await sentBodies(sentRequests(fetchMock), 'PATCH', patchPath)).toEqual([
      { contactPhone: '027-80000000', version: 4 },
      { contactPhone: '027-80000000', version: 6 },
    ]);
  });

  it('shows a supervisor the settings read-only', async () => {
    await openSettings({ 'GET /api/auth/me': json(sessionUser({ roles: ['supervisor'] })) });
    expect(screen.getByText('只读')).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: '黄灯提前天数' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: '保存设置' })).not.toBeInTheDocument();
  });

  it('refuses a unit leader', async () => {
    stubApi({
      'GET /api/auth/me': json(sessionUser({ roles: ['unit_leader'], unitIds: ['u1'], unitName: '区水务和湖泊局' })),
      'GET /api/inspections': json(page([demo])),
    });
    renderApp('/settings/inspection');
    expect(await screen.findByText('无权查看轮次设置')).toBeInTheDocument();
  });
});
