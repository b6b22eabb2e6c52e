import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { soleUnitMeasures } from '../support/fixtures.js';
import { NotificationMailJob } from '../../src/modules/notifications/notification-mail.job.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the mail');
    await sleep(100);
  }
}

type Delivery = {
  recipient: string;
  subject: string;
  status: string;
  attempt: number;
  error: string | null;
  kind: string;
};

// The mail channel against a real SMTP server (smtp-server) with the real queue: a notification's mail is sent by a
// worker, every attempt is logged, a refused mail is tried again.
describe('mail notifications', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let officer: SignedIn;
  let sysadmin: SignedIn;

  const post = (caller: SignedIn, path: string, body: object) =>
    caller.agent.post(path).set('X-CSRF-Token', caller.csrfToken).send(body);
  const deliveries = async (query = '') =>
    (await sysadmin.agent.get(`/api/notification-deliveries${query}`).expect(200)).body.items as Delivery[];

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({
      env: {
        JOBS: 'on',
        JOBS_POLL_SECONDS: '0.5',
        SMTP_URL: smtp.url,
        MAIL_FROM: '整改专班 <zhenggai@example.gov.cn>',
        MAIL_RETRY_DELAY_SECONDS: '1',
        PUBLIC_URL: 'https://zhenggai.example.gov.cn',
      },
    });
    officer = await signIn(t.http, 'officer');
    sysadmin = await signIn(t.http, 'sysadmin');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('mails a 催办 to each account of the unit that has an address, in Chinese, with a link into the app', async () => {
    const [{ unit_id: unitId }] = await t.dataSource.query(
      `SELECT unit_id FROM user_account WHERE username = 'unitlead'`,
    );
    // the admin gives the unit leader an address; the unit's other accounts have none
    const users = await sysadmin.agent.get('/api/users?q=unitlead').expect(200);
    const lead = users.body.items.find((user: { username: string }) => user.username === 'unitlead');
    const updated = await sysadmin.agent
      .patch(`/api/users/${lead.id}`)
      .set('X-CSRF-Token', sysadmin.csrfToken)
      .send({ version: lead.version, email: ' Lead@Water.example.cn ' })
      .expect(200);
    expect(updated.body.email).toBe('Lead@Water.example.cn');
    const [{ count: unitUsers }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM user_account WHERE unit_id = $1 AND disabled_at IS NULL`,
      [unitId],
    );

    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    const urged = await post(officer, `/api/measures/${measure.id}/urge`, { message: '请于本周五前报送整改进展。' });
    expect(urged.status).toBe(201);
    expect(urged.body.recipients).toBe(unitUsers);

    const mail = await until(() => smtp.received.find((m) => m.subject?.includes('催办')));
    // nodemailer writes the domain in lower case
    expect(mail.to).toMatchObject({ value: [{ address: 'Lead@water.example.cn' }] });
    expect(mail.from).toMatchObject({ value: [{ address: 'zhenggai@example.gov.cn', name: '整改专班' }] });
    expect(mail.subject).toMatch(/^【整改工作平台】整改专班催办：/);
    expect(mail.text).toContain('请于本周五前报送整改进展。');
    expect(mail.text).toContain(
      `查看详情：https://zhenggai.example.gov.cn/problems/${measure.problemId}#measure-${measure.id}`,
    );
    expect(mail.html).toContain('请于本周五前报送整改进展。');
    // one mail: the unit's accounts without an address are told in the app only
    await sleep(1000);
    expect(smtp.received.filter((m) => m.subject?.includes('催办'))).toHaveLength(1);

    const log = await until(async () => (await deliveries('?channel=email')).find((d) => d.kind === 'measure.urged'));
    expect(log).toMatchObject({ recipient: 'Lead@Water.example.cn', status: 'sent', attempt: 1, error: null });
    expect(log.subject).toBe(mail.subject);
  });

  it('tries a refused mail again and logs every attempt', async () => {
    await t.dataSource.query(`UPDATE user_account SET email = 'lead2@example.cn' WHERE username = 'unitlead2'`);
    smtp.refuseNext(1);
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead2', 'in_progress', 1);
    await post(officer, `/api/measures/${measure.id}/urge`, { message: '第二次催办' }).expect(201);

    const mail = await until(() => smtp.received.find((m) => m.text?.includes('第二次催办')));
    expect(mail.to).toMatchObject({ value: [{ address: 'lead2@example.cn' }] });
    expect(smtp.refused).toBe(1);
    const attempts = await until(async () => {
      const rows = (await deliveries()).filter((d) => d.recipient === 'lead2@example.cn');
      return rows.length === 2 ? rows : undefined;
    });
    expect(attempts.map((d) => [d.attempt, d.status])).toEqual([
      [2, 'sent'],
      [1, 'failed'],
    ]);
    expect(attempts[1].error).toMatch(/451/);
    const failed = await deliveries('?status=failed');
    expect(failed.every((d) => d.status === 'failed')).toBe(true);
  });

  it('lets each user choose which kinds also come by email; the app still shows every one', async () => {
    const lead2 = await signIn(t.http, 'unitlead2');
    const settings = await lead2.agent.get('/api/notifications/settings').expect(200);
    expect(settings.body).toMatchObject({ email: 'lead2@example.cn', mailEnabled: true });
    const kinds = settings.body.kinds as Array<{ kind: string; label: string; email: boolean; inApp: boolean }>;
    expect(kinds.find((k) => k.kind === 'measure.urged')).toEqual({
      kind: 'measure.urged',
      label: '催办',
      inApp: true,
      email: true,
    });
    // a unit leader never receives the task force's review requests: not offered, and refused
    expect(kinds.some((k) => k.kind === 'measure.submitted')).toBe(false);
    const put = (body: object) =>
      lead2.agent.put('/api/notifications/settings').set('X-CSRF-Token', lead2.csrfToken).send(body);
    const foreign = await put({
      version: settings.body.version,
      kinds: [{ kind: 'measure.submitted', email: false }],
    }).expect(400);
    expect(foreign.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    await put({ version: settings.body.version, kinds: [{ kind: 'no.such', email: false }] }).expect(400);
    await put({ version: settings.body.version, email: 'lead2@' }).expect(400);
    await put({ kinds: [{ kind: 'measure.urged', email: false }] }).expect(409);

    const saved = await put({
      version: settings.body.version,
      kinds: [{ kind: 'measure.urged', email: false }],
    }).expect(200);
    expect(saved.body.kinds.find((k: { kind: string }) => k.kind === 'measure.urged').email).toBe(false);
    // the same version twice: the second is stale
    const stale = await put({ version: settings.body.version, email: 'other@example.cn' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', current: { email: 'lead2@example.cn' } });
    const [event] = await t.dataSource.query(
      `SELECT before, after FROM audit_event WHERE action = 'NOTIFICATION_SETTINGS_UPDATED'`,
    );
    expect(event).toMatchObject({ before: { emailOff: [] }, after: { emailOff: ['measure.urged'] } });

    const unreadBefore = (await lead2.agent.get('/api/notifications').expect(200)).body.unread;
    const mailsBefore = smtp.received.length;
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead2', 'in_progress', 1);
    await post(officer, `/api/measures/${measure.id}/urge`, { message: '只在系统内提醒' }).expect(201);
    expect((await lead2.agent.get('/api/notifications').expect(200)).body.unread).toBe(unreadBefore + 1);
    await sleep(2000);
    expect(smtp.received.slice(mailsBefore).some((m) => m.text?.includes('只在系统内提醒'))).toBe(false);

    // the user's own address, changed on the same page
    const moved = await put({ version: saved.body.version, email: ' new-lead2@example.cn ' }).expect(200);
    expect(moved.body.email).toBe('new-lead2@example.cn');
    const removed = await put({ version: moved.body.version, email: '' }).expect(200);
    expect(removed.body.email).toBeNull();
  });

  it('mails every account of every unit once in a bulk 催办 (one queued mail each, none dropped)', async () => {
    // two more accounts of the unit leader's unit, created with their address
    const [{ unit_id: unitId }] = await t.dataSource.query(
      `SELECT unit_id FROM user_account WHERE username = 'unitlead'`,
    );
    for (const username of ['water.staff1', 'water.staff2']) {
      const created = await post(sysadmin, '/api/users', {
        username,
        displayName: '经办人',
        roles: ['unit_staff'],
        unitId,
        email: `${username}@example.cn`,
      }).expect(201);
      expect(created.body.user.email).toBe(`${username}@example.cn`);
    }
    const accounts: { username: string; email: string }[] = await t.dataSource
      .query(
        `UPDATE user_account ua SET email = ua.username || '@bulk.example.cn'
       FROM user_account lead WHERE lead.username IN ('unitlead', 'unitlead2') AND ua.unit_id = lead.unit_id
         AND ua.disabled_at IS NULL
       RETURNING ua.username, ua.email`,
      )
      .then(([rows]) => rows);
    expect(accounts.length).toBeGreaterThanOrEqual(4);
    await t.dataSource.query(`DELETE FROM notification_preference`);
    const [a] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    const [b] = await soleUnitMeasures(t.dataSource, 'unitlead2', 'in_progress', 1);
    const urged = await post(officer, '/api/measures/urge', { measureIds: [a.id, b.id], message: '批量催办' }).expect(
      201,
    );
    expect(urged.body.recipients).toBe(accounts.length);

    const mails = await until(() => {
      const arrived = smtp.received.filter((m) => m.text?.includes('批量催办'));
      return arrived.length >= accounts.length ? arrived : undefined;
    });
    await sleep(1000);
    const addresses = smtp.received
      .filter((m) => m.text?.includes('批量催办'))
      .map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0].address);
    expect(addresses.sort()).toEqual(accounts.map((account) => account.email.toLowerCase()).sort());
    expect(mails).toHaveLength(accounts.length);
  });

  it('sends one digest a day to an account that chose it, instead of one mail per notification', async () => {
    await t.dataSource.query(`UPDATE user_account SET email = 'digest@example.cn' WHERE username = 'unitlead2'`);
    const lead2 = await signIn(t.http, 'unitlead2');
    const settings = await lead2.agent.get('/api/notifications/settings').expect(200);
    expect(settings.body.mailDigest).toBe(false);
    const saved = await lead2.agent
      .put('/api/notifications/settings')
      .set('X-CSRF-Token', lead2.csrfToken)
      .send({ version: settings.body.version, mailDigest: true, kinds: [{ kind: 'measure.urged', email: true }] })
      .expect(200);
    expect(saved.body.mailDigest).toBe(true);

    const [first, second] = await soleUnitMeasures(t.dataSource, 'unitlead2', 'in_progress', 2);
    for (const [measure, message] of [
      [first, '汇总第一条'],
      [second, '汇总第二条'],
    ] as const) {
      await post(officer, `/api/measures/${measure.id}/urge`, { message }).expect(201);
    }
    await sleep(1500);
    expect(smtp.received.some((m) => m.text?.includes('汇总第一条'))).toBe(false);

    // the 07:30 job, run now: one mail with both, and nothing the second time
    const demoNow = t.clock.now();
    t.clock.set(new Date());
    const job = t.app.get(NotificationMailJob);
    expect(await job.digest()).toEqual({ digests: 1 });
    const digest = await until(() => smtp.received.find((m) => m.subject?.startsWith('【整改工作平台】通知汇总')));
    expect(digest.subject).toBe('【整改工作平台】通知汇总（2 条）');
    expect(digest.to).toMatchObject({ value: [{ address: 'digest@example.cn' }] });
    expect(digest.text).toContain('汇总第一条');
    expect(digest.text).toContain('汇总第二条');
    expect(await job.digest()).toEqual({ digests: 0 });
    t.clock.set(demoNow);
  });

  it('shows the system admin the channel and sends a test mail', async () => {
    const channels = await sysadmin.agent.get('/api/notification-channels').expect(200);
    expect(channels.body.email).toMatchObject({
      enabled: true,
      host: '127.0.0.1',
      secure: false,
      from: '整改专班 <zhenggai@example.gov.cn>',
      publicUrl: 'https://zhenggai.example.gov.cn',
      usersWithEmail: expect.any(Number),
    });
    expect(JSON.stringify(channels.body)).not.toContain('smtp://');

    await post(sysadmin, '/api/notification-channels/email/test', { to: 'admin@example.cn' }).expect(202);
    const mail = await until(() => smtp.received.find((m) => m.subject === '【整改工作平台】邮件通道测试'));
    expect(mail.text).toContain('收到此邮件说明邮件通道配置正确');
    const [event] = await t.dataSource.query(`SELECT detail FROM audit_event WHERE action = 'MAIL_TEST_REQUESTED'`);
    expect(event.detail).toEqual({ to: 'admin@example.cn' });

    const bad = await post(sysadmin, '/api/notification-channels/email/test', { to: 'not an address' }).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    await post(officer, '/api/notification-channels/email/test', { to: 'a@b.cn' }).expect(403);
    await officer.agent.get('/api/notification-channels').expect(403);
    await officer.agent.get('/api/notification-deliveries').expect(403);
  });

  it('refuses an address that is not one and clears an empty one', async () => {
    const users = await sysadmin.agent.get('/api/users?q=supervisor').expect(200);
    const user = users.body.items[0];
    const patch = (body: object) =>
      sysadmin.agent.patch(`/api/users/${user.id}`).set('X-CSRF-Token', sysadmin.csrfToken).send(body);
    const bad = await patch({ version: user.version, email: 'zhang@' }).expect(400);
    expect(bad.body.message).toBeTruthy();
    expect(JSON.stringify(bad.body)).toContain('请输入有效的邮箱地址');
    await patch({ version: user.version, email: 'x'.repeat(250) + '@a.cn' }).expect(400);
    const set = await patch({ version: user.version, email: 'sup@example.cn' }).expect(200);
    const cleared = await patch({ version: set.body.version, email: '' }).expect(200);
    expect(cleared.body.email).toBeNull();
    const [event] = await t.dataSource.query(
      `SELECT before, after FROM audit_event WHERE action = 'USER_UPDATED' AND entity_id = $1 ORDER BY occurred_at DESC LIMIT 1`,
      [user.id],
    );
    expect(event).toMatchObject({ before: { email: 'sup@example.cn' }, after: { email: null } });
  });
});

