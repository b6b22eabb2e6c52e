import type { QueryClient } from '@tanstack/react-query';
import { render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppProvider } from '@/app/provider';
import { routes } from '@/app/router';
import { createQueryClient } from '@/lib/react-query';

// the query client of the app the current test rendered, read by waitForLoaded()
let renderedQueryClient: QueryClient | null = null;

/**
 * Renders the real route tree at `url`, with the real providers; only fetch is faked (see fake-api.ts). Ant Design's
 * motion is off, so no test waits on an animation (a closing dialog or dropdown is gone at once).
 */
export function renderApp(url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const queryClient = createQueryClient();
  renderedQueryClient = queryClient;
  const view = render(
    <AppProvider queryClient={queryClient}>
      <ConfigProvider theme={{ token: { motion: false } }}>
        <RouterProvider router={router} />
      </ConfigProvider>
    </AppProvider>,
  );
  return { ...view, router, queryClient };
}

/**
 * Waits until every query of the rendered app has its answer and no loading spinner covers the page. Call it after
 * anything that makes a list reload (a filter, a page, a saved change) and before clicking in what the new answer
 * renders: while a table refetches, antd lays a spinner over the old rows and they take no clicks
 * (`pointer-events: none`), so a click that comes too early fails at random on a busy machine.
 */
export async function waitForLoaded(): Promise<void> {
  await waitFor(() => {
    const fetching = renderedQueryClient?.isFetching() ?? 0;
    if (fetching > 0) throw new Error(`${fetching} queries still loading`);
    if (document.querySelector('.ant-spin-spinning')) throw new Error('a loading spinner is still shown');
  });
}

export function currentUrl(router: ReturnType<typeof createMemoryRouter>): string {
  return `${router.state.location.pathname}${router.state.location.search}`;
}

type User = ReturnType<typeof userEvent.setup>;

/** Opens an antd Select and picks the option with this title (antd renders options in a portal). */
export async function chooseOption(user: User, combobox: HTMLElement, title: string): Promise<void> {
  await user.click(combobox);
  const option = await waitFor(() => {
    const element = document.querySelector<HTMLElement>(
      `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`,
    );
    if (!element) throw new Error(`option ${title} not rendered yet`);
    return element;
  });
  await user.click(option);
}

/** Types a date into an antd DatePicker and confirms it. */
export async function typeDate(user: User, input: HTMLElement, date: string): Promise<void> {
  await user.click(input);
  await user.clear(input);
  await user.type(input, `${date}{Enter}`);
}

/** The JSON bodies the app sent to `METHOD path` (path without the query). */
export async function sentBodies(requests: Request[], method: string, pathname: string): Promise<unknown[]> {
  const matching = requests.filter(
    (request) => request.method === method && new URL(request.url).pathname === pathname,
  );
  return Promise.all(matching.map((request) => request.clone().json() as Promise<unknown>));
}

/**
 * The open antd dialog with this title. (antd gives every element the same id "test-id" under test, so a
 * dialog's aria-labelledby does not name it and findByRole('dialog', { name }) cannot be used.)
 */
export async function findDialog(title: string | RegExp): Promise<HTMLElement> {
  return waitFor(() => {
    const dialog = [...document.querySelectorAll<HTMLElement>('[role="dialog"]')].find((element) => {
      const text = element.querySelector('.ant-modal-title')?.textContent ?? '';
      return typeof title === 'string' ? text === title : title.test(text);
    });
    if (!dialog) throw new Error(`dialog ${String(title)} not open`);
    return dialog;
  });
}
