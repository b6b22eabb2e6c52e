import {
  HttpException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { AppError } from '../../common/errors/app-error.js';
import { AppConfig } from '../../config/app-config.js';

const MB = 1024 * 1024;

export function fileTooLarge(maxBytes: number): AppError {
  const limit = maxBytes >= MB ? `${Number((maxBytes / MB).toFixed(1))} MB` : `${Math.floor(maxBytes / 1024)} KB`;
  return new AppError('FILE_TOO_LARGE', `文件不能超过 ${limit}`);
}

/** Multer's and busboy's errors (which Nest wraps with the original as `cause`) as coded, Chinese errors. */
export function toUploadError(error: unknown, maxBytes: number): unknown {
  if (!(error instanceof HttpException) || !(error.cause instanceof Error)) return error;
  const { code, field } = error.cause as Error & { code?: string; field?: string };
  switch (code) {
    case 'LIMIT_FILE_SIZE':
      return fileTooLarge(maxBytes);
    case 'LIMIT_FILE_COUNT':
      return new AppError('TOO_MANY_FILES', '每次只能上传一个文件');
    case 'LIMIT_UNEXPECTED_FILE':
      return field === 'file'
        ? new AppError('TOO_MANY_FILES', '每次只能上传一个文件')
        : new AppError('VALIDATION_FAILED', '请通过 file 字段上传文件', {
            errors: { file: ['请通过 file 字段上传文件'] },
          });
    default:
      return new AppError('BAD_REQUEST', '上传的内容格式不正确，请重新选择文件上传');
  }
}

// Bound before FileInterceptor on upload routes, so that a too large or malformed upload answers like any other error.
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  constructor(private readonly config: AppConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(catchError((error: unknown) => throwError(() => toUploadError(error, this.config.UPLOAD_MAX_BYTES))));
  }
}
