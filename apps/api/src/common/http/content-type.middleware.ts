import type { NextFunction, Request, Response } from 'express';
import { toErrorBody } from '../errors/all-exceptions.filter.js';
import { AppError } from '../errors/app-error.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function carriesBody(request: Request): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(request.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > 0;
}

/**
 * A write whose body is neither JSON nor an upload (multipart/form-data) is refused with 415 before anything reads
 * it: an XML, text or form body would otherwise reach the handler as an empty object (and could create an empty
 * record), and HTML forms of foreign sites can send only such bodies.
 */
export function contentTypeGuard(request: Request, response: Response, next: NextFunction): void {
  if (!WRITES.has(request.method) || !carriesBody(request)) return next();
  if (request.is(['application/json', 'multipart/form-data'])) return next();
  const { status, body } = toErrorBody(
    new AppError('UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型：请以 JSON 格式提交，上传文件请使用 multipart/form-data'),
  );
  response.status(status).json(body);
}