describe('mail off (no SMTP_URL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('says so on the channels page, refuses a test mail and queues no mail', async () => {
    const sysadmin = await signIn(t.http, 'sysadmin');
    const channels = await sysadmin.agent.get('/api/notification-channels').expect(200);
    expect(channels.body.email).toMatchObject({ enabled: false, host: null, from: null });
    const refused = await sysadmin.agent
      .post('/api/notification-channels/email/test')
      .set('X-CSRF-Token', sysadmin.csrfToken)
      .send({ to: 'admin@example.cn' })
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'MAIL_OFF', message: expect.stringContaining('SMTP_URL') });

    await t.dataSource.query(`UPDATE user_account SET email = 'lead@example.cn' WHERE username = 'unitlead'`);
    const officer = await signIn(t.http, 'officer');
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    await officer.agent
      .post(`/api/measures/${measure.id}/urge`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ message: '请报送进展' })
      .expect(201);
    const [{ exists }] = await t.dataSource.query(`SELECT to_regclass('pgboss.job') IS NOT NULL AS exists`);
    const queued = exists
      ? await t.dataSource.query(`SELECT 1 FROM pgboss.job WHERE name = 'notifications.email'`)
      : [];
    expect(queued).toHaveLength(0);
  });
});

describe('quiet hours (22:00–07:00 China time)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // 23:10 China time; no worker runs (JOBS=off), so the queued jobs stay as queued
    t = await createTestApp({
      now: new Date('2024-03-15T23:10:00+08:00'),
      env: {
        SMTP_URL: 'smtp://127.0.0.1:2',
        MAIL_FROM: '整改专班 <zhenggai@example.gov.cn>',
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('holds mail and webhook deliveries until 07:00 while the bell is immediate', async () => {
    const sysadmin = await signIn(t.http, 'sysadmin');
    await sysadmin.agent
      .post('/api/webhooks')
      .set('X-CSRF-Token', sysadmin.csrfToken)
      .send({
        url: 'http://127.0.0.1:9/robot',
        secret: 'a-secret-of-sixteen+',
        events: ['measure.urged'],
        format: 'json',
      })
      .expect(201);
    await t.dataSource.query(`UPDATE user_account SET email = 'lead@example.cn' WHERE username = 'unitlead'`);
    const officer = await signIn(t.http, 'officer');
    const unitlead = await signIn(t.http, 'unitlead');
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    await officer.agent
      .post(`/api/measures/${measure.id}/urge`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ message: '夜间催办' })
      .expect(201);

    const bell = await unitlead.agent.get('/api/notifications?unread=true').expect(200);
    expect(bell.body.items[0].body).toContain('夜间催办');
    const jobs: Array<{ name: string; start_after: Date }> = await t.dataSource.query(
      `SELECT name, start_after FROM pgboss.job WHERE name IN ('notifications.email', 'webhooks.deliver') ORDER BY name`,
    );
    expect(jobs.map((job) => job.name)).toEqual(['notifications.email', 'webhooks.deliver']);
    for (const job of jobs)
      expect(job.start_after.toISOString()).toBe(new Date('2024-03-16T07:00:00+08:00').toISOString());
  });
});
