import { ArgumentsHost, Catch, HttpException, Injectable, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AuditService } from '../../modules/audit/audit.service.js';
import { AppError } from './app-error.js';
import { ERROR_CODES, type ErrorCode } from './error-codes.js';

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

// PostgreSQL SQLSTATEs that are the caller's fault or a transient state, never a 500.
const PG_CODES: Record<string, ErrorCode> = {
  '23505': 'DUPLICATE',
  '23503': 'REFERENCE_CONFLICT',
  '22P02': 'BAD_REQUEST',
  '22001': 'VALIDATION_FAILED',
  // a null for a column that must hold a value, a number beyond the column's range: what the caller sent
  '23502': 'VALIDATION_FAILED',
  '22003': 'VALIDATION_FAILED',
  '22007': 'VALIDATION_FAILED',
  '22008': 'VALIDATION_FAILED',
};
// A statement cut by statement_timeout (57014 query_canceled) or lock_timeout (55P03 lock_not_available): the
// transaction is rolled back and the connection goes back to the pool usable; the client may retry, better narrowed.
const TIMEOUT_SQLSTATES = new Set(['57014', '55P03']);

/** Whether an error is a statement cut by DB_STATEMENT_TIMEOUT_MS or DB_LOCK_TIMEOUT_MS. */
export function isDatabaseTimeout(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const { code, driverError, cause } = current as { code?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && TIMEOUT_SQLSTATES.has(code)) return true;
    current = driverError ?? cause;
  }
  return false;
}

// How long a client should wait before retrying while PostgreSQL is unreachable, in seconds.
export const DATABASE_RETRY_AFTER_SECONDS = 5;
// The server is going away or not there (yet): 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now,
// 08xxx connection exceptions (SQLSTATEs); refused, reset or timed-out sockets (Node error codes).
const UNREACHABLE_SQLSTATE = /^(57P0[123]|08...)$/;
const UNREACHABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);
// pg and pg-pool say these without a code; TypeORM says "already released" when the connection of a transaction died
// under it (its query runner was released by the failure) and the transaction goes on to its next statement or commit
const UNREACHABLE_MESSAGE =
  /timeout exceeded when trying to connect|connection terminated|terminating connection|Connection is not established|the database system is (starting up|shutting down|in recovery mode)|query runner already released|provided by a query runner was already released/i;

/** Whether an error means PostgreSQL cannot be reached (the request may succeed later), rather than a bad query. */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const { code, message, driverError, cause } = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string' && (UNREACHABLE_SQLSTATE.test(code) || UNREACHABLE_NODE_CODES.has(code))) return true;
    if (typeof message === 'string' && UNREACHABLE_MESSAGE.test(message)) return true;
    const errors = (current as { errors?: unknown }).errors;
    // an AggregateError (connecting to every address of a host failed)
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnreachable(inner))) return true;
    current = driverError ?? cause;
  }
  return false;
}

/** Maps any thrown value to the API's error body. Internals (stack, SQL, driver names) never leave the server. */
export function toErrorBody(exception: unknown): {
  status: number;
  body: Record<string, unknown>;
  unexpected: boolean;
  retryAfterSeconds?: number;
} {
  if (exception instanceof AppError) {
    const body: Record<string, unknown> = { code: exception.code, message: exception.message };
    if (exception.extra.errors) body.errors = exception.extra.errors;
    if (exception.extra.current !== undefined) body.current = exception.extra.current;
    return { status: exception.status, body, unexpected: false, retryAfterSeconds: exception.extra.retryAfterSeconds };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = HTTP_STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
    return { status, body: { code, message: ERROR_CODES[code].message }, unexpected: status >= 500 };
  }
  if (isDatabaseUnreachable(exception)) {
    return {
      status: 503,
      body: { code: 'DATABASE_UNAVAILABLE', message: ERROR_CODES.DATABASE_UNAVAILABLE.message },
      unexpected: false,
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    };
  }
  if (isDatabaseTimeout(exception)) {
    return {
      status: 503,
      body: { code: 'DATABASE_TIMEOUT', message: ERROR_CODES.DATABASE_TIMEOUT.message },
      unexpected: false,
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    };
  }
  if (exception instanceof QueryFailedError) {
    const sqlState = (exception.driverError as { code?: string } | undefined)?.code ?? '';
    const code = PG_CODES[sqlState];
    if (code)
      return {
        status: ERROR_CODES[code].status,
        body: { code, message: ERROR_CODES[code].message },
        unexpected: false,
      };
  }
  const status = (exception as { status?: number; type?: string })?.status;
  if (status === 413)
    return {
      status,
      body: { code: 'PAYLOAD_TOO_LARGE', message: ERROR_CODES.PAYLOAD_TOO_LARGE.message },
      unexpected: false,
    };
  if (status === 400 || status === 415) {
    const code: ErrorCode = status === 400 ? 'BAD_REQUEST' : 'UNSUPPORTED_MEDIA_TYPE';
    return { status, body: { code, message: ERROR_CODES[code].message }, unexpected: false };
  }
  return {
    status: 500,
    body: { code: 'INTERNAL_ERROR', message: ERROR_CODES.INTERNAL_ERROR.message },
    unexpected: true,
  };
}

@Injectable()
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  constructor(private readonly audit: AuditService) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body, unexpected, retryAfterSeconds } = toErrorBody(exception);
    if (unexpected) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    else if (body.code === 'DATABASE_UNAVAILABLE')
      this.logger.warn(`database unreachable: ${exception instanceof Error ? exception.message : String(exception)}`);
    else if (body.code === 'DATABASE_TIMEOUT')
      this.logger.warn(`statement timed out: ${request.method} ${request.path}`);
    // a refused request is a security event (等保: 访问控制 denials are audited)
    if (status === 403) {
      await this.audit
        .record({
          action: 'ACCESS_DENIED',
          result: 'denied',
          detail: { method: request.method, path: request.path, code: body.code },
        })
        .catch((error: Error) => this.logger.error(`audit of a denied request failed: ${error.message}`));
    }
    if (response.headersSent) return;
    if (retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(retryAfterSeconds));
    response.status(status).json(body);
  }
}
