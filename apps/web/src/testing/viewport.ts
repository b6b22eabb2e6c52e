// jsdom has no matchMedia; antd's Grid.useBreakpoint and responsive table columns need it. These stubs answer
// min/max-width queries from a viewport width the test sets, and tell listeners when it changes.
type Listener = (event: { matches: boolean; media: string }) => void;

interface StubList {
  media: string;
  matches: boolean;
  listeners: Set<Listener>;
}

export const DEFAULT_VIEWPORT_WIDTH = 1280;

let width = DEFAULT_VIEWPORT_WIDTH;
const lists = new Set<StubList>();
const viewportListeners = new Set<() => void>();

/** Calls `listener` whenever a test resizes the pretend viewport (media rules may then match differently). */
export function onViewportChange(listener: () => void): void {
  viewportListeners.add(listener);
}

function evaluate(query: string): boolean {
  const min = /min-width:\s*([\d.]+)px/.exec(query);
  const max = /max-width:\s*([\d.]+)px/.exec(query);
  return (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
}

function matchMedia(query: string): MediaQueryList {
  const list: StubList = { media: query, matches: evaluate(query), listeners: new Set() };
  lists.add(list);
  const add = (listener: Listener) => list.listeners.add(listener);
  const remove = (listener: Listener) => list.listeners.delete(listener);
  return {
    get matches() {
      return list.matches;
    },
    media: query,
    onchange: null,
    addListener: add,
    removeListener: remove,
    addEventListener: (_type: string, listener: Listener) => add(listener),
    removeEventListener: (_type: string, listener: Listener) => remove(listener),
    dispatchEvent: () => false,
  } as unknown as MediaQueryList;
}

export function installMatchMedia(): void {
  Object.defineProperty(window, 'matchMedia', { writable: true, configurable: true, value: matchMedia });
}

/** Resizes the pretend viewport, e.g. to 390 for a phone, and notifies every media query listener whose answer changed. */
export function setViewportWidth(next: number): void {
  width = next;
  Object.defineProperty(window, 'innerWidth', { writable: true, configurable: true, value: next });
  for (const listener of viewportListeners) listener();
  for (const list of lists) {
    const matches = evaluate(list.media);
    if (matches === list.matches) continue;
    list.matches = matches;
    for (const listener of list.listeners) listener({ matches, media: list.media });
  }
}
