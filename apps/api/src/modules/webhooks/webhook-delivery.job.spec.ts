import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { answerFailure, signBody } from './webhook-delivery.job.js';

describe('webhook delivery', () => {
  it('signs the raw body: sha256=<hex HMAC-SHA256 with the secret>', () => {
    const body = '{"event":"measure.urged","text":"催办"}';
    expect(signBody('s3cret-s3cret-s3cret', body)).toBe(
      `sha256=${createHmac('sha256', 's3cret-s3cret-s3cret').update(Buffer.from(body, 'utf8')).digest('hex')}`,
    );
  });

  it('counts 2xx as delivered, unless a robot answers a non-zero errcode', () => {
    expect(answerFailure(200, '')).toBeNull();
    expect(answerFailure(204, '')).toBeNull();
    expect(answerFailure(200, '{"errcode":0,"errmsg":"ok"}')).toBeNull();
    expect(answerFailure(200, 'ok')).toBeNull();
    expect(answerFailure(200, '{"errcode":93000,"errmsg":"invalid webhook url"}')).toBe(
      'errcode 93000: {"errcode":93000,"errmsg":"invalid webhook url"}',
    );
    expect(answerFailure(200, '{"errcode":"310000","errmsg":"sign not match"}')).toMatch(/^errcode 310000/);
    expect(answerFailure(500, 'boom')).toBe('HTTP 500: boom');
    expect(answerFailure(302, '')).toBe('HTTP 302');
    expect(answerFailure(404, 'x'.repeat(2000))).toBe(`HTTP 404: ${'x'.repeat(500)}`);
  });
});
