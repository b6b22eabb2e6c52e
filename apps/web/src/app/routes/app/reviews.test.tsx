import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { attachment, extension, measure, measureEvent, page, sessionUser } from '@/testing/data-generators';
import { json, sentRequests, stubApi } from '@/testing/fake-api';
import { findDialog, renderApp, sentBodies } from '@/testing/test-utils';

const WATER = { id: '00000000-0000-4000-8000-0000000000bb', name: '区水务和湖泊局' };

const submitted = measure({
  problemLabel: '7.',
  seq: 2,
  text: '按计划完成拆除和生态修复。',
  status: 'pending_review',
  statusLabel: '待审核',
  light: 'red',
  version: 4,
  submittedAt: '2024-07-10T02:00:00.000Z',
  units: [{ ...WATER, role: 'lead', status: 'pending_review', statusLabel: '待审核', progress: 100, urges: 0 }],
});
const evidence = attachment({ measureId: submitted.id, name: '拆除验收报告.pdf' });
const request = extension({ version: 2 });

function stubReviews(overrides: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /api/auth/me': json(sessionUser()),
    'GET /api/measures': json(page([submitted])),
    'GET /api/extensions': json(page([request])),
    [`GET /api/measures/${submitted.id}/history`]: json([
      measureEvent({
        action: 'submit',
        actionLabel: '提交销号',
        unit: WATER,
        actor: { id: 'u1', name: '水湖局负责人' },
        opinion: '拆除和生态修复均已完成，附验收报告。',
        attachmentIds: [evidence.id],
      }),
    ]),
    [`GET /api/measures/${submitted.id}/attachments`]: json(page([evidence])),
    ...overrides,
  });
}

describe('待我审核', () => {
  it("lists the submissions with each unit's note and evidence, and approves as 已完成", async () => {
    const fetchMock = stubReviews({
      [`POST /api/measures/${submitted.id}/approve`]: json({ ...submitted, status: 'completed' }),
    });
    const user = userEvent.setup();
    renderApp('/reviews');

    const item = await screen.findByRole('listitem', { name: '销号申请 7.(2)' });
    expect(await within(item).findByText('拆除和生态修复均已完成，附验收报告。')).toBeInTheDocument();
    expect(within(item).getByText('拆除验收报告.pdf')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: /销号审核/ })).toHaveTextContent('1');

    await user.click(within(item).getByRole('button', { name: '通过（已完成）' }));
    const dialog = await findDialog('审核销号申请');
    await user.click(within(dialog).getByRole('button', { name: '审核通过' }));

    await waitFor(async () =>
      expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/measures/${submitted.id}/approve`)).toEqual([
        { version: 4, outcome: 'completed' },
      ]),
    );
  });

  it('asks for the 视同完成 fields before approving as 视同完成', async () => {
    const fetchMock = stubReviews();
    const user = userEvent.setup();
    renderApp('/reviews');

    const item = await screen.findByRole('listitem', { name: '销号申请 7.(2)' });
    await user.click(within(item).getByRole('button', { name: '通过（视同完成）' }));
    const dialog = await findDialog('审核销号申请');
    await user.click(within(dialog).getByRole('button', { name: '审核通过' }));

    expect(await within(dialog).findByText('视同完成须填写阶段性成果')).toBeInTheDocument();
    expect(within(dialog).getByText('视同完成须填写下一检查节点日期')).toBeInTheDocument();
    expect(sentRequests(fetchMock).some((sent) => sent.method === 'POST')).toBe(false);
  });

  it('returns a submission only with a reason', async () => {
    const fetchMock = stubReviews({
      [`POST /api/measures/${submitted.id}/return`]: json({ ...submitted, status: 'in_progress' }),
    });
    const user = userEvent.setup();
    renderApp('/reviews');

    const item = await screen.findByRole('listitem', { name: '销号申请 7.(2)' });
    await user.click(within(item).getByRole('button', { name: '退回' }));
    const dialog = await findDialog('退回销号申请');
    await user.click(within(dialog).getByRole('button', { name: '退回' }));
    expect(await within(dialog).findByText('请填写理由（至少 2 个字）')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('退回理由'), '佐证材料缺少验收签字页');
    await user.click(within(dialog).getByRole('button', { name: '退回' }));
    await waitFor(async () =>
      expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/measures/${submitted.id}/return`)).toEqual([
        { version: 4, reason: '佐证材料缺少验收签字页' },
      ]),
    );
  });

  it('decides extension requests in place: 不同意 needs an opinion, 同意 sends the version', async () => {
    const fetchMock = stubReviews({
      [`POST /api/extensions/${request.id}/refuse`]: json({ ...request, status: 'refused' }),
    });
    const user = userEvent.setup();
    renderApp('/reviews?tab=extensions');

    const item = await screen.findByRole('listitem', { name: '延期申请 7.(2)' });
    expect(item).toHaveTextContent('区水务和湖泊局申请将时限由 2024-06-30 延至 2024-09-30');
    await user.click(within(item).getByRole('button', { name: '不同意' }));
    const dialog = await findDialog('不同意延期');
    await user.click(within(dialog).getByRole('button', { name: '不同意' }));
    expect(await within(dialog).findByText('请填写不同意的理由')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('审批意见'), '理由不充分，请按原时限推进');
    await user.click(within(dialog).getByRole('button', { name: '不同意' }));
    await waitFor(async () =>
      expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/extensions/${request.id}/refuse`)).toEqual([
        { version: 2, opinion: '理由不充分，请按原时限推进' },
      ]),
    );
  });

  it('is for the task force only', async () => {
    stubApi({ 'GET /api/auth/me': json(sessionUser({ roles: ['supervisor'], unitName: '区纪工委' })) });
    renderApp('/reviews');

    expect(await screen.findByText('此页面供整改专班使用')).toBeInTheDocument();
  });
});
