import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@zhenggai/api-client';
import { chinaDate } from '@zhenggai/domain';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { attachment, inspection, page, sessionUser, unit } from '@/testing/data-generators';
import { apiError, json, sentRequests, stubApi } from '@/testing/fake-api';
import { findDialog, renderApp, sentBodies, typeDate, waitForLoaded } from '@/testing/test-utils';
import { setViewportWidth } from '@/testing/viewport';

type Round = Schemas['ReportRoundDto'];
type FormData = Schemas['ReportFormDto'];

const demo = inspection();
const water = unit({ name: '区水务和湖泊局' });
const housing = unit({ name: '区住房和城市更新局' });
const officer = sessionUser();
const supervisor = sessionUser({ username: 'supervisor', displayName: '纪检监督', roles: ['supervisor'] });
const unitLeader = sessionUser({
  username: 'unitlead',
  displayName: '李娜',
  roles: ['unit_leader'],
  unitIds: [water.id],
  unitName: water.name,
});

function round(overrides: Partial<Round> = {}): Round {
  return {
    id: 'e1b2c3d4-0000-4000-8000-000000000003',
    inspectionId: demo.id,
    seq: 3,
    number: '第3期',
    title: '2024年7月整改进展报送',
    periodEnd: '2024-07-25',
    dueDate: '2024-07-30',
    status: 'open',
    statusLabel: '报送中',
    scheduled: false,
    counts: { expected: 2, submitted: 1, missing: 1, late: 0 },
    openedBy: { id: officer.id, name: '专班干部' },
    openedAt: '2024-07-25T02:00:00.000Z',
    closedAt: null,
    version: 1,
    units: [
      {
        unit: { id: water.id, name: water.name },
        status: 'pending',
        statusLabel: '未报送',
        submittedAt: null,
        submittedBy: null,
        returnReason: null,
        punctuality: null,
        punctualityLabel: null,
      },
      {
        unit: { id: housing.id, name: housing.name },
        status: 'submitted',
        statusLabel: '已报送',
        submittedAt: '2024-07-26T02:00:00.000Z',
        submittedBy: '王强',
        returnReason: null,
        punctuality: 'on_time',
        punctualityLabel: '按时报送',
      },
    ],
    ...overrides,
  };
}

const third = round();
const second = round({
  id: 'e1b2c3d4-0000-4000-8000-000000000002',
  seq: 2,
  number: '第2期',
  title: '2024年6月整改进展报送',
  dueDate: '2024-06-30',
  status: 'closed',
  statusLabel: '已结束',
  counts: { expected: 2, submitted: 2, missing: 0, late: 1 },
  closedAt: '2024-07-01T02:00:00.000Z',
});
const summary = ({ units: _units, ...rest }: Round) => rest;

const missing: Schemas['MissingUnitDto'][] = [
  {
    unit: { id: water.id, name: water.name },
    status: 'pending',
    statusLabel: '未报送',
    openMeasures: 3,
    contacts: [{ name: '李娜', email: 'lina@example.cn', roles: ['单位负责人'] }],
  },
];

