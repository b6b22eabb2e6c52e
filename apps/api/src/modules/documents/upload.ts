import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { MulterModuleOptions } from '@nestjs/platform-express';
import { catchError, throwError, type Observable } from 'rxjs';
import { toUploadError } from '../attachments/upload-errors.interceptor.js';

// Imported files are read in memory and never stored: one file, a fixed cap, UTF-8 part names.
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export const IMPORT_UPLOAD: MulterModuleOptions = {
  limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, fieldSize: 8 * 1024, parts: 10 },
  defParamCharset: 'utf8',
};

/** Multer's errors on the import routes as coded, Chinese errors (bound before FileInterceptor). */
@Injectable()
export class ImportUploadErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => toUploadError(error, IMPORT_MAX_BYTES))));
  }
}
