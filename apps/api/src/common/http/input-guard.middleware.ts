import type { NextFunction, Request, Response } from 'express';
import { toErrorBody } from '../errors/all-exceptions.filter.js';
import { AppError } from '../errors/app-error.js';

// NUL bytes and lone surrogates make PostgreSQL fail (a 500); refuse them at the edge for every string input.
// eslint-disable-next-line no-control-regex -- NUL is exactly what we look for
const FORBIDDEN = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function findBadPath(value: unknown, path: string, depth = 0): string | null {
  if (depth > 32) return path;
  if (typeof value === 'string') return FORBIDDEN.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadPath(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (FORBIDDEN.test(key)) return path || key;
      const found = findBadPath(child, path ? `${path}.${key}` : key, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

export function inputGuard(req: Request, res: Response, next: NextFunction): void {
  const bad = findBadPath(req.body, '') ?? findBadPath(req.query, '') ?? findBadPath(req.params, '');
  if (bad === null) return next();
  const { status, body } = toErrorBody(
    new AppError('VALIDATION_FAILED', '提交的内容包含不可见的控制字符', {
      errors: { [bad || 'body']: ['不能包含控制字符'] },
    }),
  );
  res.status(status).json(body);
}

/** Express error middleware for body parsing failures (bad JSON, too large), which happen before Nest's filter. */
export function bodyErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (!error) return next();
  const { status, body } = toErrorBody(error);
  res
    .status(status === 500 ? 400 : status)
    .json(status === 500 ? { code: 'BAD_REQUEST', message: '请求格式不正确' } : body);
}
