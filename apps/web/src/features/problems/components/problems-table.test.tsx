import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { describe, expect, it } from 'vitest';
import { AppProvider } from '@/app/provider';
import { problem } from '@/testing/data-generators';
import { ProblemsTable } from './problems-table';

const TEN_THOUSAND = Array.from({ length: 10_000 }, (_, index) =>
  problem({
    id: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
    seq: index + 1,
    label: `${index + 1}.`,
    title: `问题 ${index + 1}`,
  }),
);

function renderLedger(items = TEN_THOUSAND) {
  const router = createMemoryRouter(
    [
      {
        path: '/problems',
        element: (
          <ProblemsTable
            items={items}
            total={items.length}
            page={1}
            pageSize={items.length}
            loading={false}
            listSearch=""
            onPageChange={() => {}}
          />
        ),
      },
      { path: '/problems/:id', element: <p>问题详情</p> },
    ],
    { initialEntries: ['/problems'] },
  );
  render(
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return router;
}

/** The problem rows in the DOM (a virtual table draws only those in view). */
function renderedRows(): HTMLElement[] {
  return [...screen.getByRole('region', { name: '问题列表' }).querySelectorAll<HTMLElement>('[data-row-key]')];
}

describe('整改台账 with 10,000 problems', () => {
  it('keeps only a window of rows in the DOM, and scrolling reaches any row', async () => {
    const router = renderLedger();
    await screen.findByRole('link', { name: '问题 1' });
    expect(renderedRows().length).toBeGreaterThan(0);
    expect(renderedRows().length).toBeLessThan(200);
    expect(document.querySelectorAll('tr').length).toBeLessThan(200);
    expect(screen.queryByRole('link', { name: '问题 5000' })).not.toBeInTheDocument();

    // scroll the body far down: the rows there are drawn instead of the first ones, still only a window of them
    const holder = document.querySelector<HTMLElement>('.ant-table-tbody-virtual-holder');
    expect(holder).not.toBeNull();
    holder!.scrollTop = 200_000;
    fireEvent.scroll(holder!);
    await waitFor(() => expect(screen.queryByRole('link', { name: '问题 1' })).not.toBeInTheDocument());
    const seqs = renderedRows().map((row) => TEN_THOUSAND.findIndex((each) => each.id === row.dataset.rowKey) + 1);
    expect(Math.min(...seqs)).toBeGreaterThan(1000);
    expect(renderedRows().length).toBeLessThan(200);

    // a row reached by scrolling works like any other: its link takes the keyboard focus and opens the problem
    const target = TEN_THOUSAND[Math.min(...seqs)];
    const link = screen.getByRole('link', { name: target.title });
    link.focus();
    expect(link).toHaveFocus();
    await userEvent.setup().keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/problems/${target.id}`));
  });

  it('keeps the plain table markup for a normal page', async () => {
    renderLedger(TEN_THOUSAND.slice(0, 50));
    await screen.findByRole('link', { name: '问题 50' });
    expect(document.querySelectorAll('tr[data-row-key]')).toHaveLength(50);
  });
});
