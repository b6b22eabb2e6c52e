import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ROLL_UP_RULE } from '@zhenggai/domain';
import { describe, expect, it } from 'vitest';
import { attachment, measure, measureEvent, page, problemDetail, sessionUser } from '@/testing/data-generators';
import { apiError, json, sentRequests, stubApi } from '@/testing/fake-api';
import { currentUrl, findDialog, renderApp, sentBodies, typeDate } from '@/testing/test-utils';
import { setViewportWidth } from '@/testing/viewport';

const WATER = { id: '00000000-0000-4000-8000-0000000000bb', name: '区水务和湖泊局' };
const JUNSHAN = { id: '00000000-0000-4000-8000-0000000000cc', name: '军山街道' };

const completed = measure({
  seq: 1,
  text: '全面排查“四乱”问题，建立台账。',
  status: 'completed',
  statusLabel: '已完成',
  light: 'grey',
  deadline: '2024-03-31',
  units: [{ ...WATER, role: 'lead', status: 'completed', statusLabel: '已完成', progress: 100, urges: 0 }],
});
const pending = measure({
  seq: 2,
  lead: '加快退垸还湖。',
  text: '按计划完成拆除和生态修复。',
  status: 'pending_review',
  statusLabel: '待审核',
  light: 'red',
  deadline: '2024-06-30',
  version: 6,
  leadUnit: WATER,
  coUnits: [{ ...JUNSHAN, role: 'co', status: 'pending_review', statusLabel: '待审核', progress: 50, urges: 0 }],
  units: [
    { ...WATER, role: 'lead', status: 'pending_review', statusLabel: '待审核', progress: 80, urges: 0 },
    { ...JUNSHAN, role: 'co', status: 'pending_review', statusLabel: '待审核', progress: 50, urges: 0 },
  ],
});
const working = measure({
  seq: 3,
  text: '开展退垸还湖“回头看”。',
  status: 'in_progress',
  statusLabel: '推进中',
  light: 'yellow',
  deadline: '2024-09-30',
  version: 2,
  leadUnit: WATER,
  units: [{ ...WATER, role: 'lead', status: 'in_progress', statusLabel: '推进中', progress: 40, urges: 2 }],
});

const detail = problemDetail({
  seq: 7,
  label: '7.',
  title: '‘清四乱’、退垸还湖攻坚不力',
  status: 'in_progress',
  statusLabel: '未完成',
  light: 'red',
  overview: '已完成退垸还湖面积核查，正在推进拆除工作。',
  measures: [completed, pending, working].map((item) => ({ ...item, problemLabel: '7.' })),
});

const officer = sessionUser();
const unitLeader = sessionUser({
  username: 'unitlead',
  displayName: '水湖局负责人',
  roles: ['unit_leader'],
  unitIds: [WATER.id],
  unitName: WATER.name,
});

function stubDetail(user = officer, overrides: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /api/auth/me': json(user),
    [`GET /api/problems/${detail.id}`]: json(detail),
    'GET /api/problems/:id/outcomes': json({
      accountability: [],
      rules: [],
      funds: [],
      totals: { people: 0, personTimes: 0, rules: 0, funds: 0 },
    }),
    'GET /api/measures/:id/progress': json([]),
    'GET /api/measures/:id/history': json([]),
    'GET /api/measures/:id/attachments': json(page([])),
    'GET /api/units': json([]),
    ...overrides,
  });
}

function measureCard(seqText: string): HTMLElement {
  const region = screen.getByRole('region', { name: '整改措施列表' });
  const card = [...region.querySelectorAll<HTMLElement>('.zg-measure-panel')].find((element) =>
    element.querySelector('.ant-card-head')?.textContent?.startsWith(seqText),
  );
  if (!card) throw new Error(`measure ${seqText} not shown`);
  return card;
}

