import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inspection, measure, page, problem, sessionUser, unit } from '@/testing/data-generators';
import { apiError, json, sentRequests, stubApi } from '@/testing/fake-api';
import {
  chooseOption,
  currentUrl,
  findDialog,
  renderApp,
  sentBodies,
  typeDate,
  waitForLoaded,
} from '@/testing/test-utils';

const demoInspection = inspection();
const waterBureau = unit({ name: '区水务和湖泊局' });
const economyBureau = unit({ name: '区经济和信息化局' });

const problem7 = problem({
  seq: 7,
  label: '7.',
  title: '‘清四乱’、退垸还湖攻坚不力',
  light: 'red',
  term: 'concentrated',
  measureCount: 2,
  completedMeasureCount: 0,
});
const problems = [
  problem({
    seq: 1,
    label: '1.',
    title: '落实新发展理念有差距',
    light: 'grey',
    status: 'completed',
    statusLabel: '已完成',
  }),
  problem({ seq: 2, label: '2.', title: '优化营商环境不到位', light: 'yellow', term: 'long_term' }),
  problem7,
];

const leader = {
  id: '7a1c9b2e-4f3d-4c5a-9b8e-1d2c3b4a5f60',
  name: '张某某',
  title: '副主任',
  unitId: waterBureau.id,
  unitName: waterBureau.name,
  isLeader: true,
  version: 1,
};
const staff = { ...leader, id: '7a1c9b2e-4f3d-4c5a-9b8e-1d2c3b4a5f61', name: '李某', title: '科员', isLeader: false };

const measureA = measure({ problemId: problem7.id, seq: 1, text: '全面排查“四乱”问题，建立台账。', version: 3 });
const measureB = measure({ problemId: problem7.id, seq: 2, text: '按计划完成拆除和生态修复。', version: 5 });

function problemQueries(fetchMock: ReturnType<typeof stubApi>): URLSearchParams[] {
  return sentRequests(fetchMock)
    .map((request) => new URL(request.url))
    .filter((url) => url.pathname === '/api/problems')
    .map((url) => url.searchParams);
}

function stubLedger(overrides: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /api/auth/me': json(sessionUser()),
    'GET /api/inspections': json(page([demoInspection])),
    // the API filters by light and term (the fake filters the same way, so the table shows what it sends)
    'GET /api/problems': (_request, url) => {
      const light = url.searchParams.get('light');
      const term = url.searchParams.get('term');
      return json(page(problems.filter((each) => (!light || each.light === light) && (!term || each.term === term))));
    },
    'GET /api/units': json([waterBureau, economyBureau]),
    'GET /api/persons': json([leader, staff]),
    'GET /api/measures': (_request, url) =>
      json(page(url.searchParams.get('problemId') === problem7.id ? [measureA, measureB] : [])),
    ...overrides,
  });
}

function ledgerRows() {
  return within(screen.getByRole('region', { name: '问题列表' }))
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('data-row-key'));
}

/** Expands problem 7 in the ledger and ticks its two measures for the bulk toolbar. */
async function tickBothMeasuresOfProblem7(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await screen.findByRole('link', { name: problem7.title });
  // the expand buttons come with the desktop columns, after antd's breakpoint effect
  await screen.findByRole('columnheader', { name: '牵头单位/领导' });
  await user.click(within(ledgerRows()[2]).getByRole('button', { name: '展开行' }));
  const nested = await screen.findByRole('table', { name: '整改措施' });
  await within(nested).findByText('全面排查“四乱”问题，建立台账。');
  await user.click(within(nested).getByRole('checkbox', { name: '选择措施 一是' }));
  await user.click(within(nested).getByRole('checkbox', { name: '选择措施 二是' }));
}

afterEach(() => window.localStorage.clear());

