import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@zhenggai/api-client';
import { describe, expect, it } from 'vitest';
import { sessionUser } from '@/testing/data-generators';
import { json, sentRequests, stubApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/test-utils';

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
});
