import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@zhenggai/api-client';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { inspection, measure, page, sessionUser, unit } from '@/testing/data-generators';
import { json, sentRequests, stubApi } from '@/testing/fake-api';
import { findDialog, renderApp, sentBodies, typeDate } from '@/testing/test-utils';

type Review = Schemas['CheckpointReviewItemDto'];

const demo = inspection();
const water = unit({ name: '区水务和湖泊局' });
const officer = sessionUser();
const supervisor = sessionUser({ username: 'supervisor', displayName: '纪检监督', roles: ['supervisor'] });

function review(overrides: Partial<Review> = {}): Review {
  return {
    checkpointId: 'a1b2c3d4-0000-4000-8000-000000000001',
    title: '第一阶段检查',
    dueOn: '2024-07-20',
    daysOverdue: 5,
    status: 'pending',
    measureId: 'f1b2c3d4-0000-4000-8000-000000000001',
    problemId: 'd1b2c3d4-0000-4000-8000-000000000001',
    inspectionId: demo.id,
    measureLabel: '7.(2)',
    measureText: '建立河湖长效巡查机制',
    measureStatus: 'deemed_completed',
    measureStatusLabel: '视同完成',
    measureVersion: 6,
    units: [{ id: water.id, name: water.name }],
    outcome: null,
    outcomeLabel: null,
    opinion: null,
    reviewedAt: null,
    reviewedBy: null,
    ...overrides,
  };
}

const due = review();
const reviewed = review({
  checkpointId: 'a1b2c3d4-0000-4000-8000-000000000002',
  status: 'done',
  measureLabel: '8.(1)',
  measureText: '完善泵站运维制度',
  measureStatus: 'completed',
  measureStatusLabel: '已完成',
  daysOverdue: 0,
  outcome: 'reached',
  outcomeLabel: '达到阶段目标',
  opinion: '制度已印发执行。',
  reviewedAt: '2024-07-21T02:00:00.000Z',
  reviewedBy: { id: officer.id, name: '专班干部' },
});

function reviewsApi(request: Request, url: URL) {
  void request;
  return json(page(url.searchParams.get('status') === 'done' ? [reviewed] : [due]));
}

/** Types into a field by pasting: far quicker than key by key through antd's counted text areas. */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

