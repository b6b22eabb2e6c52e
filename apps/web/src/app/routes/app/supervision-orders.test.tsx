import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@zhenggai/api-client';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { attachment, measure, page, sessionUser, unit } from '@/testing/data-generators';
import { apiError, json, sentRequests, stubApi } from '@/testing/fake-api';
import { chooseOption, findDialog, renderApp, sentBodies, typeDate, waitForLoaded } from '@/testing/test-utils';
import { setViewportWidth } from '@/testing/viewport';

type Order = Schemas['SupervisionOrderDto'];

const water = unit({ name: '区水务和湖泊局' });
const officer = sessionUser();
const unitLeader = sessionUser({
  username: 'unitlead',
  displayName: '李娜',
  roles: ['unit_leader'],
  unitIds: [water.id],
  unitName: water.name,
});

function order(overrides: Partial<Order> = {}): Order {
  return {
    id: 'b1b2c3d4-0000-4000-8000-000000000001',
    number: '督办〔2024〕1号',
    year: 2024,
    seq: 1,
    unit: { id: water.id, name: water.name },
    body: '请于期限内报送“清四乱”整改进展及佐证材料。',
    replyBy: '2024-07-31',
    status: 'open',
    statusLabel: '待回复',
    issuedBy: { id: officer.id, name: '专班干部' },
    issuedAt: '2024-07-18T02:00:00.000Z',
    replyBody: null,
    replyAttachmentIds: [],
    replyAttachments: [],
    repliedBy: null,
    repliedAt: null,
    measures: [
      {
        id: 'c1b2c3d4-0000-4000-8000-000000000001',
        problemId: 'd1b2c3d4-0000-4000-8000-000000000001',
        label: '7.(1)',
        text: '开展“清四乱”专项行动',
        deadline: '2024-10-31',
      },
    ],
    version: 1,
    ...overrides,
  };
}

const open = order();
const overdue = order({
  id: 'b1b2c3d4-0000-4000-8000-000000000002',
  number: '督办〔2024〕2号',
  status: 'overdue',
  statusLabel: '逾期',
});
const replied = order({
  id: 'b1b2c3d4-0000-4000-8000-000000000003',
  number: '督办〔2024〕3号',
  status: 'replied',
  statusLabel: '已回复',
  replyBody: '已完成清理。',
  repliedBy: { id: unitLeader.id, name: '李娜' },
  repliedAt: '2024-07-20T02:00:00.000Z',
});

const unfinished = measure({ seq: 1, text: '开展“清四乱”专项行动', status: 'in_progress' });
const finished = measure({ seq: 2, text: '建立长效巡查机制', status: 'completed', statusLabel: '已完成' });

