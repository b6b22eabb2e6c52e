import { describe, expect, it, vi } from 'vitest';
import { ApiError, api } from './api-client';
import { safeRedirect } from './auth';
import { shouldRetry } from './react-query';

describe('api client', () => {
  it('rejects with the API error code and Chinese message', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ code: 'NOT_FOUND', message: '请求的内容不存在或无权查看' }, { status: 404 })),
    );

    const failure = await api.GET('/api/inspections').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 404, code: 'NOT_FOUND', message: '请求的内容不存在或无权查看' });
  });

  it('gives a Chinese message when the answer is not the API error shape', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () => new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
      ),
    );

    await expect(api.GET('/api/inspections')).rejects.toMatchObject({
      status: 502,
      message: '服务暂不可用，请稍后重试',
    });
  });

  it('gives a Chinese message when the server cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );

    await expect(api.GET('/api/inspections')).rejects.toMatchObject({
      status: 0,
      code: 'NETWORK_ERROR',
      message: '无法连接服务器，请检查网络后重试',
    });
  });

  it('retries network and server failures but not 4xx answers', () => {
    expect(shouldRetry(0, new ApiError(404, 'NOT_FOUND', '请求的内容不存在或无权查看'))).toBe(false);
    expect(shouldRetry(0, new ApiError(401, 'UNAUTHENTICATED', '请先登录'))).toBe(false);
    expect(shouldRetry(0, new ApiError(503, 'SERVICE_UNAVAILABLE', '服务暂不可用，请稍后重试'))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, 'SERVICE_UNAVAILABLE', '服务暂不可用，请稍后重试'))).toBe(false);
  });
});

describe('safeRedirect', () => {
  it('follows same-site paths only', () => {
    expect(safeRedirect('/problems/1?x=2')).toBe('/problems/1?x=2');
    expect(safeRedirect(null)).toBe('/');
    expect(safeRedirect('https://evil.example.com')).toBe('/');
    expect(safeRedirect('//evil.example.com')).toBe('/');
    expect(safeRedirect('/\\evil.example.com')).toBe('/');
    expect(safeRedirect('/login?redirect=/x')).toBe('/');
  });
});
