import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@zhenggai/api-client';
import { describe, expect, it } from 'vitest';
import { sessionUser } from '@/testing/data-generators';
import { json, sentRequests, stubApi } from '@/testing/fake-api';
import { findDialog, renderApp, waitForLoaded } from '@/testing/test-utils';

const unit = (id: string, name: string, parentId: string | null, sortOrder = 1): Schemas['UnitDto'] => ({
  id,
  parentId,
  name,
  shortName: null,
  kind: '部门',
  sortOrder,
  measureCount: 2,
  version: 1,
});

const units = [
  unit('root', '中共武汉经开区党工委', null),
  unit('water', '区水务和湖泊局', 'root', 2),
  unit('office', '局办公室', 'water', 1),
  unit('finance', '区财政局', 'root', 1),
];

describe('单位管理', () => {
  it('renders the units as a nested tree and lists the people of the selected unit', async () => {
    const fetchMock = stubApi({
      'GET /api/auth/me': json(sessionUser({ roles: ['system_admin'], unitName: null })),
      'GET /api/units': json(units),
      'GET /api/persons': json([
        {
          id: 'p1',
          name: '李四',
          title: '局长',
          unitId: 'water',
          unitName: '区水务和湖泊局',
          isLeader: true,
          version: 1,
        },
      ]),
    });
    const user = userEvent.setup();
    renderApp('/admin/units');

    const tree = await screen.findByRole('tree', { name: '单位树' });
    const nodes = [...tree.querySelectorAll('.ant-tree-treenode')].map((node) => ({
      name: node.querySelector('.ant-tree-title')?.textContent,
      level: node.querySelectorAll('.ant-tree-indent-unit').length,
    }));
    expect(nodes).toEqual([
      { name: '中共武汉经开区党工委', level: 0 },
      { name: '区财政局', level: 1 },
      { name: '区水务和湖泊局', level: 1 },
      { name: '局办公室', level: 2 },
    ]);

    await user.click(within(tree).getByText('区水务和湖泊局'));
    expect(await screen.findByText(/李四/)).toBeInTheDocument();
    await waitFor(() =>
      expect(
        sentRequests(fetchMock).some((request) => new URL(request.url).searchParams.get('unitId') === 'water'),
      ).toBe(true),
    );
  });

  it('on a 409 compares the unit as seen, as it is now and as edited, and re-applies only when asked', async () => {
    const current = { ...units[1], name: '区水务局', parentId: 'finance', version: 2 };
    let patches = 0;
    const fetchMock = stubApi({
      'GET /api/auth/me': json(sessionUser({ roles: ['system_admin'], unitName: null })),
      'GET /api/units': json(units),
      'GET /api/persons': json([]),
      'PATCH /api/units/water': () => {
        patches += 1;
        return patches === 1
          ? json({ code: 'VERSION_CONFLICT', message: '数据已被他人修改，请刷新后重试', current }, 409)
          : json({ ...current, kind: '局', version: 3 });
      },
    });
    const user = userEvent.setup();
    renderApp('/admin/units');
    const tree = await screen.findByRole('tree', { name: '单位树' });
    await user.click(within(tree).getByText('区水务和湖泊局'));
    await waitForLoaded();
    await user.click(await screen.findByRole('button', { name: /^编\s?辑$/ }));
    const form = await findDialog('编辑单位 区水务和湖泊局');
    const kind = within(form).getByLabelText('单位类型');
    await user.clear(kind);
    await user.type(kind, '局');
    await user.click(within(form).getByText(/^保\s?存$/));

    const dialog = await findDialog('数据已被他人修改');
    const table = within(dialog).getByRole('table', { name: '修改对比' });
    const rowOf = (label: string) => within(table).getByText(label).closest('tr') as HTMLElement;
    expect(within(rowOf('单位名称')).getByText('区水务局')).toBeInTheDocument();
    expect(within(rowOf('上级单位')).getByText('区财政局')).toBeInTheDocument();
    expect(within(rowOf('单位类型')).getByText('局')).toBeInTheDocument();
    expect(patches).toBe(1);

    await user.click(within(dialog).getByRole('button', { name: '按最新数据重新提交' }));
    await waitFor(() => expect(patches).toBe(2));
    const bodies = await Promise.all(
      sentRequests(fetchMock)
        .filter((request) => request.method === 'PATCH')
        .map((request) => request.clone().json() as Promise<Record<string, unknown>>),
    );
    expect(bodies.map((body) => body.version)).toEqual([1, 2]);
    // the re-applied change carries the user's edit on top of the other person's
    // only the user's own change is re-applied, never the stale name and parent they happened to see
    expect(bodies[1]).toEqual({ kind: '局', version: 2 });
  });
});
