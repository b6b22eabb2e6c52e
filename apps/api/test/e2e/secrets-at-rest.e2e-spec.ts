import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { SecretBox } from '../../src/common/crypto/secret-box.js';
import { sealPlainSecrets } from '../../src/common/crypto/sealed-secrets.js';
import { rotateSecretKey } from '../../src/common/crypto/secret-rotation.js';
import { loadConfig } from '../../src/config/app-config.js';
import { totpCode } from '../../src/modules/auth/totp.js';
import { WebhookDeliveryJob } from '../../src/modules/webhooks/webhook-delivery.job.js';
import { WebhooksService } from '../../src/modules/webhooks/webhooks.service.js';
import { DEMO_PASSWORD } from '../../src/modules/seed/demo-seed.js';
import { createTestApp, signIn, TEST_SECRET_KEY, type TestApp } from '../support/app.js';

// Secrets at rest (docs/architecture.md): what happens when a sealed TOTP secret is altered in the database, how
// plain values from before encryption are sealed at boot (secrets:migrate), and the key rotation (secrets:rotate).
const RELAXED = { LOGIN_RATE_PER_MINUTE: '10000' };
const WEBHOOK_SECRET = 'rotation-secret-0123456789';

/** Enrols a TOTP second factor through the API and answers its secret and recovery codes. */
async function enrol(t: TestApp, username: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const session = await signIn(t.http, username);
  const setup = await session.agent.post('/api/auth/mfa/setup').set('X-CSRF-Token', session.csrfToken).expect(200);
  const enabled = await session.agent
    .post('/api/auth/mfa/enable')
    .set('X-CSRF-Token', session.csrfToken)
    .send({ code: totpCode(setup.body.secret, t.clock.now()) })
    .expect(200);
  t.clock.advance(30_000);
  return { secret: setup.body.secret, recoveryCodes: enabled.body.recoveryCodes };
}

/** Password, then the second factor: the answer of the second step. */
async function loginWith(t: TestApp, username: string, factor: { code?: string; recoveryCode?: string }) {
  const first = await request(t.http).post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
  expect(first.body.mfaRequired).toBe(true);
  return request(t.http)
    .post('/api/auth/login/mfa')
    .send({ mfaToken: first.body.mfaToken, ...factor });
}

const idOf = async (t: TestApp, username: string): Promise<string> =>
  (await t.dataSource.query(`SELECT id FROM user_account WHERE username = $1`, [username]))[0].id;

describe('secrets at rest', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: RELAXED });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a TOTP login cleanly when the stored ciphertext was altered: a stable 4xx, audited, recovery codes still work', async () => {
    const { secret, recoveryCodes } = await enrol(t, 'officer');
    // the first character of the stored ciphertext changed (6 bits of its first byte)
    const [stored] = await t.dataSource.query(`SELECT mfa_secret FROM user_account WHERE username = 'officer'`);
    const parts = (stored.mfa_secret as string).split(':');
    parts[4] = (parts[4][0] === 'A' ? 'B' : 'A') + parts[4].slice(1);
    await t.dataSource.query(`UPDATE user_account SET mfa_secret = $1 WHERE username = 'officer'`, [parts.join(':')]);
    const refused = await loginWith(t, 'officer', { code: totpCode(secret, t.clock.now()) });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      code: 'MFA_SECRET_UNREADABLE',
      message: '动态验证码密钥无法读取：请使用恢复码登录，或请安全管理员重置动态验证码',
    });
    expect(refused.headers['set-cookie']).toBeUndefined();
    const events = await t.dataSource.query(
      `SELECT result, actor_username, detail FROM audit_event WHERE action = 'MFA_SECRET_UNREADABLE'`,
    );
    expect(events).toEqual([
      {
        result: 'failure',
        actor_username: 'officer',
        detail: { column: 'mfa_secret', reason: expect.stringContaining('does not open') },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(secret);
    // not the user's fault: no failure counted towards the lockout
    const [account] = await t.dataSource.query(
      `SELECT failed_login_count FROM user_account WHERE username = 'officer'`,
    );
    expect(account.failed_login_count).toBe(0);
    // a recovery code needs no secret: the way back in
    const recovered = await loginWith(t, 'officer', { recoveryCode: recoveryCodes[0] });
    expect(recovered.status).toBe(200);
  });

  it('seals plain secrets from before encryption once, at boot (secrets:migrate); TOTP sign-in still works', async () => {
    const { secret } = await enrol(t, 'sysadmin');
    const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
    const userId = await idOf(t, 'sysadmin');
    // as stored before this change: plain text
    await t.dataSource.query(`UPDATE user_account SET mfa_secret = $2 WHERE id = $1`, [userId, secret]);
    const [hook] = await t.dataSource.query(
      `INSERT INTO webhook (name, url, secret, events, format) VALUES ('旧的', 'http://example.com/', $1, '{measure.urged}', 'json') RETURNING id`,
      [WEBHOOK_SECRET],
    );
    expect(await sealPlainSecrets(t.dataSource, box)).toBe(2);
    const [account] = await t.dataSource.query(`SELECT mfa_secret FROM user_account WHERE id = $1`, [userId]);
    expect(account.mfa_secret).toMatch(/^v1:/);
    expect(box.open(account.mfa_secret, `user_account.mfa_secret:${userId}`)).toBe(secret);
    const [stored] = await t.dataSource.query(`SELECT secret FROM webhook WHERE id = $1`, [hook.id]);
    expect(box.open(stored.secret, `webhook.secret:${hook.id}`)).toBe(WEBHOOK_SECRET);
    // once: sealed values are left alone
    expect(await sealPlainSecrets(t.dataSource, box)).toBe(0);
    const signedIn = await loginWith(t, 'sysadmin', { code: totpCode(secret, t.clock.now()) });
    expect(signedIn.status).toBe(200);
  });
});

