import { describe, expect, it } from '@jest/globals';
import { NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error.js';
import { toErrorBody } from './all-exceptions.filter.js';

describe('toErrorBody', () => {
  it('answers domain errors with their code, Chinese message and extras', () => {
    const result = toErrorBody(new AppError('VERSION_CONFLICT', undefined, { current: { version: 3 } }));
    expect(result).toEqual({
      status: 409,
      body: { code: 'VERSION_CONFLICT', message: '数据已被他人修改，请刷新后重试', current: { version: 3 } },
      unexpected: false,
    });
  });

  it('maps framework HTTP errors to stable codes', () => {
    expect(toErrorBody(new NotFoundException('Cannot GET /api/x')).body).toEqual({
      code: 'ROUTE_NOT_FOUND',
      message: '请求的接口不存在',
    });
  });

  it('maps PostgreSQL errors that are the caller’s fault to 4xx without leaking SQL', () => {
    const duplicate = new QueryFailedError(
      'INSERT INTO unit …',
      [],
      Object.assign(new Error('duplicate key'), { code: '23505' }),
    );
    const result = toErrorBody(duplicate);
    expect(result.status).toBe(409);
    expect(JSON.stringify(result.body)).not.toMatch(/INSERT|duplicate key/);
  });

  it('hides unknown errors behind a generic 500', () => {
    const result = toErrorBody(new TypeError('x is undefined at Foo.bar'));
    expect(result).toEqual({
      status: 500,
      body: { code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试' },
      unexpected: true,
    });
  });
});
