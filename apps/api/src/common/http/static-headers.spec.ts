import { describe, expect, it } from '@jest/globals';
import express, { type RequestHandler } from 'express';
import request from 'supertest';
import { securityHeaders } from '../../app.factory.js';
import { recordStaticHeaders } from './static-headers.js';

async function headersOf(middleware: RequestHandler, path: string) {
  const app = express();
  app.use((_request, response, next) => {
    response.setHeader('X-Powered-By', 'Express'); // removed by helmet
    next();
  });
  app.use(middleware);
  app.get('/api/x', (_request, response) => void response.json({ ok: true }));
  const response = await request(app).get(path);
  const { date: _date, etag: _etag, ...rest } = response.headers;
  return { status: response.status, headers: rest, order: response.header };
}

describe('recordStaticHeaders', () => {
  it('sets exactly the headers helmet sets, on answers and on 404s', async () => {
    for (const path of ['/api/x', '/nothing']) {
      const direct = await headersOf(securityHeaders(), path);
      const recorded = await headersOf(recordStaticHeaders(securityHeaders()), path);
      expect(recorded.headers).toEqual(direct.headers);
      expect(Object.keys(recorded.headers)).toEqual(Object.keys(direct.headers));
      expect(recorded.status).toBe(direct.status);
    }
    const { headers } = await headersOf(recordStaticHeaders(securityHeaders()), '/api/x');
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['x-powered-by']).toBeUndefined();
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('refuses a middleware that depends on the request or answers it', () => {
    const asynchronous: RequestHandler = (_request, _response, next) => void setImmediate(next);
    expect(() => recordStaticHeaders(asynchronous)).toThrow(/synchronously/);
  });
});