describe('secrets:rotate', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-rotate-'));
  const keyA = randomBytes(32);
  const keyB = randomBytes(32);
  const fileA = path.join(dir, 'a.key');
  const fileB = path.join(dir, 'b.key');
  let t: TestApp;
  let receiver: Server;
  let base: string;
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];

  beforeAll(async () => {
    fs.writeFileSync(fileA, keyA.toString('base64'), { mode: 0o600 });
    fs.writeFileSync(fileB, keyB.toString('base64'), { mode: 0o600 });
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    t = await createTestApp({ env: { ...RELAXED, SECRET_KEY_FILE: fileA, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => receiver?.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('re-seals every secret under the new key in one transaction: the app with the new key verifies TOTP and signs', async () => {
    const { secret } = await enrol(t, 'officer');
    const admin = await signIn(t.http, 'sysadmin');
    const created = await admin.agent
      .post('/api/webhooks')
      .set('X-CSRF-Token', admin.csrfToken)
      .send({ url: `${base}/hook`, secret: WEBHOOK_SECRET, events: ['measure.urged'], format: 'json' })
      .expect(201);
    const userId = await idOf(t, 'officer');
    const read = async () => {
      const [user] = await t.dataSource.query(`SELECT mfa_secret FROM user_account WHERE id = $1`, [userId]);
      const [hook] = await t.dataSource.query(`SELECT secret FROM webhook WHERE id = $1`, [created.body.id]);
      return { mfa: user.mfa_secret as string, webhook: hook.secret as string };
    };
    const before = await read();
    const a = new SecretBox(keyA);
    const b = new SecretBox(keyB);
    expect(before.mfa.split(':')[1]).toBe(a.keyId);

    const config = loadConfig({ SECRET_KEY_FILE: fileA });
    const result = await rotateSecretKey(t.dataSource, config, fileB);
    expect(result).toEqual({
      resealed: 2,
      fromKeyId: a.keyId,
      toKeyId: b.keyId,
      source: 'SECRET_KEY_FILE',
      replacedFile: null,
    });
    const after = await read();
    expect(after.mfa.split(':')[1]).toBe(b.keyId);
    expect(b.open(after.mfa, `user_account.mfa_secret:${userId}`)).toBe(secret);
    expect(b.open(after.webhook, `webhook.secret:${created.body.id}`)).toBe(WEBHOOK_SECRET);
    // the old key opens nothing any more
    expect(() => a.open(after.mfa, `user_account.mfa_secret:${userId}`)).toThrow();
    expect(() => a.open(after.webhook, `webhook.secret:${created.body.id}`)).toThrow();
    // run again with the old key configured: nothing left to do (already under the new key)
    expect((await rotateSecretKey(t.dataSource, config, fileB)).resealed).toBe(0);

    // a second API process on the same database, configured with the new key
    const withB = await createTestApp({
      database: t.database,
      env: { ...RELAXED, SECRET_KEY_FILE: fileB, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' },
    });
    try {
      withB.clock.set(t.clock.now());
      const signedIn = await loginWith(withB, 'officer', { code: totpCode(secret, withB.clock.now()) });
      expect(signedIn.status).toBe(200);
      expect(
        await withB.app.get(WebhooksService).publish('measure.urged', {
          occurredAt: withB.clock.now().toISOString(),
          title: '轮换密钥后的推送',
          message: null,
          by: null,
          link: null,
          measures: [],
        }),
      ).toBe(1);
      const [message] = await t.dataSource.query(`SELECT id FROM webhook_message WHERE webhook_id = $1`, [
        created.body.id,
      ]);
      expect(await withB.app.get(WebhookDeliveryJob).deliver(message.id)).toEqual({ attempt: 1, status: 200 });
      const [hit] = received;
      expect(hit.headers['x-zhenggai-signature']).toBe(
        `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(Buffer.from(hit.body, 'utf8')).digest('hex')}`,
      );
    } finally {
      await withB.close();
    }
  });

  it('replaces the generated default key file atomically after the commit', async () => {
    const dataDir = path.join(dir, 'data');
    fs.mkdirSync(dataDir);
    const defaultFile = path.join(dataDir, 'secret.key');
    // the database's secrets are under B now; make B the generated default
    fs.writeFileSync(defaultFile, keyB.toString('base64'), { mode: 0o600 });
    const keyC = path.join(dir, 'c.key');
    fs.writeFileSync(keyC, randomBytes(32).toString('base64'), { mode: 0o600 });
    const config = loadConfig({ EMBEDDED_PG_DIR: path.join(dataDir, 'pg') });
    const result = await rotateSecretKey(t.dataSource, config, keyC);
    expect(result).toMatchObject({ resealed: 2, source: 'default', replacedFile: defaultFile });
    expect(fs.readFileSync(defaultFile, 'utf8').trim()).toBe(fs.readFileSync(keyC, 'utf8').trim());
    expect(fs.statSync(defaultFile).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dataDir)).toEqual(['secret.key']);
  });

  it('changes nothing when a value does not open under the configured key', async () => {
    const [hook] = await t.dataSource.query(`SELECT id, secret FROM webhook LIMIT 1`);
    const config = loadConfig({ SECRET_KEY_FILE: fileA });
    await expect(rotateSecretKey(t.dataSource, config, fileB)).rejects.toThrow(
      /webhook\.secret|user_account\.mfa_secret/,
    );
    const [unchanged] = await t.dataSource.query(`SELECT secret FROM webhook WHERE id = $1`, [hook.id]);
    expect(unchanged.secret).toBe(hook.secret);
  });
});
