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

  it('answers a null in a NOT NULL column and a number out of range with 400 VALIDATION_FAILED (drill R3)', () => {
    for (const code of ['23502', '22003']) {
      const result = toErrorBody(
        new QueryFailedError('INSERT INTO rule_document …', [], Object.assign(new Error('violates'), { code })),
      );
      expect(result).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' }, unexpected: false });
      expect(JSON.stringify(result.body)).not.toMatch(/INSERT|violates/);
    }
  });

  it('hides unknown errors behind a generic 500', () => {
    const result = toErrorBody(new TypeError('x is undefined at Foo.bar'));
    expect(result).toEqual({
      status: 500,
      body: { code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试' },
      unexpected: true,
    });
  });

  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    [
      'an administrator shutdown (57P01) during a query',
      new QueryFailedError(
        'SELECT 1',
        [],
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ],
    ['a server starting up (57P03)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['a connection exception (08006)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['every address refused', new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], '')],
    [
      'a transaction whose connection died under it (drill R2)',
      new Error('Query runner already released. Cannot run queries anymore.'),
    ],
    [
      'a statement on a released connection (drill R2)',
      new Error(
        'Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.',
      ),
    ],
  ])('answers 503 DATABASE_UNAVAILABLE with Retry-After for %s', (_, error) => {
    expect(toErrorBody(error)).toEqual({
      status: 503,
      body: { code: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试' },
      unexpected: false,
      retryAfterSeconds: 5,
    });
  });

  it.each([
    [
      'a statement cut by statement_timeout (57014)',
      new QueryFailedError(
        'SELECT …',
        [],
        Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
      ),
    ],
    [
      'a lock wait cut by lock_timeout (55P03)',
      new QueryFailedError(
        'UPDATE …',
        [],
        Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' }),
      ),
    ],
    ['a raw driver error (57014)', Object.assign(new Error('canceling statement'), { code: '57014' })],
  ])('answers 503 DATABASE_TIMEOUT with Retry-After, never 500, for %s', (_, error) => {
    const result = toErrorBody(error);
    expect(result).toEqual({
      status: 503,
      body: { code: 'DATABASE_TIMEOUT', message: '查询超时，请缩小范围后重试' },
      unexpected: false,
      retryAfterSeconds: 5,
    });
    expect(JSON.stringify(result.body)).not.toMatch(/SELECT|UPDATE|canceling/);
  });
});
