import { createApiClient, type ApiClient, type Schemas } from '@zhenggai/api-client';

type Middleware = Parameters<ApiClient['use']>[0];

export type ErrorBody = Schemas['ErrorBodyDto'];

/** Every failed API call rejects with this: the HTTP status, the API's stable code and its Chinese message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors?: Record<string, string[]>;
  /** On a 409 VERSION_CONFLICT: the resource as it is now, so the user can see what changed. */
  readonly current?: unknown;

  constructor(status: number, code: string, message: string, errors?: Record<string, string[]>, current?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.errors = errors;
    this.current = current;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A write refused because someone else saved first; `current` holds the state to compare against. */
export function isVersionConflict(error: unknown): error is ApiError {
  return isApiError(error) && error.status === 409 && error.code === 'VERSION_CONFLICT';
}

/** The Chinese message to show for any failure: the API's own, or a generic one for the unexpected. */
export function errorMessage(error: unknown, fallback = '操作失败，请稍后重试'): string {
  return isApiError(error) ? error.message : fallback;
}

const NETWORK_ERROR_MESSAGE = '无法连接服务器，请检查网络后重试';

function fallbackMessage(status: number): string {
  if (status === 401) return '请先登录';
  if (status === 403) return '没有权限执行此操作';
  if (status === 404) return '请求的内容不存在或无权查看';
  if (status === 429) return '请求过于频繁，请稍后再试';
  if (status >= 500) return '服务暂不可用，请稍后重试';
  return '请求失败，请稍后重试';
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body.code === 'string' && typeof body.message === 'string';
}

/** Turns any non-2xx answer into an ApiError; a body that is not the API's error shape (a proxy page) gets a generic message. */
export async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  if (isErrorBody(body)) return new ApiError(response.status, body.code, body.message, body.errors, body.current);
  return new ApiError(response.status, `HTTP_${response.status}`, fallbackMessage(response.status));
}

// The CSRF token lives only in memory: it comes from login or /auth/me and is lost on reload, when /auth/me runs again.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (SAFE_METHODS.has(request.method) || !csrfToken) return undefined;
    request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

export const errorMiddleware: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await toApiError(response);
    return undefined;
  },
  onError({ error }) {
    if (error instanceof ApiError) return error;
    return new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  },
};

export const api = createApiClient({
  baseUrl: globalThis.location?.origin ?? '',
  // resolved per call so that tests can stub the global fetch after this module loaded
  fetch: (request: Request) => globalThis.fetch(request),
});
api.use(csrfMiddleware, errorMiddleware);

/** The data of a successful call; failures never get here because the middleware throws an ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined)
    throw new ApiError(result.response.status, 'EMPTY_RESPONSE', '服务器没有返回数据，请稍后重试');
  return result.data;
}
