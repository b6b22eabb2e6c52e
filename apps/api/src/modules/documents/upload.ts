import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { MulterModuleOptions } from '@nestjs/platform-express';
import { catchError, throwError, type Observable } from 'rxjs';
import { toUploadError } from '../attachments/upload-errors.interceptor.js';

// Imported files are read in memory and never stored: one file, a fixed cap, UTF-8 part names.
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
// A province's 整改台账 as we export it (four sheets) is about 10.5 MB at 60,000 measures and 35 MB at the import's
// 200,000-row limit (MAX_LEDGER_ROWS): the ledger import has a cap of its own, so our own export can be read back.
export const LEDGER_IMPORT_MAX_BYTES = 40 * 1024 * 1024;

export const IMPORT_UPLOAD: MulterModuleOptions = {
  limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, fieldSize: 8 * 1024, parts: 10 },
  defParamCharset: 'utf8',
};

export const LEDGER_IMPORT_UPLOAD: MulterModuleOptions = {
  ...IMPORT_UPLOAD,
  limits: { ...IMPORT_UPLOAD.limits, fileSize: LEDGER_IMPORT_MAX_BYTES },
};

/** Multer's errors on the import routes as coded, Chinese errors (bound before FileInterceptor). */
@Injectable()
export class ImportUploadErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => toUploadError(error, IMPORT_MAX_BYTES))));
  }
}

/** The same for the ledger import, with its own cap. */
@Injectable()
export class LedgerImportUploadErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(catchError((error: unknown) => throwError(() => toUploadError(error, LEDGER_IMPORT_MAX_BYTES))));
  }
}