describe('定期报送', () => {
  it('lists the rounds for an officer, who opens a new one with the default title', async () => {
    const periodEnd = chinaDate(new Date());
    const dueDate = dayjs().add(10, 'day').format('YYYY-MM-DD');
    const opened = round({ id: 'e1b2c3d4-0000-4000-8000-000000000004', seq: 4, number: '第4期' });
    const fetchMock = stubApi({
      'GET /api/auth/me': json(officer),
      'GET /api/inspections': json(page([demo])),
      'GET /api/inspections/:id/report-rounds': json([summary(third), summary(second)]),
      'GET /api/units': json([water, housing]),
      'POST /api/inspections/:id/report-rounds': json(opened, 201),
      'GET /api/report-rounds/:id': json(opened),
      'GET /api/report-rounds/:id/missing': json(missing),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/report-rounds');

    const table = await screen.findByRole('table');
    await waitForLoaded();
    const row = within(table).getByText('第3期').closest('tr') as HTMLElement;
    expect(within(row).getByText('2024年7月整改进展报送')).toBeInTheDocument();
    expect(within(row).getByText('1/2')).toBeInTheDocument();
    expect(within(row).getByText('报送中')).toHaveClass('ant-tag-blue');
    expect(within(table).getByText('已结束')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /发起报送/ }));
    const dialog = await findDialog('发起报送');
    expect(within(dialog).getByRole('textbox', { name: '标题' })).toHaveValue(
      `${dayjs().year()}年${dayjs().month() + 1}月整改进展报送`,
    );
    await typeDate(user, within(dialog).getByRole('textbox', { name: '截止报送' }), dueDate);
    await user.click(within(dialog).getByRole('button', { name: /发\s*起/ }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/report-rounds/${opened.id}`));
    expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/inspections/${demo.id}/report-rounds`)).toEqual([
      { title: `${dayjs().year()}年${dayjs().month() + 1}月整改进展报送`, periodEnd, dueDate },
    ]);
  });

  it('shows a round to an officer, who urges the units that owe their report', async () => {
    const fetchMock = stubApi({
      'GET /api/auth/me': json(officer),
      'GET /api/report-rounds/:id': json(third),
      'GET /api/report-rounds/:id/missing': json(missing),
      'POST /api/report-rounds/:id/urge': json({ units: 1, recipients: 2 }, 201),
    });
    const user = userEvent.setup();
    renderApp(`/report-rounds/${third.id}`);

    expect(await screen.findByRole('heading', { name: /第3期 2024年7月整改进展报送/ })).toBeInTheDocument();
    const units = await screen.findByRole('table', { name: '报送单位' });
    const row = within(units).getByText(housing.name).closest('tr') as HTMLElement;
    expect(within(row).getByText('已报送')).toHaveClass('ant-tag-green');
    expect(within(row).getByRole('link', { name: `查看${housing.name}的报送` })).toHaveAttribute(
      'href',
      `/report-rounds/${third.id}/units/${housing.id}`,
    );
    expect(screen.getByRole('button', { name: /关闭轮次/ })).toBeInTheDocument();
    expect(await screen.findByText(/lina@example\.cn/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /全部催报/ }));
    expect(await screen.findByText('已向 1 个单位催报，通知 2 人')).toBeInTheDocument();
    expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/report-rounds/${third.id}/urge`)).toEqual([{}]);
  });

  it('gives a supervisor no button to open, close, urge or return', async () => {
    stubApi({
      'GET /api/auth/me': json(supervisor),
      'GET /api/inspections': json(page([demo])),
      'GET /api/inspections/:id/report-rounds': json([summary(third)]),
      'GET /api/report-rounds/:id': json(third),
      'GET /api/report-rounds/:id/missing': json(missing),
    });
    const { router } = renderApp('/report-rounds');
    expect(await screen.findByText('第3期')).toBeInTheDocument();
    expect(screen.getByText('只读')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /发起报送/ })).not.toBeInTheDocument();

    await router.navigate(`/report-rounds/${third.id}`);
    expect(await screen.findByText(/lina@example\.cn/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /催报/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /关闭轮次/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('lets a unit leader at phone width report every open measure’s progress, which is required', async () => {
    setViewportWidth(390);
    const item = (overrides: Partial<FormData['items'][number]>): FormData['items'][number] => ({
      measureId: 'f1b2c3d4-0000-4000-8000-000000000001',
      problemId: 'd1b2c3d4-0000-4000-8000-000000000001',
      label: '7.(1)',
      problemTitle: '河湖“清四乱”不彻底',
      text: '开展“清四乱”专项行动',
      status: 'in_progress',
      statusLabel: '推进中',
      deadline: '2024-10-31',
      light: 'green',
      lightLabel: '正常',
      open: true,
      progress: '',
      evidenceIds: [],
      ...overrides,
    });
    const form: FormData = {
      round: summary(third),
      unit: { id: water.id, name: water.name },
      status: 'pending',
      returnReason: null,
      canSubmit: true,
      items: [
        item({}),
        item({
          measureId: 'f1b2c3d4-0000-4000-8000-000000000002',
          label: '7.(2)',
          text: '建立长效巡查机制',
          light: 'yellow',
          lightLabel: '临期',
          progress: '已起草巡查制度。',
        }),
        item({
          measureId: 'f1b2c3d4-0000-4000-8000-000000000003',
          label: '8.(1)',
          text: '完成泵站改造',
          status: 'completed',
          statusLabel: '已完成',
          light: 'grey',
          lightLabel: '已完成',
          open: false,
          progress: '已完成。',
        }),
      ],
    };
    const submitted: Schemas['UnitSubmissionsDto'] = {
      id: 'a9b2c3d4-0000-4000-8000-000000000001',
      roundId: third.id,
      unit: { id: water.id, name: water.name },
      attempt: 1,
      submittedAt: '2024-07-27T02:00:00.000Z',
      submittedBy: '李娜',
      late: false,
      returnedAt: null,
      returnReason: null,
      items: form.items.slice(0, 2).map((entry, index) => ({
        measureId: entry.measureId,
        problemId: entry.problemId,
        label: entry.label,
        problemTitle: entry.problemTitle,
        text: entry.text,
        status: entry.status,
        statusLabel: entry.statusLabel,
        deadline: entry.deadline,
        light: entry.light,
        lightLabel: entry.lightLabel,
        progress: index === 0 ? '已清理违建 3 处。' : '已起草巡查制度。',
        evidenceIds: [],
      })),
      history: [],
    };
    const fetchMock = stubApi({
      'GET /api/auth/me': json(unitLeader),
      'GET /api/report-rounds/:id/form': json(form),
      'POST /api/report-rounds/:id/submissions': json(submitted, 201),
      'GET /api/report-rounds/:id': json(third),
      'GET /api/report-rounds/:id/submissions/:unitId': json(submitted),
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/report-rounds/${third.id}/form?unitId=${water.id}`);

    expect(await screen.findByRole('heading', { name: /第3期 2024年7月整改进展报送/ })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '本期进展（7.(2)）' })).toHaveValue('已起草巡查制度。');
    expect(screen.queryByRole('textbox', { name: '本期进展（8.(1)）' })).not.toBeInTheDocument();
    expect(screen.getByText('已完成，无需填报本期进展')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '提交报送' }));
    expect(await screen.findByText('请填写本期进展')).toBeInTheDocument();
    expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/report-rounds/${third.id}/submissions`)).toEqual([]);

    await user.type(screen.getByRole('textbox', { name: '本期进展（7.(1)）' }), '已清理违建 3 处。');
    await user.click(screen.getByRole('button', { name: '提交报送' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/report-rounds/${third.id}/units/${water.id}`));
    // the frozen report may render twice as its queries settle: look the text up afresh each time
    await waitFor(() => expect(screen.getByText('已清理违建 3 处。')).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: /退回/ })).not.toBeInTheDocument();
    expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/report-rounds/${third.id}/submissions`)).toEqual([
      {
        unitId: water.id,
        items: [
          { measureId: form.items[0].measureId, progress: '已清理违建 3 处。', evidenceIds: [] },
          { measureId: form.items[1].measureId, progress: '已起草巡查制度。', evidenceIds: [] },
        ],
      },
    ]);
  }, 60_000);

  it('shows the unit leader what is owed under 我的任务 › 待报送, overdue when past the due date', async () => {
    stubApi({
      'GET /api/auth/me': json(unitLeader),
      'GET /api/measures': json(page([])),
      'GET /api/report-rounds/pending': json([
        {
          round: summary(third),
          unit: { id: water.id, name: water.name },
          status: 'pending',
          statusLabel: '未报送',
          returnReason: null,
        },
      ]),
    });
    renderApp('/tasks');

    const pending = await screen.findByRole('list', { name: '待报送' });
    expect(within(pending).getByText('第3期 2024年7月整改进展报送')).toBeInTheDocument();
    expect(within(pending).getByText(/截止报送 2024-07-30/)).toBeInTheDocument();
    expect(within(pending).getByText('逾期')).toHaveClass('ant-tag-red');
    expect(within(pending).getByRole('link', { name: '去报送第3期' })).toHaveAttribute(
      'href',
      `/report-rounds/${third.id}/form?unitId=${water.id}`,
    );
  });

  it('shows an officer a unit’s frozen report with its earlier attempt, and returns it with a reason', async () => {
    const snapshotItem: Schemas['SnapshotItemDto'] = {
      measureId: 'f1b2c3d4-0000-4000-8000-000000000001',
      problemId: 'd1b2c3d4-0000-4000-8000-000000000001',
      label: '7.(1)',
      problemTitle: '河湖“清四乱”不彻底',
      text: '开展“清四乱”专项行动',
      status: 'in_progress',
      statusLabel: '推进中',
      deadline: '2024-10-31',
      light: 'red',
      lightLabel: '逾期',
      progress: '已清理违建 5 处。',
      evidenceIds: [],
    };
    const current: Schemas['UnitSubmissionsDto'] = {
      id: 'a9b2c3d4-0000-4000-8000-000000000002',
      roundId: third.id,
      unit: { id: housing.id, name: housing.name },
      attempt: 2,
      submittedAt: '2024-07-28T02:00:00.000Z',
      submittedBy: '王强',
      late: false,
      returnedAt: null,
      returnReason: null,
      items: [snapshotItem],
      history: [
        {
          id: 'a9b2c3d4-0000-4000-8000-000000000001',
          roundId: third.id,
          unit: { id: housing.id, name: housing.name },
          attempt: 1,
          submittedAt: '2024-07-26T02:00:00.000Z',
          submittedBy: '王强',
          late: false,
          returnedAt: '2024-07-27T02:00:00.000Z',
          returnReason: '进展过于简略',
          items: [{ ...snapshotItem, progress: '在推进。' }],
        },
      ],
    };
    const fetchMock = stubApi({
      'GET /api/auth/me': json(officer),
      'GET /api/report-rounds/:id': json(third),
      'GET /api/report-rounds/:id/submissions/:unitId': json(current),
      'POST /api/report-rounds/:id/submissions/:unitId/return': json({
        ...current,
        returnedAt: '2024-07-29T02:00:00.000Z',
        returnReason: '请补充佐证材料',
      }),
    });
    const user = userEvent.setup();
    renderApp(`/report-rounds/${third.id}/units/${housing.id}`);

    expect(await screen.findByRole('heading', { name: housing.name })).toBeInTheDocument();
    expect(screen.getByText(/第3期 2024年7月整改进展报送 · 第2次报送/)).toBeInTheDocument();
    const items = screen.getByRole('table', { name: '报送内容' });
    const row = within(items).getByText('7.(1)').closest('tr') as HTMLElement;
    expect(within(row).getByText('已清理违建 5 处。')).toBeInTheDocument();
    expect(within(row).getByLabelText('红灯：逾期')).toBeInTheDocument();
    expect(screen.getByText(/第1次报送 · .*退回原因：进展过于简略/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /^退\s*回$/ }));
    const dialog = await findDialog('退回报送');
    await user.click(within(dialog).getByRole('button', { name: /^退\s*回$/ }));
    expect(await within(dialog).findByText('请填写退回原因')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: '退回原因' }), '请补充佐证材料');
    await user.click(within(dialog).getByRole('button', { name: /^退\s*回$/ }));

    expect(await screen.findByText(`已退回${housing.name}的报送`)).toBeInTheDocument();
    expect(
      await sentBodies(
        sentRequests(fetchMock),
        'POST',
        `/api/report-rounds/${third.id}/submissions/${housing.id}/return`,
      ),
    ).toEqual([{ reason: '请补充佐证材料' }]);
  });

  it('closes a round after the officer confirms, with the version read', async () => {
    let current = third;
    const fetchMock = stubApi({
      'GET /api/auth/me': json(officer),
      'GET /api/report-rounds/:id': () => json(current),
      'GET /api/report-rounds/:id/missing': json(missing),
      'POST /api/report-rounds/:id/close': () => {
        current = {
          ...third,
          status: 'closed',
          statusLabel: '已结束',
          closedAt: '2024-07-31T02:00:00.000Z',
          version: 2,
        };
        return json(current);
      },
    });
    const user = userEvent.setup();
    renderApp(`/report-rounds/${third.id}`);

    await user.click(await screen.findByRole('button', { name: /关闭轮次/ }));
    const confirm = await screen.findByRole('dialog');
    expect(within(confirm).getByText(/尚未报送的 1 个单位将记为未报送/)).toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: '关闭轮次' }));

    expect(await screen.findByText('第3期已关闭')).toBeInTheDocument();
    expect(await screen.findByText('已结束')).toBeInTheDocument();
    // the confirmation may still be fading out; the page itself offers no 关闭轮次 any more
    const pageButtons = () =>
      screen.queryAllByRole('button', { name: /关闭轮次/ }).filter((button) => !button.closest('.ant-modal'));
    await waitFor(() => expect(pageButtons()).toHaveLength(0));
    expect(screen.queryByRole('button', { name: /催报/ })).not.toBeInTheDocument();
    expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/report-rounds/${third.id}/close`)).toEqual([
      { version: 1 },
    ]);
  });

  it('leads a unit leader from the round’s notification to the form, and sends the evidence chosen for a measure', async () => {
    const measureId = 'f1b2c3d4-0000-4000-8000-000000000001';
    const report = attachment({ measureId, name: '清四乱整改报告.pdf', size: 2048 });
    const form: FormData = {
      round: summary(third),
      unit: { id: water.id, name: water.name },
      status: 'returned',
      returnReason: '请补充佐证材料',
      canSubmit: true,
      items: [
        {
          measureId,
          problemId: 'd1b2c3d4-0000-4000-8000-000000000001',
          label: '7.(1)',
          problemTitle: '河湖“清四乱”不彻底',
          text: '开展“清四乱”专项行动',
          status: 'in_progress',
          statusLabel: '推进中',
          deadline: '2024-10-31',
          light: 'green',
          lightLabel: '正常',
          open: true,
          progress: '已清理违建 3 处。',
          evidenceIds: [],
        },
      ],
    };
    const returned = round({
      units: [{ ...third.units[0], status: 'returned', statusLabel: '已退回', returnReason: '请补充佐证材料' }],
    });
    const fetchMock = stubApi({
      'GET /api/auth/me': json(unitLeader),
      'GET /api/report-rounds/:id': json(returned),
      'GET /api/report-rounds/:id/missing': json([]),
      'GET /api/report-rounds/:id/form': json(form),
      'GET /api/measures/:id/attachments': json(page([report])),
      'POST /api/report-rounds/:id/submissions': apiError(409, 'ROUND_CLOSED', '本轮报送已结束'),
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/report-rounds/${third.id}`);

    expect(await screen.findByText(/区水务和湖泊局的报送已被退回：请补充佐证材料/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /催报/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '去报送' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/report-rounds/${third.id}/form`));
    expect(router.state.location.search).toBe(`?unitId=${water.id}`);

    expect(await screen.findByText(/本期报送已被退回：请补充佐证材料/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /佐证材料（可选）/ }));
    const evidence = await screen.findByRole('group', { name: /7\.\(1\) 开展“清四乱”专项行动 的佐证材料/ });
    await user.click(await within(evidence).findByRole('checkbox', { name: /清四乱整改报告\.pdf/ }));
    await user.click(screen.getByRole('button', { name: '提交报送' }));

    expect(await screen.findByText('本轮报送已结束')).toBeInTheDocument();
    expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/report-rounds/${third.id}/submissions`)).toEqual([
      { unitId: water.id, items: [{ measureId, progress: '已清理违建 3 处。', evidenceIds: [report.id] }] },
    ]);
  });
  it('shows what changed since the round before, downloads the report, and compares two rounds side by side', async () => {
    const counts = { expected: 2, submitted: 1, late: 0, missing: 1, returned: 0, onTime: 1 };
    const head = (r: Round) => ({
      id: r.id,
      seq: r.seq,
      title: r.title,
      periodEnd: r.periodEnd,
      dueDate: r.dueDate,
      status: r.status,
    });
    const compilation: Schemas['ReportRoundCompilationDto'] = {
      round: head(third),
      previous: { id: second.id, seq: 2, title: second.title },
      counts,
      units: [
        {
          unit: { id: housing.id, name: housing.name },
          status: 'submitted',
          punctuality: 'on_time',
          submittedAt: '2024-07-26T02:00:00.000Z',
          submittedByName: '王强',
          late: false,
          items: 4,
          completedSincePrevious: 1,
          newlyOverdue: 1,
          deadlineChanges: 1,
        },
      ],
      changes: {
        newlyCompleted: [{ measureId: 'm1', label: '3.(1)', unitName: housing.name }],
        newlyOverdue: [{ measureId: 'm2', label: '5.(2)', unitName: housing.name }],
        deadlineChanges: [
          { measureId: 'm3', label: '7.(1)', unitName: housing.name, from: '2024-06-30', to: '2024-09-30' },
        ],
      },
    };
    const standing = (status: 'submitted' | 'pending', items: number, completed: number, overdue: number) => ({
      status,
      punctuality: status === 'submitted' ? ('on_time' as const) : null,
      items,
      completed,
      overdue,
    });
    const comparison: Schemas['ReportRoundComparisonDto'] = {
      a: { round: head(second), counts: { ...counts, submitted: 2, missing: 0 } },
      b: { round: head(third), counts },
      units: [
        {
          unit: { id: housing.id, name: housing.name },
          a: standing('submitted', 4, 1, 0),
          b: standing('submitted', 4, 2, 1),
        },
        {
          unit: { id: water.id, name: water.name },
          a: standing('submitted', 3, 0, 0),
          b: standing('pending', 0, 0, 0),
        },
      ],
    };
    const fetchMock = stubApi({
      'GET /api/auth/me': json(officer),
      'GET /api/report-rounds/:id': json(third),
      'GET /api/report-rounds/:id/missing': json(missing),
      'GET /api/report-rounds/:id/summary': json(compilation),
      'GET /api/inspections/:id/report-rounds': json([summary(third), summary(second)]),
      'GET /api/report-rounds/compare': json(comparison),
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/report-rounds/${third.id}`);

    const changes = await screen.findByText('与上期（第2期）相比');
    const card = changes.closest('.ant-card') as HTMLElement;
    expect(within(card).getByText(`${housing.name} 3.(1)`)).toHaveClass('ant-tag-green');
    expect(within(card).getByText(`${housing.name} 5.(2)`)).toHaveClass('ant-tag-red');
    expect(within(card).getByText(/7\.\(1\)：2024-06-30 → 2024-09-30/)).toBeInTheDocument();

    expect(screen.getByRole('link', { name: /导出报告（Word）/ })).toHaveAttribute(
      'href',
      `/api/report-rounds/${third.id}/exports/report.docx`,
    );
    expect(screen.getByRole('link', { name: /导出汇总表（Excel）/ })).toHaveAttribute(
      'href',
      `/api/report-rounds/${third.id}/exports/report.xlsx`,
    );

    await user.click(within(card).getByRole('link', { name: '两期对比' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/report-rounds/compare'));
    const table = await screen.findByRole('table', { name: '各单位两期对比' });
    const row = within(table).getByText(water.name).closest('tr') as HTMLElement;
    expect(within(row).getByText('已报送')).toBeInTheDocument();
    expect(within(row).getByText('未报送')).toBeInTheDocument();
    expect(screen.getByText(/应报送 2 个单位，已报送 2 个/)).toBeInTheDocument();
    expect(
      sentRequests(fetchMock).some((r) => r.url.includes(`a=${second.id}`) && r.url.includes(`b=${third.id}`)),
    ).toBe(true);
  });
});
