import { vi } from 'vitest';

type Reply = { status: number; body?: unknown };
type Handler = (request: Request, url: URL) => Reply | Promise<Reply>;

export function json(body: unknown, status = 200): Reply {
  return { status, body };
}

export function apiError(status: number, code: string, message: string, errors?: Record<string, string[]>): Reply {
  return { status, body: errors ? { code, message, errors } : { code, message } };
}

// "GET /api/measures/:id/progress" matches any id; an exact key wins over a pattern
function findRoute<T>(routes: Record<string, T>, method: string, pathname: string): T | undefined {
  const exact = routes[`${method} ${pathname}`];
  if (exact !== undefined) return exact;
  const segments = pathname.split('/');
  for (const [key, route] of Object.entries(routes)) {
    const [keyMethod, keyPath] = key.split(' ');
    if (keyMethod !== method || !keyPath.includes('/:')) continue;
    const keySegments = keyPath.split('/');
    if (
      keySegments.length === segments.length &&
      keySegments.every((segment, index) => segment.startsWith(':') || segment === segments[index])
    )
      return route;
  }
  return undefined;
}

/** The reply, answered `ms` later: a slow network, for tests that must not act before an answer has arrived. */
export function slowly(ms: number, reply: Reply): Promise<Reply> {
  return new Promise((resolve) => setTimeout(() => resolve(reply), ms));
}

/**
 * Replaces the global fetch (the network edge) with a table of "METHOD /path" → reply (a path may hold `:param`
 * segments). Unlisted calls answer 404 like the API's unknown-route error, so a test never hangs on a missing stub.
 */
export function stubApi(routes: Record<string, Handler | Reply>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request =
      input instanceof Request ? input : new Request(new URL(String(input), window.location.origin), init);
    const url = new URL(request.url);
    const route = findRoute(routes, request.method, url.pathname);
    const reply =
      route === undefined
        ? apiError(404, 'ROUTE_NOT_FOUND', '请求的接口不存在')
        : typeof route === 'function'
          ? await route(request, url)
          : route;
    if (reply.body === undefined) return new Response(null, { status: reply.status });
    return new Response(JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The requests the app sent, as Request objects, for assertions on method, URL and headers. */
export function sentRequests(fetchMock: ReturnType<typeof stubApi>): Request[] {
  return fetchMock.mock.calls.map(([input]) => input as Request);
}
