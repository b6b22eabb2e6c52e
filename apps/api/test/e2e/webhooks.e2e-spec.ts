import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { SecretBox } from '../../src/common/crypto/secret-box.js';
import { createTestApp, signIn, TEST_SECRET_KEY, type SignedIn, type TestApp } from '../support/app.js';
import { insertEvidence, soleUnitMeasures } from '../support/fixtures.js';

// Outbound webhooks against a real HTTP receiver on 127.0.0.1 (allowed by WEBHOOK_ALLOWED_HOSTS), delivered by real
// pg-boss workers with a 1 s first retry.
const SECRET = 'test-secret-0123456789abcdef';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('outbound webhooks (HTTP, pg-boss, real receiver)', () => {
  let t: TestApp;
  let receiver: Server;
  let base: string;
  let admin: SignedIn;
  let officer: SignedIn;
  const received: Received[] = [];
  // answers per path, in order; then 200
  const script = new Map<string, Array<{ status: number; body: string }>>();

  const create = (body: object, caller: SignedIn = admin) =>
    caller.agent.post('/api/webhooks').set('X-CSRF-Token', caller.csrfToken).send(body);
  const at = (path: string) => received.filter((request) => request.path === path);

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        const answer = script.get(path)?.shift() ?? { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
        res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    t = await createTestApp({
      env: {
        JOBS: 'on',
        JOBS_POLL_SECONDS: '0.5',
        WEBHOOK_RETRY_DELAY_SECONDS: '1',
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      },
    });
    admin = await signIn(t.http, 'sysadmin');
    officer = await signIn(t.http, 'officer');
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('is the system admin’s alone', async () => {
    await request(t.http).get('/api/webhooks').expect(401);
    await officer.agent.get('/api/webhooks').expect(403);
    const refused = await create(
      { url: `${base}/x`, secret: SECRET, events: ['measure.urged'], format: 'json' },
      officer,
    );
    expect(refused.status).toBe(403);
    await (await signIn(t.http, 'secadmin')).agent.get('/api/webhooks').expect(403);
  });

  it('refuses bad URLs with stable codes and bad fields with 400, never a 500', async () => {
    const valid = { url: `${base}/x`, secret: SECRET, events: ['measure.urged'], format: 'json' };
    const cases: Array<[object, number, string]> = [
      [{ ...valid, url: 'file:///etc/passwd' }, 422, 'WEBHOOK_URL_INVALID'],
      [{ ...valid, url: 'gopher://127.0.0.1/' }, 422, 'WEBHOOK_URL_INVALID'],
      [{ ...valid, url: 'no url at all' }, 422, 'WEBHOOK_URL_INVALID'],
      [{ ...valid, url: 'http://10.0.0.1/' }, 422, 'WEBHOOK_URL_FORBIDDEN'],
      [{ ...valid, url: 'http://169.254.169.254/latest/meta-data/' }, 422, 'WEBHOOK_URL_FORBIDDEN'],
      [{ ...valid, url: 'http://[::1]:8080/' }, 422, 'WEBHOOK_URL_FORBIDDEN'],
      [{ ...valid, url: 'http://localhost:8080/' }, 422, 'WEBHOOK_URL_FORBIDDEN'],
      [{ ...valid, url: `http://example.com/${'a'.repeat(5000)}` }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, events: [] }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, events: ['measure.deleted'] }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, format: 'slack' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, secret: 'short' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, url: 42 }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const response = await create(body);
      expect([JSON.stringify(body).slice(0, 60), response.status, response.body.code]).toEqual([
        JSON.stringify(body).slice(0, 60),
        status,
        code,
      ]);
    }
    expect((await admin.agent.get('/api/webhooks').expect(200)).body.items).toEqual([]);
  });

  it('delivers an urge signed to json, wecom and dingtalk webhooks, retrying until the receiver accepts', async () => {
    script.set('/flaky', [
      { status: 500, body: 'database down' },
      { status: 500, body: 'still down' },
    ]);
    const json = await create({
      name: '测试 JSON',
      url: `${base}/flaky`,
      secret: SECRET,
      events: ['measure.urged', 'measure.returned'],
      format: 'json',
    }).expect(201);
    expect(json.body).toMatchObject({ secret: SECRET, secretSet: true, format: 'json', name: '测试 JSON' });
    const wecom = await create({
      url: `${base}/wecom`,
      secret: SECRET,
      events: ['measure.urged'],
      format: 'wecom',
    }).expect(201);
    await create({ url: `${base}/dingtalk`, secret: SECRET, events: ['measure.urged'], format: 'dingtalk' }).expect(
      201,
    );
    // not subscribed to urges: hears nothing
    await create({ url: `${base}/orders`, secret: SECRET, events: ['order.issued'], format: 'json' }).expect(201);

    // at rest every secret is sealed (v1:…), each bound to its row: the database alone never reveals it
    const stored: Array<{ id: string; secret: string }> = await t.dataSource.query(`SELECT id, secret FROM webhook`);
    expect(stored).toHaveLength(4);
    const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
    for (const row of stored) {
      expect(row.secret).toMatch(/^v1:[0-9a-f]{8}:/);
      expect(row.secret).not.toContain(SECRET);
      expect(box.open(row.secret, `webhook.secret:${row.id}`)).toBe(SECRET);
    }
    expect(new Set(stored.map((row) => row.secret)).size).toBe(4);

    const list = await admin.agent.get('/api/webhooks').expect(200);
    expect(list.body.items).toHaveLength(4);
    expect(JSON.stringify(list.body)).not.toContain(SECRET);
    expect(list.body.items[0]).not.toHaveProperty('secret');

    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    await officer.agent
      .post(`/api/measures/${measure.id}/urge`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ message: '请于本周五前报送整改进展。' })
      .expect(201);

    await until(
      async () => at('/flaky').length >= 3 && at('/wecom').length >= 1 && at('/dingtalk').length >= 1,
      'deliveries',
    );

    // every request is signed over the raw bytes received
    for (const hit of received) {
      expect(hit.headers['content-type']).toBe('application/json');
      expect(hit.headers['x-zhenggai-event']).toBe('measure.urged');
      expect(hit.headers['x-zhenggai-signature']).toBe(
        `sha256=${createHmac('sha256', SECRET).update(Buffer.from(hit.body, 'utf8')).digest('hex')}`,
      );
    }
    // the three attempts send the same bytes under the same delivery id
    const flaky = at('/flaky');
    expect(new Set(flaky.map((hit) => hit.body)).size).toBe(1);
    expect(new Set(flaky.map((hit) => hit.headers['x-zhenggai-delivery'])).size).toBe(1);
    const body = JSON.parse(flaky[0].body);
    expect(body).toMatchObject({
      event: 'measure.urged',
      occurredAt: expect.any(String),
      data: {
        message: '请于本周五前报送整改进展。',
        by: { name: expect.any(String) },
        link: `/problems/${measure.problemId}#measure-${measure.id}`,
        measures: [{ id: measure.id, label: expect.any(String), units: ['区水务和湖泊局'] }],
      },
    });

    const wecomBody = JSON.parse(at('/wecom')[0].body);
    expect(wecomBody).toEqual({
      msgtype: 'markdown',
      markdown: { content: expect.stringMatching(/^\*\*催办\*\*：整改专班催办/) },
    });
    expect(wecomBody.markdown.content).toContain('请于本周五前报送整改进展。');
    const dingtalkBody = JSON.parse(at('/dingtalk')[0].body);
    expect(dingtalkBody).toEqual({
      msgtype: 'markdown',
      markdown: { title: expect.stringMatching(/^催办：/), text: expect.stringContaining('区水务和湖泊局') },
    });
    expect(at('/orders')).toEqual([]);

    // every attempt is logged: failed, failed, succeeded
    const deliveries = await until(async () => {
      const page = await admin.agent.get(`/api/webhooks/${json.body.id}/deliveries`).expect(200);
      return page.body.total === 3 && page.body.items[0].status === 'succeeded' ? page.body : null;
    }, 'three attempts logged');
    expect(
      deliveries.items.map((d: { attempt: number; status: string; httpStatus: number }) => [
        d.attempt,
        d.status,
        d.httpStatus,
      ]),
    ).toEqual([
      [3, 'succeeded', 200],
      [2, 'failed', 500],
      [1, 'failed', 500],
    ]);
    expect(deliveries.items[2]).toMatchObject({ event: 'measure.urged', error: 'HTTP 500: database down' });
    const wecomDeliveries = await admin.agent.get(`/api/webhooks/${wecom.body.id}/deliveries`).expect(200);
    expect(wecomDeliveries.body.items).toEqual([expect.objectContaining({ attempt: 1, status: 'succeeded' })]);

    const listed = (await admin.agent.get('/api/webhooks').expect(200)).body.items.find(
      (item: { id: string }) => item.id === json.body.id,
    );
    expect(listed).toMatchObject({ lastDeliveryStatus: 'succeeded' });
  });

  it('logs a robot’s refusal (HTTP 200 with a non-zero errcode) as a failed attempt', async () => {
    script.set('/refusing', [{ status: 200, body: '{"errcode":93000,"errmsg":"invalid webhook url"}' }]);
    const hook = await create({
      url: `${base}/refusing`,
      secret: SECRET,
      events: ['measure.urged'],
      format: 'wecom',
    }).expect(201);
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    await officer.agent
      .post(`/api/measures/${measure.id}/urge`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ message: '再次催办。' })
      .expect(201);
    const page = await until(async () => {
      const response = await admin.agent.get(`/api/webhooks/${hook.body.id}/deliveries`).expect(200);
      return response.body.total >= 2 ? response.body : null;
    }, 'the retry after the refusal');
    expect(page.items.at(-1)).toMatchObject({
      attempt: 1,
      status: 'failed',
      httpStatus: 200,
      error: expect.stringContaining('93000'),
    });
  });

  it('delivers a returned submission (measure.returned) to the webhooks subscribed to it', async () => {
    const before = at('/returned').length;
    await create({ url: `${base}/returned`, secret: SECRET, events: ['measure.returned'], format: 'json' }).expect(201);
    const unitlead = await signIn(t.http, 'unitlead');
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    const evidence = await insertEvidence(t.dataSource, measure.id);
    const submitted = await unitlead.agent
      .post(`/api/measures/${measure.id}/submit`)
      .set('X-CSRF-Token', unitlead.csrfToken)
      .send({ version: measure.version, note: '完成', attachmentIds: [evidence] })
      .expect(200);
    await officer.agent
      .post(`/api/measures/${measure.id}/return`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ version: submitted.body.version, reason: '佐证材料不完整' })
      .expect(200);
    await until(async () => at('/returned').length > before, 'the measure.returned delivery');
    const [hit] = at('/returned');
    expect(hit.headers['x-zhenggai-event']).toBe('measure.returned');
    expect(JSON.parse(hit.body)).toMatchObject({
      event: 'measure.returned',
      data: {
        title: expect.stringMatching(/^销号申请被退回：/),
        message: '佐证材料不完整',
        link: `/problems/${measure.problemId}#measure-${measure.id}`,
        measures: [{ id: measure.id, units: ['区水务和湖泊局'] }],
      },
    });
  });

  it('deletes a webhook (audited), keeping its deliveries readable', async () => {
    const hook = await create({
      url: `${base}/gone`,
      secret: SECRET,
      events: ['order.issued'],
      format: 'dingtalk',
    }).expect(201);
    await admin.agent.delete(`/api/webhooks/${hook.body.id}`).set('X-CSRF-Token', admin.csrfToken).expect(204);
    await admin.agent.delete(`/api/webhooks/${hook.body.id}`).set('X-CSRF-Token', admin.csrfToken).expect(404);
    const list = await admin.agent.get('/api/webhooks').expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(hook.body.id);
    await admin.agent.get(`/api/webhooks/${hook.body.id}/deliveries`).expect(200);
    const events = await t.dataSource.query(
      `SELECT action, actor_username, before, after FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at, id`,
      [hook.body.id],
    );
    expect(events.map((event: { action: string }) => event.action)).toEqual(['WEBHOOK_CREATED', 'WEBHOOK_DELETED']);
    expect(JSON.stringify(events)).not.toContain(SECRET);
  });

  it('never sends a delivery whose stored secret no longer opens: the attempt fails, logged', async () => {
    const hook = await create({
      url: `${base}/tampered`,
      secret: SECRET,
      events: ['measure.urged'],
      format: 'json',
    }).expect(201);
    // the first character of the ciphertext changed in the database (6 bits of its first byte)
    const [stored] = await t.dataSource.query(`SELECT secret FROM webhook WHERE id = $1`, [hook.body.id]);
    const parts = (stored.secret as string).split(':');
    parts[4] = (parts[4][0] === 'A' ? 'B' : 'A') + parts[4].slice(1);
    await t.dataSource.query(`UPDATE webhook SET secret = $2 WHERE id = $1`, [hook.body.id, parts.join(':')]);
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    await officer.agent
      .post(`/api/measures/${measure.id}/urge`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ message: '催办（密钥被改动）。' })
      .expect(201);
    const page = await until(async () => {
      const response = await admin.agent.get(`/api/webhooks/${hook.body.id}/deliveries`).expect(200);
      return response.body.total >= 1 ? response.body : null;
    }, 'the failed attempt');
    expect(page.items.at(-1)).toMatchObject({
      attempt: 1,
      status: 'failed',
      httpStatus: null,
      error: expect.stringContaining('签名密钥无法解密'),
    });
    expect(at('/tampered')).toEqual([]);
  });
});
