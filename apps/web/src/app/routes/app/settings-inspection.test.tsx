import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@zhenggai/api-client';
import { describe, expect, it } from 'vitest';
import { inspection, page, sessionUser } from '@/testing/data-generators';
import { apiError, json, sentRequests, stubApi } from '@/testing/fake-api';
import { renderApp, sentBodies, typeDate } from '@/testing/test-utils';

const demo = inspection({ contactPhone: '027-84891234', yellowDays: 7, version: 4 });
const patchPath = `/api/inspections/${demo.id}`;
const policyPath = `/api/inspections/${demo.id}/reminder-policy`;

const defaultPolicy: Schemas['ReminderPolicyDto'] = {
  inspectionId: demo.id,
  dueSoonDays: [7, 3, 1],
  escalation: [
    { afterOverdueDays: 0, notify: 'unit' },
    { afterOverdueDays: 3, notify: 'unit_leader' },
    { afterOverdueDays: 7, notify: 'task_force' },
    { afterOverdueDays: 14, notify: 'supervisor' },
  ],
  channels: ['in_app', 'email', 'webhook'],
  isDefault: true,
  text: '到期前 7、3、1 天提醒责任单位；逾期当天提醒责任单位全部账号，逾期 3 天提醒责任单位负责人，逾期 7 天提醒整改专班，逾期 14 天提醒监督人员。',
  updatedBy: null,
  updatedAt: null,
  version: 1,
};

const defaultSchedule: Schemas['ReportScheduleDto'] = {
  inspectionId: demo.id,
  enabled: false,
  dayOfMonth: 25,
  dueAfterDays: 5,
  text: '未启用定期报送，由整改专班手动开启报送轮次',
  updatedBy: null,
  updatedAt: null,
  version: 1,
};