describe('督办单', () => {
  it('lists the orders with their status for an officer, who issues one and sees the API’s field error', async () => {
    const replyBy = dayjs().add(7, 'day').format('YYYY-MM-DD');
    const fetchMock = stubApi({
      'GET /api/auth/me': json(officer),
      'GET /api/supervision-orders': json(page([open, overdue, replied])),
      'GET /api/units': json([water]),
      'GET /api/measures': json(page([unfinished, finished])),
      'POST /api/supervision-orders': apiError(400, 'VALIDATION_FAILED', '提交的内容有误', {
        measureIds: ['所选措施不属于该单位或已完成'],
      }),
    });
    const user = userEvent.setup();
    renderApp('/supervision-orders');

    const table = await screen.findByRole('table');
    await waitForLoaded();
    const row = within(table).getByText('督办〔2024〕2号').closest('tr') as HTMLElement;
    expect(within(row).getByText('逾期')).toHaveClass('ant-tag-red');
    expect(within(row).getByText('区水务和湖泊局')).toBeInTheDocument();
    expect(within(row).getByText('7.(1)')).toBeInTheDocument();
    expect(within(table).getByText('待回复')).toHaveClass('ant-tag-blue');
    expect(within(table).getByText('已回复')).toHaveClass('ant-tag-green');

    await user.click(screen.getByRole('button', { name: /下发督办单/ }));
    const dialog = await findDialog('下发督办单');
    await chooseOption(user, within(dialog).getByRole('combobox', { name: '督办单位' }), water.name);
    await waitForLoaded();
    const measures = within(dialog).getByRole('combobox', { name: '督办事项' });
    await chooseOption(user, measures, '7.(1) 开展“清四乱”专项行动');
    await user.click(measures);
    expect(document.querySelector('.ant-select-item-option[title="7.(2) 建立长效巡查机制"]')).not.toBeInTheDocument();
    await typeDate(user, within(dialog).getByRole('textbox', { name: '回复期限' }), replyBy);
    await user.type(within(dialog).getByRole('textbox', { name: '督办要求' }), '请于期限内报送整改进展。');
    await user.click(within(dialog).getByRole('button', { name: /下\s*发/ }));

    expect(await within(dialog).findByText('所选措施不属于该单位或已完成')).toBeInTheDocument();
    expect(await sentBodies(sentRequests(fetchMock), 'POST', '/api/supervision-orders')).toEqual([
      { unitId: water.id, measureIds: [unfinished.id], replyBy, body: '请于期限内报送整改进展。' },
    ]);
  });

  it('lets a unit leader at phone width open an order from its link and reply with evidence', async () => {
    setViewportWidth(390);
    const report = attachment({ measureId: open.measures[0].id, name: '清四乱整改报告.pdf', size: 2048 });
    let current = open;
    const fetchMock = stubApi({
      'GET /api/auth/me': json(unitLeader),
      'GET /api/supervision-orders/:id': () => json(current),
      'GET /api/measures/:id/attachments': json(page([report])),
      'POST /api/supervision-orders/:id/reply': () => {
        current = {
          ...open,
          status: 'replied',
          statusLabel: '已回复',
          replyBody: '已完成清理，佐证材料已上传。',
          replyAttachmentIds: [report.id],
          replyAttachments: [
            {
              id: report.id,
              measureId: report.measureId,
              name: report.name,
              size: report.size,
              mimeType: report.mimeType,
            },
          ],
          repliedBy: { id: unitLeader.id, name: '李娜' },
          repliedAt: '2024-07-20T02:00:00.000Z',
          version: 2,
        };
        return json(current);
      },
    });
    const user = userEvent.setup();
    renderApp(`/supervision-orders/${open.id}`);

    expect(await screen.findByRole('heading', { name: '督办〔2024〕1号' })).toBeInTheDocument();
    expect(screen.getByText('待回复')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /开展“清四乱”专项行动/ })).toHaveAttribute(
      'href',
      `/problems/${open.measures[0].problemId}#measure-${open.measures[0].id}`,
    );
    expect(screen.getByRole('link', { name: /下载督办单（Word）/ })).toHaveAttribute(
      'href',
      `/api/supervision-orders/${open.id}/document.docx`,
    );

    // the reply form loads after the order shows (lazy: only the unit that may reply needs it)
    await user.type(await screen.findByRole('textbox', { name: '回复内容' }), '已完成清理，佐证材料已上传。');
    const evidence = await screen.findByRole('group', { name: /7\.\(1\) 开展“清四乱”专项行动 的佐证材料/ });
    await user.click(within(evidence).getByRole('checkbox', { name: /清四乱整改报告\.pdf/ }));
    expect(screen.getByText('点击或将文件拖到此处上传佐证材料')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '提交回复' }));

    expect(await screen.findByText('已回复')).toBeInTheDocument();
    expect(screen.getByText('已完成清理，佐证材料已上传。')).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: '回复佐证材料' })).getByRole('button', { name: /清四乱整改报告\.pdf/ }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交回复' })).not.toBeInTheDocument();
    expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/supervision-orders/${open.id}/reply`)).toEqual([
      { body: '已完成清理，佐证材料已上传。', attachmentIds: [report.id] },
    ]);
  });

  it('tells the unit when the order was already replied (409) and shows the stored reply', async () => {
    let current = open;
    stubApi({
      'GET /api/auth/me': json(unitLeader),
      'GET /api/supervision-orders/:id': () => json(current),
      'POST /api/supervision-orders/:id/reply': () => {
        current = { ...replied, id: open.id, number: open.number };
        return apiError(409, 'TRANSITION_NOT_ALLOWED', '该督办单已回复，不能重复回复');
      },
    });
    const user = userEvent.setup();
    renderApp(`/supervision-orders/${open.id}`);

    await user.type(await screen.findByRole('textbox', { name: '回复内容' }), '补充回复');
    await user.click(screen.getByRole('button', { name: '提交回复' }));

    expect(await screen.findByText('该督办单已回复，不能重复回复')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('已回复')).toBeInTheDocument());
    expect(screen.getByText('已完成清理。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交回复' })).not.toBeInTheDocument();
  });
});
