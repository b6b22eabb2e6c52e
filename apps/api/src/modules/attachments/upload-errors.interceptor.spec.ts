import { describe, expect, it } from '@jest/globals';
import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error.js';
import { toUploadError } from './upload-errors.interceptor.js';

const multerError = (code: string, field?: string) => Object.assign(new Error(code), { code, field });

describe('toUploadError', () => {
  it('answers a file over the limit with 413 FILE_TOO_LARGE naming the limit', () => {
    const error = toUploadError(
      new PayloadTooLargeException('File too large', { cause: multerError('LIMIT_FILE_SIZE', 'file') }),
      20 * 1024 * 1024,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'FILE_TOO_LARGE', status: 413, message: '文件不能超过 20 MB' });
  });

  it('answers more than one file and other multipart errors with 400', () => {
    expect(toUploadError(new BadRequestException('x', { cause: multerError('LIMIT_FILE_COUNT') }), 1)).toMatchObject({
      code: 'TOO_MANY_FILES',
      status: 400,
    });
    expect(
      toUploadError(new BadRequestException('x', { cause: multerError('LIMIT_UNEXPECTED_FILE', 'file') }), 1),
    ).toMatchObject({ code: 'TOO_MANY_FILES' });
    expect(
      toUploadError(new BadRequestException('x', { cause: multerError('LIMIT_UNEXPECTED_FILE', 'upload') }), 1),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      extra: { errors: { file: ['请通过 file 字段上传文件'] } },
    });
    expect(
      toUploadError(
        new BadRequestException('Multipart: Unexpected end of form', { cause: new Error('Unexpected end of form') }),
        1,
      ),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      status: 400,
    });
    expect(
      toUploadError(
        new UnsupportedMediaTypeException('Unsupported content type', {
          cause: new Error('Unsupported content type: multipart/mixed'),
        }),
        1,
      ),
    ).toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('leaves every other error alone', () => {
    const appError = new AppError('NOT_FOUND');
    expect(toUploadError(appError, 1)).toBe(appError);
    const plain = new BadRequestException('no cause');
    expect(toUploadError(plain, 1)).toBe(plain);
  });
});