async function openSettings(overrides: Parameters<typeof stubApi>[0] = {}) {
  const fetchMock = stubApi({
    'GET /api/auth/me': json(sessionUser()),
    'GET /api/inspections': json(page([demo])),
    'GET /api/inspections/:id/reminder-policy': json(defaultPolicy),
    'GET /api/inspections/:id/report-schedule': json(defaultSchedule),
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

  describe('催办提醒规则', () => {
    it('shows the default rule in words, refuses an unordered ladder, and saves the edited rule with its version', async () => {
      const { fetchMock } = await openSettings({
        'PUT /api/inspections/:id/reminder-policy': json({ ...defaultPolicy, isDefault: false, version: 2 }),
      });
      const user = userEvent.setup();
      const card = (await screen.findByRole('form', { name: '催办提醒规则' })).closest('.ant-card') as HTMLElement;
      expect(within(card).getByText('默认规则')).toBeInTheDocument();
      expect(within(card).getByText(defaultPolicy.text)).toBeInTheDocument();
      expect(within(card).getByRole('checkbox', { name: '系统内通知' })).toBeDisabled();

      // the second step's days below the first's: refused before sending, with the domain's message
      const second = within(card).getByRole('spinbutton', { name: '第 2 级逾期天数' });
      await user.clear(second);
      await user.click(within(card).getByRole('button', { name: /保存规则/ }));
      await user.clear(second);
      await user.type(second, '0');
      await user.click(within(card).getByRole('button', { name: /保存规则/ }));
      expect(await within(card).findByText(/逾期升级须按逾期天数从少到多排列/)).toBeInTheDocument();
      expect(sentRequests(fetchMock).some((request) => request.method === 'PUT')).toBe(false);

      await user.clear(second);
      await user.type(second, '5');
      await user.click(within(card).getByRole('button', { name: '删除第 4 级' }));
      await user.click(within(card).getByRole('checkbox', { name: '邮件' }));
      // the sentence follows the form as it is edited
      expect(
        within(card).getByText(
          '到期前 7、3、1 天提醒责任单位；逾期当天提醒责任单位全部账号，逾期 5 天提醒责任单位负责人，逾期 7 天提醒整改专班。',
        ),
      ).toBeInTheDocument();
      await user.click(within(card).getByRole('button', { name: /保存规则/ }));
      await waitFor(async () =>
        expect(await sentBodies(sentRequests(fetchMock), 'PUT', policyPath)).toEqual([
          {
            version: 1,
            dueSoonDays: [7, 3, 1],
            escalation: [
              { afterOverdueDays: 0, notify: 'unit' },
              { afterOverdueDays: 5, notify: 'unit_leader' },
              { afterOverdueDays: 7, notify: 'task_force' },
            ],
            channels: ['in_app', 'webhook'],
          },
        ]),
      );
      expect(await screen.findByText('催办提醒规则已保存')).toBeInTheDocument();
    }, 60_000);

    it('reloads the rule after another officer saved first', async () => {
      let gets = 0;
      await openSettings({
        'GET /api/inspections/:id/reminder-policy': () => {
          gets += 1;
          return json({ ...defaultPolicy, version: gets });
        },
        'PUT /api/inspections/:id/reminder-policy': apiError(409, 'VERSION_CONFLICT', '数据已被他人修改，请刷新后重试'),
      });
      const user = userEvent.setup();
      const form = await screen.findByRole('form', { name: '催办提醒规则' });
      await user.click(within(form).getByRole('button', { name: /保存规则/ }));
      expect(await screen.findByText('规则已被其他人修改，已载入最新规则，请确认后再保存')).toBeInTheDocument();
      await waitFor(() => expect(gets).toBe(2));
    });
  });

  describe('定期报送计划', () => {
    it('turns the monthly rounds on with the version read, the plan in words as it is edited', async () => {
      const { fetchMock } = await openSettings({
        'PUT /api/inspections/:id/report-schedule': json({
          ...defaultSchedule,
          enabled: true,
          dayOfMonth: 20,
          text: '每月20日自动开启报送轮次，5天内报送',
          updatedBy: { id: 'u1', name: '专班干部' },
          updatedAt: '2024-07-20T02:00:00.000Z',
          version: 2,
        }),
      });
      const user = userEvent.setup();
      const form = await screen.findByRole('form', { name: '定期报送计划' });
      expect(await screen.findByText('未启用定期报送，由整改专班手动开启报送轮次')).toBeInTheDocument();
      await user.click(within(form).getByRole('switch', { name: '自动开启报送轮次' }));
      const day = within(form).getByRole('spinbutton', { name: '每月报送日' });
      await user.clear(day);
      await user.type(day, '20');
      expect(await screen.findByText('每月20日自动开启报送轮次，5天内报送')).toBeInTheDocument();
      await user.click(within(form).getByRole('button', { name: /保存计划/ }));

      expect(await screen.findByText('定期报送计划已保存')).toBeInTheDocument();
      expect(await screen.findByText(/专班干部 于 2024-07-20 10:00 修改/)).toBeInTheDocument();
      expect(await sentBodies(sentRequests(fetchMock), 'PUT', `/api/inspections/${demo.id}/report-schedule`)).toEqual([
        { version: 1, enabled: true, dayOfMonth: 20, dueAfterDays: 5 },
      ]);
    });

    it('reloads the plan after another officer saved first', async () => {
      let gets = 0;
      await openSettings({
        'GET /api/inspections/:id/report-schedule': () => {
          gets += 1;
          return json({ ...defaultSchedule, dayOfMonth: gets === 1 ? 25 : 15, version: gets });
        },
        'PUT /api/inspections/:id/report-schedule': apiError(409, 'VERSION_CONFLICT', '数据已被他人修改，请刷新后重试'),
      });
      const user = userEvent.setup();
      const form = await screen.findByRole('form', { name: '定期报送计划' });
      await waitFor(() => expect(within(form).getByRole('spinbutton', { name: '每月报送日' })).toHaveValue('25'));
      await user.click(within(form).getByRole('button', { name: /保存计划/ }));
      expect(await screen.findByText('计划已被其他人修改，已载入最新计划，请确认后再保存')).toBeInTheDocument();
      await waitFor(() => expect(within(form).getByRole('spinbutton', { name: '每月报送日' })).toHaveValue('15'));
    });

    it('shows a supervisor the plan read-only', async () => {
      await openSettings({ 'GET /api/auth/me': json(sessionUser({ roles: ['supervisor'] })) });
      const form = await screen.findByRole('form', { name: '定期报送计划' });
      expect(within(form).getByRole('switch', { name: '自动开启报送轮次' })).toBeDisabled();
      expect(within(form).queryByRole('button', { name: /保存计划/ })).not.toBeInTheDocument();
    });
  });
});