describe('整改台账', () => {
  it('writes the light, term, unit and leader filters to the URL and asks the API for them', async () => {
    const fetchMock = stubLedger();
    const user = userEvent.setup();
    const { router } = renderApp('/problems');

    expect(await screen.findByRole('heading', { name: '整改台账' })).toBeInTheDocument();
    await screen.findByRole('link', { name: problem7.title });

    await chooseOption(user, screen.getByRole('combobox', { name: '按亮灯筛选' }), '红灯（逾期）');
    await waitFor(() => expect(currentUrl(router)).toBe('/problems?light=red'));
    await waitFor(() => expect(problemQueries(fetchMock).some((query) => query.get('light') === 'red')).toBe(true));
    await waitForLoaded();
    await waitFor(() => expect(ledgerRows()).toHaveLength(1));
    expect(within(ledgerRows()[0]).getByRole('link', { name: problem7.title })).toBeInTheDocument();
    expect(screen.getByText('共 1 条')).toBeInTheDocument();

    await chooseOption(user, screen.getByRole('combobox', { name: '按整改类型筛选' }), '集中整改');
    await waitFor(() => expect(currentUrl(router)).toBe('/problems?light=red&term=concentrated'));
    await waitFor(() =>
      expect(problemQueries(fetchMock).some((query) => query.get('term') === 'concentrated')).toBe(true),
    );
    await waitForLoaded();

    await chooseOption(user, screen.getByRole('combobox', { name: '按责任单位筛选' }), '区水务和湖泊局');
    await waitFor(() =>
      expect(currentUrl(router)).toBe(`/problems?unitId=${waterBureau.id}&light=red&term=concentrated`),
    );
    await waitFor(() =>
      expect(problemQueries(fetchMock).some((query) => query.get('unitId') === waterBureau.id)).toBe(true),
    );
    await waitForLoaded();

    // only leaders are offered
    const leaderFilter = screen.getByRole('combobox', { name: '按责任领导筛选' });
    await chooseOption(user, leaderFilter, '张某某 副主任');
    await waitFor(() =>
      expect(currentUrl(router)).toBe(
        `/problems?unitId=${waterBureau.id}&leaderId=${leader.id}&light=red&term=concentrated`,
      ),
    );
    await waitFor(() =>
      expect(problemQueries(fetchMock).some((query) => query.get('leaderId') === leader.id)).toBe(true),
    );
    await waitForLoaded();
    expect(screen.queryByRole('option', { name: /李某/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/problems'));
    await waitForLoaded();
    await waitFor(() => expect(ledgerRows()).toHaveLength(3));
  });

  it('shows no unit filter to a unit leader, whose list the API already limits to the unit', async () => {
    stubLedger({
      'GET /api/auth/me': json(
        sessionUser({ roles: ['unit_leader'], unitIds: [waterBureau.id], unitName: '区水务和湖泊局' }),
      ),
    });
    renderApp('/problems');

    await screen.findByRole('link', { name: problem7.title });
    expect(screen.getByText('仅显示区水务和湖泊局承担的问题')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: '按责任单位筛选' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: '按责任领导筛选' })).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: '导出' })).not.toBeInTheDocument();
  });

  it('expands a problem into its measures and bulk-adjusts their deadlines, reporting each row', async () => {
    const current = { ...measureB, version: 6, deadline: '2024-11-30' };
    const fetchMock = stubLedger({
      [`PATCH /api/measures/${measureA.id}`]: json({ ...measureA, version: 4, deadline: '2024-12-31' }),
      [`PATCH /api/measures/${measureB.id}`]: () => ({
        status: 409,
        body: { code: 'VERSION_CONFLICT', message: '数据已被他人修改，请刷新后重试', current },
      }),
    });
    const user = userEvent.setup();
    renderApp('/problems');

    await tickBothMeasuresOfProblem7(user);

    const toolbar = screen.getByRole('toolbar', { name: '批量办理' });
    expect(toolbar).toHaveTextContent('已选择 2 项措施');
    await user.click(within(toolbar).getByRole('button', { name: '批量调整时限' }));

    const dialog = await findDialog('批量调整时限（2 项措施）');
    await typeDate(user, within(dialog).getByPlaceholderText('请选择日期'), '2024-12-31');
    await user.click(within(dialog).getByRole('button', { name: '调整' }));

    const results = await findDialog('批量调整时限结果');
    expect(results).toHaveTextContent('共 2 项：成功 1 项，失败 1 项');
    const rows = within(within(results).getByRole('table', { name: '办理结果' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows[0]).toHaveTextContent('7.(1)');
    expect(rows[0]).toHaveTextContent('成功');
    expect(rows[0]).toHaveTextContent('完成时限已调整为 2024-12-31');
    expect(rows[1]).toHaveTextContent('7.(2)');
    expect(rows[1]).toHaveTextContent('失败');
    expect(rows[1]).toHaveTextContent('数据已被他人修改，未保存，请刷新后重新办理');

    const requests = sentRequests(fetchMock);
    expect(await sentBodies(requests, 'PATCH', `/api/measures/${measureA.id}`)).toEqual([
      { version: 3, deadline: '2024-12-31' },
    ]);
    expect(await sentBodies(requests, 'PATCH', `/api/measures/${measureB.id}`)).toEqual([
      { version: 5, deadline: '2024-12-31' },
    ]);
    // the selection is spent: the next action starts from fresh versions
    expect(screen.queryByRole('toolbar', { name: '批量办理' })).not.toBeInTheDocument();
  });

  it('bulk-assigns measures to a lead unit, one request per measure', async () => {
    const fetchMock = stubLedger({
      [`PUT /api/measures/${measureA.id}/units`]: json(measureA),
      [`PUT /api/measures/${measureB.id}/units`]: apiError(404, 'NOT_FOUND', '整改措施不存在或无权查看'),
    });
    const user = userEvent.setup();
    renderApp('/problems');

    await tickBothMeasuresOfProblem7(user);
    await user.click(screen.getByRole('button', { name: '批量分办' }));

    const dialog = await findDialog('批量分办（2 项措施）');
    await chooseOption(user, within(dialog).getByRole('combobox', { name: '牵头单位' }), '区经济和信息化局');
    await user.click(within(dialog).getByRole('button', { name: '分办' }));

    const results = await findDialog('批量分办结果');
    expect(results).toHaveTextContent('成功 1 项，失败 1 项');
    expect(results).toHaveTextContent('已分办至区经济和信息化局');
    expect(results).toHaveTextContent('整改措施不存在或无权查看');
    expect(await sentBodies(sentRequests(fetchMock), 'PUT', `/api/measures/${measureA.id}/units`)).toEqual([
      { version: 3, leadUnitId: economyBureau.id, coUnitIds: [] },
    ]);
  });

  it('urges the ticked measures in one request (批量催办)', async () => {
    const fetchMock = stubLedger({
      'POST /api/measures/urge': json({ id: 'urge-1', measures: 2, recipients: 4, unreachedUnits: [] }, 201),
    });
    const user = userEvent.setup();
    renderApp('/problems');

    await tickBothMeasuresOfProblem7(user);
    await user.click(screen.getByRole('button', { name: '批量催办' }));

    const dialog = await findDialog('催办');
    expect(dialog).toHaveTextContent('已选择的 2 项措施');
    await user.click(within(dialog).getByRole('button', { name: '发送催办' }));
    expect(await screen.findByText('已催办 2 项措施，已通知 4 人')).toBeInTheDocument();
    expect(await sentBodies(sentRequests(fetchMock), 'POST', '/api/measures/urge')).toEqual([
      { measureIds: [measureA.id, measureB.id], message: '请抓紧推进整改，按时报送整改进展和佐证材料。' },
    ]);
  });

  it('hides a column chosen in 列设置 and remembers the choice', async () => {
    stubLedger();
    const user = userEvent.setup();
    renderApp('/problems');

    await screen.findByRole('link', { name: problem7.title });
    expect(await screen.findByRole('columnheader', { name: '亮灯' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '列设置' }));
    await user.click(await screen.findByRole('checkbox', { name: '亮灯' }));

    await waitFor(() => expect(screen.queryByRole('columnheader', { name: '亮灯' })).not.toBeInTheDocument());
    expect(JSON.parse(window.localStorage.getItem('zg.ledger.columns') ?? '[]')).not.toContain('light');
  });

  it('says 导出功能暂不可用 when an export answers 404', async () => {
    stubLedger({
      [`GET /api/inspections/${demoInspection.id}/exports/report.docx`]: apiError(
        404,
        'ROUTE_NOT_FOUND',
        '请求的接口不存在',
      ),
    });
    const user = userEvent.setup();
    renderApp('/problems');

    const exports = await screen.findByRole('group', { name: '导出' });
    const report = within(exports).getByRole('link', { name: /进展报告/ });
    expect(report).toHaveAttribute('href', `/api/inspections/${demoInspection.id}/exports/report.docx`);
    await user.click(report);

    expect(await screen.findByText('导出功能暂不可用')).toBeInTheDocument();
  });

  describe('导出台账 as a background job', () => {
    const job = {
      id: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b',
      status: 'queued' as const,
      progress: 0,
      fileName: '十二届区委第五轮巡察整改台账.xlsx',
      createdAt: '2024-03-01T04:00:00.000Z',
    };
    const originalCreateObjectUrl = URL.createObjectURL;
    afterEach(() => {
      URL.createObjectURL = originalCreateObjectUrl;
    });

    it('starts the job with the filters, shows its progress, then downloads the file', async () => {
      const createObjectUrl = vi.fn((_blob: Blob) => 'blob:ledger');
      URL.createObjectURL = createObjectUrl;
      const states = [
        { ...job, status: 'running', progress: 40 },
        { ...job, status: 'done', progress: 100, finishedAt: '2024-03-01T04:00:20.000Z' },
      ];
      let polls = 0;
      const fetchMock = stubLedger({
        [`POST /api/inspections/${demoInspection.id}/exports/ledger-jobs`]: json(job, 202),
        [`GET /api/export-jobs/${job.id}`]: () => json(states[Math.min(polls++, states.length - 1)]),
        [`GET /api/export-jobs/${job.id}/file`]: json({ bytes: 'xlsx' }),
      });
      const user = userEvent.setup();
      renderApp('/problems?light=red');

      const exports = await screen.findByRole('group', { name: '导出' });
      const button = within(exports).getByRole('link', { name: /导出台账/ });
      expect(button).toHaveAttribute('href', `/api/inspections/${demoInspection.id}/exports/ledger.xlsx?light=red`);
      await user.click(button);

      const dialog = await findDialog('导出整改台账');
      const progress = within(dialog).getByRole('progressbar', { name: '导出进度' });
      await waitFor(() => expect(progress).toHaveAttribute('aria-valuenow', '40'));
      expect(within(dialog).getByRole('button', { name: '下载' })).toBeDisabled();
      await within(dialog).findByText('导出完成，可以下载了。', undefined, { timeout: 3000 });
      expect(progress).toHaveAttribute('aria-valuenow', '100');
      await user.click(within(dialog).getByRole('button', { name: '下载' }));

      await waitFor(() => expect(createObjectUrl).toHaveBeenCalledTimes(1));
      const started = sentRequests(fetchMock).find((request) => request.method === 'POST')!;
      expect(new URL(started.url).searchParams.get('light')).toBe('red');
      expect(started.headers.get('Idempotency-Key')).toBeTruthy();
      expect(sentRequests(fetchMock).some((request) => request.url.endsWith(`/api/export-jobs/${job.id}/file`))).toBe(
        true,
      );
      // polling stops once the job is over
      const pollsWhenDone = polls;
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect(polls).toBe(pollsWhenDone);
    });

    it('shows the error of a failed job, with nothing to download', async () => {
      stubLedger({
        [`POST /api/inspections/${demoInspection.id}/exports/ledger-jobs`]: json(job, 202),
        [`GET /api/export-jobs/${job.id}`]: json({
          ...job,
          status: 'failed',
          progress: 30,
          error: '导出失败，请重新导出',
        }),
      });
      const user = userEvent.setup();
      renderApp('/problems');

      await user.click(
        within(await screen.findByRole('group', { name: '导出' })).getByRole('link', { name: /导出台账/ }),
      );

      const dialog = await findDialog('导出整改台账');
      expect(await within(dialog).findByText('导出失败，请重新导出')).toBeInTheDocument();
      expect(within(dialog).getByRole('button', { name: '下载' })).toBeDisabled();
      // the footer's 关闭 (the title bar's × is named 关闭 too)
      await user.click(within(dialog).getAllByRole('button', { name: '关闭' }).at(-1)!);
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    });
  });
});
