import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { inspection, page, sessionUser } from '@/testing/data-generators';
import { apiError, json, sentRequests, stubApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/test-utils';

const round4 = inspection({ title: '十二届省委第四轮巡视整改' });
const round5 = inspection({ title: '十二届省委第五轮巡视整改', round: 5, group: '省委第二巡视组' });

const COLUMNS = { 问题编号: 'A', 措施序号: 'B', 整改措施: 'C', 牵头单位: 'F', 完成时限: 'H' };

const withErrors = {
  dryRun: true,
  sheet: '整改台账',
  headerRow: 2,
  columns: COLUMNS,
  creates: [],
  updates: [
    {
      row: 3,
      problemLabel: '7.',
      measureSeq: 1,
      measureId: '00000000-0000-4000-8000-0000000000f1',
      fields: ['整改措施'],
    },
  ],
  unchanged: 40,
  errors: [{ row: 9, column: '牵头单位', message: '单位“区水务局”不存在，请先在单位管理中添加' }],
  committed: false,
};

const clean = {
  ...withErrors,
  creates: [{ row: 10, problemLabel: '7.', measureSeq: 4, measureId: null, fields: ['整改措施', '牵头单位'] }],
  errors: [],
};

const xlsx = (name: string) =>
  new File(['PK'], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

function stubLedgerImport(overrides: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /api/auth/me': json(sessionUser()),
    'GET /api/inspections': json(page([round5, round4])),
    'GET /api/measures': json(page([], { total: 0 })),
    'GET /api/extensions': json(page([], { total: 0 })),
    ...overrides,
  });
}

const importCalls = (fetchMock: ReturnType<typeof stubApi>) =>
  sentRequests(fetchMock).filter(
    (request) => request.method === 'POST' && request.url.includes('/imports/ledger.xlsx'),
  );

describe('导入整改台账', () => {
  it('checks the workbook first, shows the row errors, then imports a corrected one and reports the counts', async () => {
    let checks = 0;
    const fetchMock = stubLedgerImport({
      'POST /api/inspections/:id/imports/ledger.xlsx': (_request, url) => {
        if (url.searchParams.get('dryRun') === 'false') return json({ ...clean, dryRun: false, committed: true });
        checks += 1;
        return json(checks === 1 ? withErrors : clean);
      },
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/imports/ledger?inspectionId=${round4.id}`);

    expect(await screen.findByText('十二届省委第四轮巡视整改')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '检查表格' }));
    expect(await screen.findByText('请选择要导入的台账文件（.xlsx）')).toBeInTheDocument();

    const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!;
    await user.upload(fileInput(), xlsx('台账.xlsx'));
    await user.click(screen.getByRole('button', { name: '检查表格' }));

    const errors = await screen.findByRole('table', { name: '表格错误' });
    expect(errors).toHaveTextContent('9');
    expect(errors).toHaveTextContent('单位“区水务局”不存在，请先在单位管理中添加');
    expect(screen.getByRole('group', { name: '导入计划' })).toHaveTextContent('修改措施1项');
    expect(screen.getByText('牵头单位：F')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '确认导入' })).toBeDisabled();

    await user.upload(fileInput(), xlsx('台账（已修改）.xlsx'));
    // a new file makes the old plan stale
    expect(screen.queryByRole('table', { name: '表格错误' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '检查表格' }));
    const changes = await screen.findByRole('table', { name: '将要写入的修改' });
    expect(within(changes).getByText('7.(4)')).toBeInTheDocument();
    expect(within(changes).getByText('新增')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '确认导入' }));
    expect(await screen.findByText('新增措施 1 项，修改措施 1 项，40 行无变化。')).toBeInTheDocument();

    const calls = importCalls(fetchMock);
    expect(calls.map((request) => new URL(request.url).searchParams.get('dryRun'))).toEqual(['true', 'true', 'false']);
    expect(calls.every((request) => new URL(request.url).pathname.includes(round4.id))).toBe(true);

    await user.click(screen.getByRole('link', { name: '查看整改台账' }));
    await waitFor(() => expect(currentUrl(router)).toBe(`/problems?inspectionId=${round4.id}`));
  }, 60_000);

  it('sends the column mapping and shows its errors, and reports rows refused at commit', async () => {
    const fetchMock = stubLedgerImport({
      'POST /api/inspections/:id/imports/ledger.xlsx': async (request, url) => {
        if (url.searchParams.get('dryRun') === 'false')
          return apiError(422, 'IMPORT_ROWS_INVALID', '导入的表格有错误，未写入任何数据，请修改后重试', {
            '第10行·牵头单位': ['单位“区水务和湖泊局”已删除'],
          });
        const body = await request.clone().text();
        return body.includes('"牵头单位":"主办单位"')
          ? apiError(400, 'VALIDATION_FAILED', '列对应关系不正确', {
              mapping: ['未找到“牵头单位”对应的列“主办单位”'],
            })
          : json(clean);
      },
    });
    const user = userEvent.setup();
    renderApp('/imports/ledger');

    await screen.findByRole('button', { name: '检查表格' });
    await user.upload(document.querySelector<HTMLInputElement>('input[type="file"]')!, xlsx('台账.xlsx'));
    await user.click(screen.getByRole('button', { name: /列对应关系/ }));
    await user.type(await screen.findByLabelText('牵头单位'), '主办单位');
    await user.type(screen.getByLabelText('表头所在行'), '2');
    await user.click(screen.getByRole('button', { name: '检查表格' }));

    expect(await screen.findByRole('list', { name: '列对应关系错误' })).toHaveTextContent(
      '未找到“牵头单位”对应的列“主办单位”',
    );
    const sent = await importCalls(fetchMock)[0].clone().text();
    expect(sent).toContain('{"牵头单位":"主办单位","headerRow":2}');
    // the newest inspection is the default
    expect(new URL(importCalls(fetchMock)[0].url).pathname).toBe(`/api/inspections/${round5.id}/imports/ledger.xlsx`);

    await user.clear(screen.getByLabelText('牵头单位'));
    await user.type(screen.getByLabelText('牵头单位'), 'F');
    await user.click(screen.getByRole('button', { name: '检查表格' }));
    await screen.findByRole('table', { name: '将要写入的修改' });
    await user.click(screen.getByRole('button', { name: '确认导入' }));

    expect(await screen.findByText('导入的表格有错误，未写入任何数据，请修改后重试')).toBeInTheDocument();
    const refused = await screen.findByRole('table', { name: '表格错误' });
    expect(refused).toHaveTextContent('10');
    expect(refused).toHaveTextContent('单位“区水务和湖泊局”已删除');
    expect(screen.queryByRole('button', { name: '确认导入' })).not.toBeInTheDocument();
  }, 60_000);

  it('shows the no-access page to a unit leader', async () => {
    stubApi({ 'GET /api/auth/me': json(sessionUser({ roles: ['unit_leader'], unitName: '区水务和湖泊局' })) });
    renderApp('/imports/ledger');
    expect(await screen.findByText('此页面供整改专班使用')).toBeInTheDocument();
  });
});