describe('检查节点评估', () => {
  it('lists the due checkpoints for an officer, who reviews one as reached with the next checkpoint', async () => {
    const nextDueOn = dayjs().add(60, 'day').format('YYYY-MM-DD');
    const fetchMock = stubApi({
      'GET /api/auth/me': json(officer),
      'GET /api/inspections': json(page([demo])),
      'GET /api/checkpoint-reviews': reviewsApi,
      'POST /api/measures/:id/checkpoints/:checkpointId/review': json(measure({ id: due.measureId })),
    });
    const user = userEvent.setup();
    renderApp('/checkpoint-reviews');

    const table = await screen.findByRole('table', { name: '待评估检查节点' });
    const row = within(table)
      .getByRole('link', { name: /7\.\(2\) 建立河湖长效巡查机制/ })
      .closest('tr') as HTMLElement;
    expect(within(row).getByRole('link')).toHaveAttribute(
      'href',
      `/problems/${due.problemId}#measure-${due.measureId}`,
    );
    expect(within(row).getByText(water.name)).toBeInTheDocument();
    expect(within(row).getByText('第一阶段检查')).toBeInTheDocument();
    expect(within(row).getByText('2024-07-20')).toBeInTheDocument();
    expect(within(row).getByText('5 天')).toHaveClass('ant-typography-danger');
    const requested = sentRequests(fetchMock).find((request) => request.url.includes('/api/checkpoint-reviews'));
    expect(new URL(requested!.url).searchParams.get('inspectionId')).toBe(demo.id);

    await user.click(within(row).getByRole('button', { name: '评估7.(2)' }));
    const dialog = await findDialog('检查节点评估');
    await user.click(within(dialog).getByRole('button', { name: /提交评估/ }));
    expect(await within(dialog).findByText('请填写评估意见')).toBeInTheDocument();
    expect(within(dialog).getByText('请选择下一检查节点日期，或勾选转为已完成')).toBeInTheDocument();

    await fill(user, within(dialog).getByRole('textbox', { name: '评估意见' }), '阶段目标已达成，继续巩固。');
    await typeDate(user, within(dialog).getByRole('textbox', { name: '下一检查节点日期' }), nextDueOn);
    await fill(user, within(dialog).getByRole('textbox', { name: '下一检查节点名称' }), '第二阶段检查');
    await user.click(within(dialog).getByRole('button', { name: /提交评估/ }));

    expect(await screen.findByText('已评估，已设下一检查节点')).toBeInTheDocument();
    expect(
      await sentBodies(
        sentRequests(fetchMock),
        'POST',
        `/api/measures/${due.measureId}/checkpoints/${due.checkpointId}/review`,
      ),
    ).toEqual([
      {
        version: 6,
        outcome: 'reached',
        opinion: '阶段目标已达成，继续巩固。',
        nextCheckpoint: { dueOn: nextDueOn, title: '第二阶段检查' },
      },
    ]);
  }, 60_000);

  it('signs a measure off when reached and 转为已完成 is ticked, and sends a missed review without a checkpoint', async () => {
    const fetchMock = stubApi({
      'GET /api/auth/me': json(officer),
      'GET /api/inspections': json(page([demo])),
      'GET /api/checkpoint-reviews': reviewsApi,
      'POST /api/measures/:id/checkpoints/:checkpointId/review': json(measure({ id: due.measureId })),
    });
    const user = userEvent.setup();
    renderApp('/checkpoint-reviews');
    const path = `/api/measures/${due.measureId}/checkpoints/${due.checkpointId}/review`;

    await user.click(await screen.findByRole('button', { name: '评估7.(2)' }));
    let dialog = await findDialog('检查节点评估');
    await fill(user, within(dialog).getByRole('textbox', { name: '评估意见' }), '长效机制运行良好。');
    await user.click(within(dialog).getByRole('checkbox', { name: /转为已完成/ }));
    expect(within(dialog).queryByRole('textbox', { name: '下一检查节点日期' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: /提交评估/ }));
    expect(await screen.findByText('已评估，措施转为已完成')).toBeInTheDocument();
    await waitFor(() => expect(document.querySelector('.ant-modal-wrap')).toBeNull());

    await user.click(await screen.findByRole('button', { name: '评估7.(2)' }));
    dialog = await findDialog('检查节点评估');
    await user.click(within(dialog).getByRole('radio', { name: '未达到' }));
    expect(within(dialog).queryByRole('checkbox', { name: /转为已完成/ })).not.toBeInTheDocument();
    await fill(user, within(dialog).getByRole('textbox', { name: '评估意见' }), '巡查记录缺失。');
    await user.click(within(dialog).getByRole('button', { name: /提交评估/ }));
    expect(await screen.findByText('已评估为未达到，措施已退回推进中')).toBeInTheDocument();

    expect(await sentBodies(sentRequests(fetchMock), 'POST', path)).toEqual([
      { version: 6, outcome: 'reached', opinion: '长效机制运行良好。', complete: true },
      { version: 6, outcome: 'missed', opinion: '巡查记录缺失。' },
    ]);
  }, 60_000);

  it('shows a supervisor both lists read-only', async () => {
    const user = userEvent.setup();
    stubApi({
      'GET /api/auth/me': json(supervisor),
      'GET /api/inspections': json(page([demo])),
      'GET /api/checkpoint-reviews': reviewsApi,
    });
    renderApp('/checkpoint-reviews');

    expect(await screen.findByRole('table', { name: '待评估检查节点' })).toHaveTextContent('建立河湖长效巡查机制');
    expect(screen.getByText('只读')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /评估/ })).not.toBeInTheDocument();

    await user.click(screen.getByText('已评估'));
    const done = await screen.findByRole('table', { name: '已评估检查节点' });
    await waitFor(() => expect(done).toHaveTextContent('完善泵站运维制度'));
    expect(within(done).getByText('达到阶段目标')).toHaveClass('ant-tag-green');
    expect(within(done).getByText('制度已印发执行。')).toBeInTheDocument();
  });
});
