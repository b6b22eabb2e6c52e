import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { buildOpenApiDocument } from '../../src/app.factory.js';
import { createTestApp, type TestApp } from '../support/app.js';

describe('operations (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers liveness and readiness', async () => {
    await request(t.http).get('/api/health').expect(200, { status: 'ok' });
    await request(t.http).get('/api/health/ready').expect(200, { status: 'ok' });
  });

  it('serves the OpenAPI document and Swagger UI without a session', async () => {
    const doc = await request(t.http).get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.paths['/api/problems'].get.operationId).toBe('getProblems');
    await request(t.http).get('/api/docs').expect(200).expect('Content-Type', /html/);
  });

  it('keeps the committed OpenAPI document (and so the generated client) up to date', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../../../packages/api-client/openapi.json'), 'utf8');
    const current = `${JSON.stringify(buildOpenApiDocument(t.app), null, 2)}\n`;
    // when this fails: npm run api:generate, then commit packages/api-client
    expect(current).toBe(committed);
  });

  it('answers unknown API routes and malformed JSON with coded JSON errors, never HTML', async () => {
    const missing = await request(t.http).get('/api/nope').expect(404);
    expect(missing.body).toEqual({ code: 'ROUTE_NOT_FOUND', message: '请求的接口不存在' });
    const malformed = await request(t.http)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username":')
      .expect(400);
    expect(malformed.body.code).toBe('BAD_REQUEST');
    const huge = await request(t.http)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024) }))
      .expect(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('sets a request id, no-store caching and security headers on API answers', async () => {
    const response = await request(t.http).get('/api/health').set('X-Request-Id', 'trace-abc-123');
    expect(response.headers['x-request-id']).toBe('trace-abc-123');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    // no-store answers are never revalidated: no ETag is computed for them
    expect(response.headers.etag).toBeUndefined();
  });
});