describe('问题详情', () => {
  it("shows the problem, its overview, and each measure with its units' own status and the roll-up rule", async () => {
    stubDetail();
    renderApp(`/problems/${detail.id}`);

    expect(await screen.findByRole('heading', { name: '7.‘清四乱’、退垸还湖攻坚不力' })).toBeInTheDocument();
    expect(screen.getByText('已完成退垸还湖面积核查，正在推进拆除工作。')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '整改措施（3）' })).toBeInTheDocument();

    const second = measureCard('二是');
    expect(within(second).getByText('加快退垸还湖。')).toBeInTheDocument();
    const shares = within(second).getByRole('region', { name: '责任单位进度' });
    expect(within(shares).getByText('区水务和湖泊局')).toBeInTheDocument();
    expect(within(shares).getByText('军山街道')).toBeInTheDocument();
    expect(within(shares).getByText('牵头')).toBeInTheDocument();
    expect(within(shares).getByText('配合')).toBeInTheDocument();
    expect(within(shares).getByLabelText('军山街道完成进度 50%')).toBeInTheDocument();
    expect(within(shares).getByText(ROLL_UP_RULE)).toBeInTheDocument();
    expect(within(second).getByText('2024-06-30')).toBeInTheDocument();

    // the officer's actions follow checkTransition: sign-off on the pending measure, reopen on the done one
    expect(within(second).getByRole('button', { name: '审核通过' })).toBeInTheDocument();
    expect(within(second).getByRole('button', { name: '退回' })).toBeInTheDocument();
    expect(within(second).queryByRole('button', { name: '提交销号' })).not.toBeInTheDocument();
    expect(within(measureCard('一是')).getByRole('button', { name: '重新打开' })).toBeInTheDocument();
    expect(within(measureCard('一是')).queryByRole('button', { name: '审核通过' })).not.toBeInTheDocument();
  });

  it('requires the stage outcome, mechanism and next checkpoint to approve as 视同完成', async () => {
    const fetchMock = stubDetail(officer, {
      [`POST /api/measures/${pending.id}/approve`]: json({ ...pending, status: 'deemed_completed' }),
    });
    const user = userEvent.setup();
    renderApp(`/problems/${detail.id}`);

    await screen.findByRole('heading', { name: '7.‘清四乱’、退垸还湖攻坚不力' });
    await user.click(within(measureCard('二是')).getByRole('button', { name: '审核通过' }));
    const dialog = await findDialog('审核销号申请');
    // a button-style radio: the visible label takes the click
    await user.click(within(dialog).getByText('视同完成，持续整改'));
    await user.click(within(dialog).getByRole('button', { name: '审核通过' }));

    expect(await within(dialog).findByText('视同完成须填写阶段性成果')).toBeInTheDocument();
    expect(within(dialog).getByText('视同完成须填写长效机制')).toBeInTheDocument();
    expect(within(dialog).getByText('视同完成须填写下一检查节点日期')).toBeInTheDocument();
    expect(sentRequests(fetchMock).some((request) => request.method === 'POST')).toBe(false);

    await user.type(within(dialog).getByLabelText('阶段性成果'), '已拆除违建 12 处，恢复水面 33.6 亩');
    await user.type(within(dialog).getByLabelText('长效机制'), '建立河湖长巡查和季度考核制度');
    await typeDate(user, within(dialog).getByLabelText('下一检查节点'), '2099-12-31');
    await user.type(within(dialog).getByLabelText('审核意见'), '同意视同完成');
    await user.click(within(dialog).getByRole('button', { name: '审核通过' }));

    await waitFor(async () =>
      expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/measures/${pending.id}/approve`)).toEqual([
        {
          version: 6,
          outcome: 'deemed_completed',
          opinion: '同意视同完成',
          stageOutcome: '已拆除违建 12 处，恢复水面 33.6 亩',
          longTermMechanism: '建立河湖长巡查和季度考核制度',
          nextCheckpoint: '2099-12-31',
        },
      ]),
    );
    expect(await screen.findByText('已审核通过，措施视同完成')).toBeInTheDocument();
  });

  it('urges the units of a measure from its panel with a message (催办); a signed-off measure offers none', async () => {
    const fetchMock = stubDetail(officer, {
      [`POST /api/measures/${working.id}/urge`]: json(
        { id: 'urge-1', measures: 1, recipients: 2, unreachedUnits: [] },
        201,
      ),
    });
    const user = userEvent.setup();
    renderApp(`/problems/${detail.id}`);

    await screen.findByRole('heading', { name: '7.‘清四乱’、退垸还湖攻坚不力' });
    expect(within(measureCard('一是')).queryByRole('button', { name: '催办' })).not.toBeInTheDocument();
    expect(within(measureCard('三是')).getByText('被催办 2 次')).toBeInTheDocument();
    await user.click(within(measureCard('三是')).getByRole('button', { name: '催办' }));
    const dialog = await findDialog('催办');
    const text = within(dialog).getByLabelText('催办意见');
    await user.clear(text);
    await user.type(text, '请于周五前报送拆除进度。');
    await user.click(within(dialog).getByRole('button', { name: '发送催办' }));

    expect(await screen.findByText('已催办 1 项措施，已通知 2 人')).toBeInTheDocument();
    expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/measures/${working.id}/urge`)).toEqual([
      { message: '请于周五前报送拆除进度。' },
    ]);
  });

  it('opens the conflict dialog on a 409, shows what changed and who changed it, and re-applies', async () => {
    const current = { ...working, problemLabel: '7.', deadline: '2024-10-31', version: 9 };
    let patches = 0;
    const fetchMock = stubDetail(officer, {
      [`PATCH /api/measures/${working.id}`]: () => {
        patches += 1;
        return patches === 1
          ? { status: 409, body: { code: 'VERSION_CONFLICT', message: '数据已被他人修改，请刷新后重试', current } }
          : json({ ...current, deadline: '2024-12-31', version: 10 });
      },
      [`GET /api/measures/${working.id}/history`]: json([
        measureEvent({
          actor: { id: '00000000-0000-4000-8000-0000000000dd', name: '另一位专班干部' },
          actionLabel: '修改',
          occurredAt: '2024-07-01T02:30:00.000Z',
        }),
      ]),
    });
    const user = userEvent.setup();
    renderApp(`/problems/${detail.id}`);

    await screen.findByRole('heading', { name: '7.‘清四乱’、退垸还湖攻坚不力' });
    await user.click(within(measureCard('三是')).getByRole('button', { name: '修改' }));
    const form = await findDialog('修改措施 7.(3)');
    await typeDate(user, within(form).getByLabelText('完成时限'), '2024-12-31');
    await user.click(within(form).getByRole('button', { name: '保存' }));

    const dialog = await findDialog('数据已被他人修改');
    expect(dialog).toHaveTextContent('措施 7.(3) 在您办理“修改措施”期间已被他人修改');
    await within(dialog).findByText('另一位专班干部');
    expect(dialog).toHaveTextContent('最近一次修改：另一位专班干部于 2024-07-01 10:30 修改');
    const row = within(within(dialog).getByRole('table', { name: '修改对比' }))
      .getAllByRole('row')
      .find((element) => element.textContent?.startsWith('完成时限'));
    expect(row).toHaveTextContent('完成时限2024-09-302024-10-312024-12-31');

    await user.click(within(dialog).getByRole('button', { name: '按最新数据重新提交' }));

    await waitFor(() => expect(patches).toBe(2));
    expect(await sentBodies(sentRequests(fetchMock), 'PATCH', `/api/measures/${working.id}`)).toEqual([
      { version: 2, deadline: '2024-12-31' },
      { version: 9, deadline: '2024-12-31' },
    ]);
    expect(await screen.findByText('已按最新数据重新提交：修改措施')).toBeInTheDocument();
  });

  it('offers a unit leader the unit actions only, and submits for sign-off with evidence from the measure', async () => {
    const evidence = attachment({ measureId: working.id, name: '回头看工作方案.pdf' });
    const fetchMock = stubDetail(unitLeader, {
      [`GET /api/measures/${working.id}/attachments`]: json(page([evidence])),
      [`POST /api/measures/${working.id}/submit`]: json({ ...working, status: 'pending_review' }),
    });
    const user = userEvent.setup();
    renderApp(`/problems/${detail.id}`);

    await screen.findByRole('heading', { name: '7.‘清四乱’、退垸还湖攻坚不力' });
    const third = measureCard('三是');
    expect(within(third).getByRole('button', { name: '报送进展' })).toBeInTheDocument();
    expect(within(third).getByRole('button', { name: '申请延期' })).toBeInTheDocument();
    expect(within(third).queryByRole('button', { name: '审核通过' })).not.toBeInTheDocument();
    expect(within(measureCard('一是')).queryByRole('button', { name: '重新打开' })).not.toBeInTheDocument();

    await user.click(within(third).getByRole('button', { name: '提交销号' }));
    const dialog = await findDialog('提交销号申请');
    expect(dialog).toHaveTextContent('涉密材料严禁上传');
    await user.type(within(dialog).getByLabelText('完成情况说明'), '回头看已完成，未发现反弹。');
    await user.click(within(dialog).getByRole('button', { name: '提交销号' }));
    expect(await within(dialog).findByText('请至少选择一份佐证材料')).toBeInTheDocument();

    await user.click(await within(dialog).findByRole('checkbox', { name: /回头看工作方案\.pdf/ }));
    await user.click(within(dialog).getByRole('button', { name: '提交销号' }));

    await waitFor(async () =>
      expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/measures/${working.id}/submit`)).toEqual([
        { note: '回头看已完成，未发现反弹。', attachmentIds: [evidence.id], version: 2 },
      ]),
    );
  });

  it('uploads evidence by drag-and-drop zone to the measure', async () => {
    const uploaded = attachment({ measureId: working.id, name: '验收报告.pdf' });
    const fetchMock = stubDetail(unitLeader, {
      [`POST /api/measures/${working.id}/attachments`]: json(uploaded, 201),
    });
    const user = userEvent.setup();
    renderApp(`/problems/${detail.id}`);

    await screen.findByRole('heading', { name: '7.‘清四乱’、退垸还湖攻坚不力' });
    const third = measureCard('三是');
    await user.click(within(third).getByRole('tab', { name: '佐证材料' }));
    expect(await within(third).findByText('涉密材料严禁上传')).toBeInTheDocument();
    const input = third.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('no file input');
    await user.upload(input, new File(['%PDF-1.4'], '验收报告.pdf', { type: 'application/pdf' }));

    expect(await screen.findByText('已上传：验收报告.pdf')).toBeInTheDocument();
    const upload = sentRequests(fetchMock).find(
      (request) => request.method === 'POST' && request.url.endsWith(`/api/measures/${working.id}/attachments`),
    );
    expect(upload?.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload?.headers.get('X-CSRF-Token')).toBe('csrf-token-1');
  });

  it('stacks the measures as cards on a phone, with their actions', async () => {
    stubDetail(unitLeader);
    setViewportWidth(390);
    renderApp(`/problems/${detail.id}`);

    await screen.findByRole('heading', { name: '7.‘清四乱’、退垸还湖攻坚不力' });
    expect(within(measureCard('三是')).getByRole('button', { name: '报送进展' })).toBeVisible();
  });

  it('goes back to the ledger with the filters the user came from', async () => {
    stubDetail(officer, { 'GET /api/inspections': json(page([])) });
    const user = userEvent.setup();
    const { router } = renderApp(`/problems/${detail.id}`);
    await router.navigate(`/problems/${detail.id}`, { state: { listSearch: '?status=in_progress' } });

    await user.click(await screen.findByRole('button', { name: '返回整改台账' }));

    await waitFor(() => expect(currentUrl(router)).toBe('/problems?status=in_progress'));
  });

  it("shows the API's message for a problem outside the user's scope", async () => {
    stubApi({
      'GET /api/auth/me': json(unitLeader),
      [`GET /api/problems/${detail.id}`]: apiError(404, 'NOT_FOUND', '请求的内容不存在或无权查看'),
    });
    renderApp(`/problems/${detail.id}`);

    expect(await screen.findByText('请求的内容不存在或无权查看')).toBeInTheDocument();
  });
  it('deletes an outcome record after its confirmation, which opens on the first click and keeps the focus', async () => {
    const rule = {
      id: '00000000-0000-4000-8000-0000000000d1',
      problemId: detail.id,
      title: '河湖“四乱”问题常态化排查整治制度',
      role: 'issued',
      issuedOn: '2024-03-01',
      unitId: null,
      version: 1,
    };
    const fetchMock = stubDetail(officer, {
      'GET /api/problems/:id/outcomes': json({
        accountability: [],
        rules: [rule],
        funds: [],
        totals: { people: 0, personTimes: 0, rules: 1, funds: 0 },
      }),
      'DELETE /api/rule-documents/:id': { status: 204, body: undefined },
    });
    const user = userEvent.setup();
    renderApp(`/problems/${detail.id}`);

    // text queries: role queries over the whole page (three measure panels) take seconds each in jsdom
    const rules = (await screen.findByText('《河湖“四乱”问题常态化排查整治制度》')).closest('section')!;
    expect(rules).toHaveAccessibleName('建章立制');
    await user.click(within(rules).getByLabelText('删除制度'));
    const confirm = (await screen.findByText('删除这条制度？')).closest<HTMLElement>('.ant-popover')!;
    expect(within(rules).getByLabelText('删除制度')).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: /删\s*除/ }));
    await waitFor(() =>
      expect(
        sentRequests(fetchMock).some(
          (request) => request.method === 'DELETE' && request.url.endsWith(`/api/rule-documents/${rule.id}`),
        ),
      ).toBe(true),
    );
    expect(await screen.findByText('已删除')).toBeInTheDocument();
  });

  it('lets an officer rate a signed-off problem’s effectiveness (成效评估) with the version read', async () => {
    const saved = {
      problemId: detail.id,
      rating: 'fair',
      ratingLabel: '较好',
      text: '整改基本到位，长效机制尚待检验。',
      evaluatedBy: { id: officer.id, name: officer.displayName },
      evaluatedAt: '2024-03-15T02:00:00.000Z',
      evaluable: true,
      version: 1,
    };
    const fetchMock = stubDetail(officer, {
      'GET /api/problems/:id/effectiveness': json({
        problemId: detail.id,
        rating: null,
        ratingLabel: null,
        text: null,
        evaluatedBy: null,
        evaluatedAt: null,
        evaluable: true,
        version: 0,
      }),
      'PUT /api/problems/:id/effectiveness': json(saved),
    });
    const user = userEvent.setup();
    renderApp(`/problems/${detail.id}`);

    expect(await screen.findByText('该问题已销号，尚未开展成效评估。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /开展评估/ }));
    const form = await screen.findByRole('form', { name: '成效评估' });
    await user.click(within(form).getByRole('button', { name: /保存评估/ }));
    expect(await within(form).findByText('请选择整改成效')).toBeInTheDocument();
    await user.click(within(form).getByText('较好'));
    await user.type(within(form).getByRole('textbox', { name: '评估意见' }), saved.text);
    await user.click(within(form).getByRole('button', { name: /保存评估/ }));

    expect(await screen.findByText('成效较好')).toBeInTheDocument();
    expect(await sentBodies(sentRequests(fetchMock), 'PUT', `/api/problems/${detail.id}/effectiveness`)).toEqual([
      { version: 0, rating: 'fair', text: saved.text },
    ]);
  });

  it('shows a unit leader the evaluation without a way to change it', async () => {
    stubDetail(unitLeader, {
      'GET /api/problems/:id/effectiveness': json({
        problemId: detail.id,
        rating: 'good',
        ratingLabel: '好',
        text: '整改到位。',
        evaluatedBy: { id: officer.id, name: '专班干部' },
        evaluatedAt: '2024-03-15T02:00:00.000Z',
        evaluable: true,
        version: 1,
      }),
    });
    renderApp(`/problems/${detail.id}`);
    expect(await screen.findByText('成效好')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /修改评估/ })).not.toBeInTheDocument();
  });
});
