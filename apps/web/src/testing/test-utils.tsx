import { render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppProvider } from '@/app/provider';
import { routes } from '@/app/router';
import { createQueryClient } from '@/lib/react-query';

/** Renders the real route tree at `url`, with the real providers; only fetch is faked (see fake-api.ts). */
export function renderApp(url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const queryClient = createQueryClient();
  const view = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, router, queryClient };
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
