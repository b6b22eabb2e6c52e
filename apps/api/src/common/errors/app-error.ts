import { ERROR_CODES, type ErrorCode } from './error-codes.js';

export type FieldErrors = Record<string, string[]>;

// The one error type services throw. The global filter turns it into `{ code, message, errors?, current? }`
// (and a Retry-After header when retryAfterSeconds is given).
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly extra: { errors?: FieldErrors; current?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message ?? ERROR_CODES[code].message);
    this.status = ERROR_CODES[code].status;
  }
}
