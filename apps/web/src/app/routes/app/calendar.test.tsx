import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { measure, page, sessionUser } from '@/testing/data-generators';
import { json, stubApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/test-utils';

const WATER = { id: '00000000-0000-4000-8000-0000000000bb', name: '区水务和湖泊局' };
const ECONOMY = { id: '00000000-0000-4000-8000-0000000000ee', name: '区经济和信息化局' };

const overdue = measure({
  problemLabel: '7.',
  seq: 2,
  status: 'in_progress',
  statusLabel: '推进中',
  light: 'red',
  deadline: '2024-06-30',
  leadUnit: WATER,
  units: [{ ...WATER, role: 'lead', status: 'in_progress', statusLabel: '推进中', progress: 40, urges: 0 }],
});
const later = measure({
  problemLabel: '9.',
  seq: 1,
  light: 'green',
  deadline: '2024-06-12',
  leadUnit: ECONOMY,
  units: [
    { ...ECONOMY, role: 'lead', status: 'in_progress', statusLabel: '推进中', progress: 10, urges: 0 },
    { ...WATER, role: 'co', status: 'not_started', statusLabel: '未启动', progress: 0, urges: 0 },
  ],
});
const longTerm = measure({ problemLabel: '20.', seq: 3, light: 'green', deadline: null, term: 'long_term' });

describe('时限日历', () => {
  it('puts each measure on its deadline in the month, coloured by its light, and lists the chosen day', async () => {
    stubApi({
      'GET /api/auth/me': json(sessionUser()),
      'GET /api/measures': json(page([later, overdue, longTerm])),
      'GET /api/units': json([]),
    });
    const user = userEvent.setup();
    renderApp('/calendar?month=2024-06');

    const item = await screen.findByText('7.(2) 区水务和湖泊局');
    expect(item).toHaveClass('zg-cal-item-red');
    expect(screen.getByText('9.(1) 区经济和信息化局')).toHaveClass('zg-cal-item-green');
    expect(screen.getByText('另有 1 项长期坚持的措施未设完成时限，不在日历中显示。')).toBeInTheDocument();

    await user.click(screen.getByTitle('2024-06-30'));
    const agenda = screen.getByRole('region', { name: '当日到期措施' });
    expect(agenda).toHaveTextContent('2024年6月30日');
    expect(within(agenda).getByRole('link', { name: /7\.\(2\)/ })).toHaveAttribute(
      'href',
      `/problems/${overdue.problemId}#measure-${overdue.id}`,
    );
  });

  it('shows each unit as a row of dated markers, co-units included', async () => {
    stubApi({
      'GET /api/auth/me': json(sessionUser()),
      'GET /api/measures': json(page([later, overdue])),
      'GET /api/units': json([]),
    });
    const user = userEvent.setup();
    renderApp('/calendar?month=2024-06');

    await screen.findByText('7.(2) 区水务和湖泊局');
    await user.click(screen.getByRole('tab', { name: '按单位' }));

    const chart = await screen.findByRole('figure', { name: '各单位措施时限分布' });
    expect(
      within(chart).getByRole('link', { name: '区水务和湖泊局 措施 7.(2)，时限 2024-06-30，推进中' }),
    ).toBeInTheDocument();
    expect(within(chart).getByRole('link', { name: /^区水务和湖泊局 措施 9\.\(1\)/ })).toBeInTheDocument();
    expect(within(chart).getByRole('link', { name: /^区经济和信息化局 措施 9\.\(1\)/ })).toBeInTheDocument();
  });
});
