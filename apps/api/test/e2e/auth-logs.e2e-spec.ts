import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import fs from 'node:fs';
import request from 'supertest';
import { DEMO_PASSWORD } from '../../src/modules/seed/demo-seed.js';
import { createTestApp, type TestApp } from '../support/app.js';

// A file of its own: nestjs-pino keeps one logger per module registry, made by the first application of the file,
// so this application must be the first (and only) one here to log at all levels.

function cookieOf(response: request.Response): string {
  return ([] as string[]).concat(response.headers['set-cookie'] ?? [])[0]?.split(';')[0] ?? '';
}

describe('no secrets in the logs (SEC-22)', () => {
  let t: TestApp;
  const written: string[] = [];
  const spies: Array<{ mockRestore(): void }> = [];
  beforeAll(async () => {
    // pino writes to process.stdout when something (jest) has wrapped it, else through sonic-boom with fs.write on
    // descriptor 1: capture both, and keep the lines off the test output
    const capture = (data: unknown) => {
      written.push(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
    };
    const originalWrite = fs.write.bind(fs) as (...args: unknown[]) => void;
    const originalWriteSync = fs.writeSync.bind(fs) as (...args: unknown[]) => number;
    spies.push(
      jest.spyOn(process.stdout, 'write').mockImplementation(((data: unknown, ...rest: unknown[]) => {
        capture(data);
        const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
        if (callback) process.nextTick(callback);
        return true;
      }) as typeof process.stdout.write),
      jest.spyOn(fs, 'write').mockImplementation(((fd: number, data: unknown, ...rest: unknown[]) => {
        if (fd !== 1) return originalWrite(fd, data, ...rest);
        capture(data);
        const callback = rest[rest.length - 1] as (error: null, bytes: number) => void;
        process.nextTick(callback, null, Buffer.byteLength(String(data)));
      }) as unknown as typeof fs.write),
      jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: unknown, ...rest: unknown[]) => {
        if (fd !== 1) return originalWriteSync(fd, data, ...rest);
        capture(data);
        return Buffer.byteLength(String(data));
      }) as unknown as typeof fs.writeSync),
    );
    t = await createTestApp({ env: { LOG_LEVEL: 'trace' } });
  });
  afterAll(async () => {
    await t.close();
    for (const spy of spies) spy.mockRestore();
  });

  it('logs the sign-in requests without their passwords, tokens or cookies', async () => {
    const secret = 'P@ss\nFAKE-secret-123';
    await request(t.http).post('/api/auth/login').send({ username: 'officer', password: secret }).expect(401);
    const ok = await request(t.http)
      .post('/api/auth/login')
      .send({ username: 'officer', password: DEMO_PASSWORD })
      .expect(200);
    const token = cookieOf(ok).split('=')[1];
    await request(t.http).get('/api/auth/me').set('Cookie', cookieOf(ok)).expect(200);
    await request(t.http)
      .put('/api/auth/password')
      .set('Cookie', cookieOf(ok))
      .set('X-CSRF-Token', ok.body.csrfToken)
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'Kx9#FAKE-new-456' })
      .expect(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const log = written.join('');
    expect(log).toContain('/api/auth/login');
    expect(log).toContain('/api/auth/password');
    expect(log).not.toContain('FAKE-secret-123');
    expect(log).not.toContain('FAKE-new-456');
    expect(log).not.toContain(DEMO_PASSWORD);
    expect(log).not.toContain(token);
    expect(log).not.toContain(ok.body.csrfToken);
    // nor does the audit trail keep it
    const audit = await t.dataSource.query(`SELECT before, after, detail FROM audit_event`);
    expect(JSON.stringify(audit)).not.toMatch(/FAKE-secret-123|FAKE-new-456|Demo@2024zg/);
  });
});
