import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';

interface Replacement {
  kind: 'name' | 'term';
  original?: string;
  replacement: string;
  count: number;
}

interface Publication {
  id: string;
  inspectionId: string;
  status: 'draft' | 'published' | 'withdrawn';
  title: string;
  text: string;
  maskedCount: number;
  replacements: Replacement[];
  publicityFrom: string;
  publicityTo: string;
  contactPhone: string | null;
  slug: string | null;
  publishedAt: string | null;
  version: number;
}

const PUBLIC_FIELDS = [
  'contactEmail',
  'contactHours',
  'contactPhone',
  'feedbackOpen',
  'issuer',
  'publicityFrom',
  'publicityTo',
  'publishedAt',
  'text',
  'title',
].sort();
// the persons and the term this file puts into the live data; none of them may reach the public
const PERSON = '郑建国';
const ACCOUNT_NAME = '欧阳娜娜';
const PHONE = '13800138000';
// the feedback limit per IP and minute in this file
const FEEDBACK_RATE = 5;
const MINUTE = 60_000;

describe('public notices: masking, publication, public page, feedback (HTTP)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let supervisor: SignedIn;
  let unitlead: SignedIn;
  let unitlead2: SignedIn;
  let inspectionId: string;

  const write = (who: SignedIn, method: 'post' | 'patch', url: string) =>
    who.agent[method](url).set('X-CSRF-Token', who.csrfToken);
  const anonymous = () => request(t.http);
  const feedback = (slug: string, body: Record<string, unknown>) =>
    anonymous().post(`/api/public/notices/${slug}/feedback`).set('User-Agent', 'jest-public/1.0').send(body);
  // every test that sends opinions starts a new rate-limit window, so that only the limit test meets the limit
  const freshRateWindow = () => t.clock.advance(MINUTE + 1000);

  async function draft(body: Record<string, unknown> = {}): Promise<Publication> {
    return (await write(officer, 'post', `/api/inspections/${inspectionId}/publications`).send(body).expect(201))
      .body as Publication;
  }

  /** A draft whose period covers the test day (2024-03-15), published. */
  async function published(body: Record<string, unknown> = {}): Promise<Publication> {
    const created = await draft(body);
    const patched = (
      await write(officer, 'patch', `/api/publications/${created.id}`)
        .send({ version: created.version, publicityFrom: '2024-03-01', publicityTo: '2024-03-31' })
        .expect(200)
    ).body as Publication;
    return (
      await write(officer, 'post', `/api/publications/${created.id}/publish`)
        .send({ version: patched.version })
        .expect(200)
    ).body as Publication;
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { FEEDBACK_RATE_PER_MINUTE: String(FEEDBACK_RATE) } });
    [officer, supervisor, unitlead, unitlead2] = await Promise.all(
      ['officer', 'supervisor', 'unitlead', 'unitlead2'].map((name) => signIn(t.http, name)),
    );
    [{ id: inspectionId }] = await t.dataSource.query(`SELECT id FROM inspection WHERE deleted_at IS NULL LIMIT 1`);
    // a person and an account known to the system, named in measure texts edited through the API
    await t.dataSource.query(`INSERT INTO person (name, title) VALUES ($1, '督办人')`, [PERSON]);
    await t.dataSource.query(
      `INSERT INTO user_account (username, display_name, password_hash, roles) VALUES ('pub_test', $1, 'x', '{supervisor}')`,
      [ACCOUNT_NAME],
    );
    const measures: Array<{ id: string; version: number; text: string }> = await t.dataSource.query(
      `SELECT m.id, m.version, m.text FROM measure m JOIN problem p ON p.id = m.problem_id
       WHERE p.inspection_id = $1 AND m.deleted_at IS NULL ORDER BY p.seq, m.seq LIMIT 2`,
      [inspectionId],
    );
    await write(officer, 'patch', `/api/measures/${measures[0].id}`)
      .send({ version: measures[0].version, text: `${measures[0].text}由${PERSON}牵头督办，联系电话${PHONE}。` })
      .expect(200);
    await write(officer, 'patch', `/api/measures/${measures[1].id}`)
      .send({ version: measures[1].version, text: `${measures[1].text}${ACCOUNT_NAME}同志负责跟踪问效。` })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('generates a draft from the live notice with person names and terms masked; originals only for the officer', async () => {
    const created = await draft({ maskedTerms: [PHONE], organisationText: '党工委切实履行整改主体责任。' });
    expect(created).toMatchObject({
      inspectionId,
      status: 'draft',
      publicityFrom: '2024-07-18',
      publicityTo: '2024-08-08',
      contactPhone: '027-84851224',
      slug: null,
      publishedAt: null,
      version: 1,
    });
    expect(created.title).toMatch(/通报$/);
    expect(created.text).toContain('公开期限：2024年7月18日至8月8日。');
    expect(created.text).toMatch(/^根据/);
    expect(created.text).toContain('党工委切实履行整改主体责任。');
    expect(created.text).toContain('由郑某牵头督办，联系电话＊＊＊。');
    expect(created.text).toContain('欧阳某同志负责跟踪问效');
    for (const original of [PERSON, ACCOUNT_NAME, PHONE]) expect(created.text).not.toContain(original);
    expect(created.replacements).toEqual(
      expect.arrayContaining([
        { kind: 'name', original: PERSON, replacement: '郑某', count: 1 },
        { kind: 'name', original: ACCOUNT_NAME, replacement: '欧阳某', count: 1 },
        { kind: 'term', original: PHONE, replacement: '＊＊＊', count: 1 },
      ]),
    );
    expect(created.maskedCount).toBe(created.replacements.reduce((sum, entry) => sum + entry.count, 0));

    // the text is the notice export itself (one generator), masked
    const exported = (
      await officer.agent
        .get(`/api/inspections/${inspectionId}/exports/notice.txt`)
        .query({ organisation: '党工委切实履行整改主体责任。' })
        .expect(200)
    ).text;
    let expected = exported;
    for (const entry of created.replacements) expected = expected.split(entry.original!).join(entry.replacement);
    expect(`${created.title}\n\n${created.text}\n`).toBe(expected);

    const unmasked = await draft({ maskPersonNames: false });
    expect(unmasked.text).toContain(PERSON);
    expect(unmasked.replacements).toEqual([]);

    // a supervisor reads drafts but never the originals
    const seen = (await supervisor.agent.get(`/api/publications/${created.id}`).expect(200)).body as Publication;
    expect(seen.text).toBe(created.text);
    expect(JSON.stringify(seen.replacements)).not.toContain(PERSON);
    expect(seen.replacements.every((entry) => entry.original === undefined)).toBe(true);

    const list = (await supervisor.agent.get(`/api/inspections/${inspectionId}/publications`).expect(200)).body as {
      items: Array<Record<string, unknown>>;
    };
    expect(list.items.map((item) => item.id)).toEqual(expect.arrayContaining([created.id, unmasked.id]));
    expect(list.items[0]).not.toHaveProperty('text');

    const [audit] = await t.dataSource.query(
      `SELECT actor_username, detail::text AS detail FROM audit_event WHERE action = 'PUBLICATION_CREATED' AND entity_id = $1`,
      [created.id],
    );
    expect(audit.actor_username).toBe('officer');
    expect(audit.detail).not.toContain(PERSON);
  });

  it('lets only the task force create, edit, publish and withdraw; unit leaders see nothing', async () => {
    const created = await draft();
    const id = created.id;
    await write(supervisor, 'post', `/api/inspections/${inspectionId}/publications`).send({}).expect(403);
    await write(supervisor, 'patch', `/api/publications/${id}`).send({ version: 1, title: '改' }).expect(403);
    await write(supervisor, 'post', `/api/publications/${id}/publish`).send({ version: 1 }).expect(403);
    await write(supervisor, 'post', `/api/publications/${id}/withdraw`)
      .send({ version: 1, reason: '撤回' })
      .expect(403);
    await supervisor.agent.get(`/api/publications/${id}/feedback`).expect(403);
    for (const leader of [unitlead, unitlead2]) {
      await write(leader, 'post', `/api/inspections/${inspectionId}/publications`).send({}).expect(403);
      await leader.agent.get(`/api/inspections/${inspectionId}/publications`).expect(403);
      await leader.agent.get(`/api/publications/${id}`).expect(403);
      await write(leader, 'post', `/api/publications/${id}/publish`).send({ version: 1 }).expect(403);
      await leader.agent.get(`/api/publications/${id}/feedback`).expect(403);
    }
    await anonymous().get(`/api/publications/${id}`).expect(401);
    // writes need the CSRF token
    await officer.agent.post(`/api/publications/${id}/publish`).send({ version: 1 }).expect(403);
    await officer.agent.get(`/api/publications/${randomUUID()}`).expect(404);
    await write(officer, 'post', `/api/inspections/${randomUUID()}/publications`).send({}).expect(404);
  });

  it('edits a draft under its version: stale or missing → 409, an inverted period → 400', async () => {
    const created = await draft();
    const edited = (
      await write(officer, 'patch', `/api/publications/${created.id}`)
        .send({
          version: 1,
          title: '关于巡视整改进展情况的通报',
          text: '第一段。\n\n第二段。',
          publicityTo: '2024-08-10',
        })
        .expect(200)
    ).body as Publication;
    expect(edited).toMatchObject({
      version: 2,
      title: '关于巡视整改进展情况的通报',
      text: '第一段。\n\n第二段。',
      publicityTo: '2024-08-10',
    });

    const stale = await write(officer, 'patch', `/api/publications/${created.id}`)
      .send({ version: 1, title: '旧版本' })
      .expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.current).toMatchObject({ version: 2, title: '关于巡视整改进展情况的通报' });
    expect(
      (await write(officer, 'patch', `/api/publications/${created.id}`).send({ title: '无版本' }).expect(409)).body
        .code,
    ).toBe('VERSION_REQUIRED');
    const inverted = await write(officer, 'patch', `/api/publications/${created.id}`)
      .send({ version: 2, publicityFrom: '2024-09-01' })
      .expect(400);
    expect(inverted.body.errors).toHaveProperty('publicityTo');
    await write(officer, 'patch', `/api/publications/${created.id}`)
      .send({ version: 2, text: '含控制字符\u0007' })
      .expect(400);
    // optional is not nullable: a null title, text or period is refused, never written
    for (const field of ['title', 'text', 'publicityFrom', 'publicityTo']) {
      await write(officer, 'patch', `/api/publications/${created.id}`)
        .send({ version: 2, [field]: null })
        .expect(400);
    }
    await write(officer, 'post', `/api/publications/${created.id}/publish`).send({ version: 1 }).expect(409);

    const [audit] = await t.dataSource.query(
      `SELECT before, after FROM audit_event WHERE action = 'PUBLICATION_UPDATED' AND entity_id = $1`,
      [created.id],
    );
    expect(audit.after).toEqual({ title: '关于巡视整改进展情况的通报', textLength: 10, publicityTo: '2024-08-10' });
  });

  it('publishes under a random slug; the public page needs no session and shows only the notice', async () => {
    const notice = await published({ maskedTerms: [PHONE] });
    expect(notice.status).toBe('published');
    expect(notice.slug).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(notice.publishedAt).toBe('2024-03-15T04:00:00.000Z');
    expect(notice.replacements.length).toBeGreaterThan(0);
    // once published the originals are gone from the database too
    const [stored] = await t.dataSource.query(
      `SELECT replacements::text AS replacements FROM publication WHERE id = $1`,
      [notice.id],
    );
    expect(stored.replacements).not.toContain(PERSON);
    expect(notice.replacements.every((entry) => entry.original === undefined)).toBe(true);

    const page = await anonymous().get(`/api/public/notices/${notice.slug}`).expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(Object.keys(page.body).sort()).toEqual(PUBLIC_FIELDS);
    expect(page.body).toEqual({
      title: notice.title,
      text: notice.text,
      issuer: '中共武汉经开区党工委',
      publishedAt: '2024-03-15T04:00:00.000Z',
      publicityFrom: '2024-03-01',
      publicityTo: '2024-03-31',
      contactPhone: '027-84851224',
      contactHours: expect.any(String),
      contactEmail: expect.any(String),
      feedbackOpen: true,
    });
    for (const secret of [PERSON, ACCOUNT_NAME, PHONE, notice.id, inspectionId])
      expect(page.text).not.toContain(secret);
    // the text states the period the notice was published for, not the inspection's
    expect(page.body.text).toContain('公开期限：2024年3月1日至3月31日。');

    // published: no more edits, no second publication
    await write(officer, 'patch', `/api/publications/${notice.id}`)
      .send({ version: notice.version, title: '改' })
      .expect(409);
    const again = await write(officer, 'post', `/api/publications/${notice.id}/publish`)
      .send({ version: notice.version })
      .expect(409);
    expect(again.body.code).toBe('TRANSITION_NOT_ALLOWED');

    const [audit] = await t.dataSource.query(
      `SELECT actor_username FROM audit_event WHERE action = 'PUBLICATION_PUBLISHED' AND entity_id = $1`,
      [notice.id],
    );
    expect(audit.actor_username).toBe('officer');
  });

  it('answers 404 for an unknown slug, a draft and a withdrawn notice', async () => {
    await anonymous().get('/api/public/notices/AAAAAAAAAAAAAAAAAAAAAA').expect(404);
    await anonymous().get('/api/public/notices/not-a-slug').expect(404);
    await anonymous().get(`/api/public/notices/${"'%20OR%201=1--"}`).expect(404);

    // a draft that somehow carries a slug is still not public
    const created = await draft();
    await t.dataSource.query(`UPDATE publication SET slug = 'draftSlugXXXXXXXXXXXXX' WHERE id = $1`, [created.id]);
    const hidden = await anonymous().get('/api/public/notices/draftSlugXXXXXXXXXXXXX').expect(404);
    expect(hidden.body.code).toBe('NOT_FOUND');

    const notice = await published();
    await anonymous().get(`/api/public/notices/${notice.slug}`).expect(200);
    await write(officer, 'post', `/api/publications/${notice.id}/withdraw`)
      .send({ version: notice.version })
      .expect(400);
    const withdrawn = (
      await write(officer, 'post', `/api/publications/${notice.id}/withdraw`)
        .send({ version: notice.version, reason: '内容需要更新' })
        .expect(200)
    ).body as Publication & { withdrawReason: string };
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      withdrawReason: '内容需要更新',
      version: notice.version + 1,
    });
    await anonymous().get(`/api/public/notices/${notice.slug}`).expect(404);
    freshRateWindow();
    await feedback(notice.slug!, { content: '撤回后还能提意见吗？' }).expect(404);
    const twice = await write(officer, 'post', `/api/publications/${notice.id}/withdraw`)
      .send({ version: withdrawn.version, reason: '再次撤回' })
      .expect(409);
    expect(twice.body.code).toBe('TRANSITION_NOT_ALLOWED');

    // a draft may be discarded the same way
    const discarded = await write(officer, 'post', `/api/publications/${created.id}/withdraw`)
      .send({ version: created.version, reason: '不再使用' })
      .expect(200);
    expect(discarded.body.status).toBe('withdrawn');
    const actions = (
      await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at, id`, [
        notice.id,
      ])
    ).map((row: { action: string }) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'PUBLICATION_CREATED',
        'PUBLICATION_UPDATED',
        'PUBLICATION_PUBLISHED',
        'PUBLICATION_WITHDRAWN',
      ]),
    );
  });

  it('takes opinions within the publicity period into the inbox, newest first, stored with ip and user agent', async () => {
    const notice = await published();
    freshRateWindow();
    const unreadBefore = (await officer.agent.get('/api/feedback/unread-count').expect(200)).body.unread as number;
    const first = await feedback(notice.slug!, {
      content: '建议加快河湖整治进度。',
      name: '市民王先生',
      contact: '027-12345678',
    }).expect(201);
    expect(first.body).toEqual({ received: true });
    t.clock.advance(1000);
    await feedback(notice.slug!, { content: '  希望公开更多整改细节。  ' }).expect(201);

    const inbox = (await officer.agent.get(`/api/publications/${notice.id}/feedback`).expect(200)).body as {
      items: Array<{
        id: string;
        content: string;
        name: string | null;
        contact: string | null;
        handled: boolean;
        version: number;
      }>;
      total: number;
      unread: number;
    };
    expect(inbox.total).toBe(2);
    expect(inbox.unread).toBe(2);
    expect(inbox.items.map((item) => item.content)).toEqual(['希望公开更多整改细节。', '建议加快河湖整治进度。']);
    expect(inbox.items[1]).toMatchObject({ name: '市民王先生', contact: '027-12345678', handled: false });
    expect(inbox.items[0]).not.toHaveProperty('ip');

    const [row] = await t.dataSource.query(`SELECT ip, user_agent FROM publication_feedback WHERE id = $1`, [
      inbox.items[1].id,
    ]);
    expect(row.ip).toMatch(/127\.0\.0\.1|::1/);
    expect(row.user_agent).toBe('jest-public/1.0');
    const [audit] = await t.dataSource.query(
      `SELECT actor_id, actor_username, ip, detail::text AS detail FROM audit_event WHERE action = 'FEEDBACK_RECEIVED' AND entity_id = $1`,
      [inbox.items[1].id],
    );
    expect(audit).toMatchObject({ actor_id: null, actor_username: null });
    expect(audit.ip).toMatch(/127\.0\.0\.1|::1/);
    expect(audit.detail).not.toContain('王先生');

    // handled with a note, under its version
    const target = inbox.items[1];
    // the officers' menu badge counts both, and only officers may read it
    expect((await officer.agent.get('/api/feedback/unread-count').expect(200)).body).toEqual({
      unread: unreadBefore + 2,
    });
    await supervisor.agent.get('/api/feedback/unread-count').expect(403);
    await write(officer, 'post', `/api/feedback/${target.id}/read`).send({}).expect(409);
    await write(officer, 'post', `/api/feedback/${target.id}/read`)
      .send({ version: target.version + 1 })
      .expect(409);
    await write(supervisor, 'post', `/api/feedback/${target.id}/read`).send({ version: target.version }).expect(403);
    await write(unitlead, 'post', `/api/feedback/${target.id}/read`).send({ version: target.version }).expect(403);
    const handled = (
      await write(officer, 'post', `/api/feedback/${target.id}/read`)
        .send({ version: target.version, replyNote: '已转区水务和湖泊局办理' })
        .expect(200)
    ).body;
    expect(handled).toMatchObject({
      handled: true,
      replyNote: '已转区水务和湖泊局办理',
      handledBy: { name: '专班干部' },
    });
    const again = await write(officer, 'post', `/api/feedback/${target.id}/read`)
      .send({ version: handled.version })
      .expect(409);
    expect(again.body.code).toBe('TRANSITION_NOT_ALLOWED');
    await write(officer, 'post', `/api/feedback/${randomUUID()}/read`).send({ version: 1 }).expect(404);

    const unread = (await officer.agent.get(`/api/publications/${notice.id}/feedback?unread=true`).expect(200)).body;
    expect(unread).toMatchObject({ total: 1, unread: 1, page: 1, pageSize: 20 });
    expect(unread.items[0].content).toBe('希望公开更多整改细节。');
    const paged = (await officer.agent.get(`/api/publications/${notice.id}/feedback?page=2&pageSize=1`).expect(200))
      .body;
    expect(paged.items.map((item: { id: string }) => item.id)).toEqual([target.id]);
    await officer.agent.get(`/api/publications/${notice.id}/feedback?pageSize=100000`).expect(400);

    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_event WHERE action = 'FEEDBACK_HANDLED' AND entity_id = $1`,
      [target.id],
    );
    expect(count).toBe(1);
    const listed = (
      await officer.agent.get(`/api/inspections/${inspectionId}/publications`).expect(200)
    ).body.items.find((item: { id: string }) => item.id === notice.id);
    expect(listed).toMatchObject({ feedbackCount: 2, unreadFeedbackCount: 1 });
    expect((await officer.agent.get('/api/feedback/unread-count').expect(200)).body.unread).toBe(unreadBefore + 1);
  });

  it('refuses opinions outside the publicity period (China calendar date) with 409 FEEDBACK_CLOSED', async () => {
    // the inspection's period (2024-07-18 → 2024-08-08) has not begun on 2024-03-15
    const created = await draft();
    const future = (
      await write(officer, 'post', `/api/publications/${created.id}/publish`)
        .send({ version: created.version })
        .expect(200)
    ).body as Publication;
    expect(future.publicityFrom).toBe('2024-07-18');
    expect((await anonymous().get(`/api/public/notices/${future.slug}`).expect(200)).body.feedbackOpen).toBe(false);
    freshRateWindow();
    const early = await feedback(future.slug!, { content: '公开期限之前的意见。' }).expect(409);
    expect(early.body.code).toBe('FEEDBACK_CLOSED');

    // the last day is open, the day after is closed
    const notice = await published();
    await t.dataSource.query(`UPDATE publication SET publicity_to = '2024-03-15' WHERE id = $1`, [notice.id]);
    await feedback(notice.slug!, { content: '最后一天的意见建议。' }).expect(201);
    await t.dataSource.query(`UPDATE publication SET publicity_to = '2024-03-14' WHERE id = $1`, [notice.id]);
    expect((await feedback(notice.slug!, { content: '过了公开期限的意见。' }).expect(409)).body.code).toBe(
      'FEEDBACK_CLOSED',
    );
    expect((await anonymous().get(`/api/public/notices/${notice.slug}`).expect(200)).body.feedbackOpen).toBe(false);

    // a period that ended cannot be published
    const stale = await draft();
    const ended = (
      await write(officer, 'patch', `/api/publications/${stale.id}`)
        .send({ version: stale.version, publicityFrom: '2024-02-01', publicityTo: '2024-03-14' })
        .expect(200)
    ).body as Publication;
    await write(officer, 'post', `/api/publications/${stale.id}/publish`).send({ version: ended.version }).expect(400);
  });

  it('validates opinions: length, control characters, JSON only; a session cookie does not matter', async () => {
    const notice = await published();
    freshRateWindow();
    const short = await feedback(notice.slug!, { content: '太短' }).expect(400);
    expect(short.body.errors).toHaveProperty('content');
    await feedback(notice.slug!, { content: '含有响铃字符\u0007的意见。' }).expect(400);
    await feedback(notice.slug!, { content: '含有空字符\u0000的意见。' }).expect(400);
    await feedback(notice.slug!, { content: '正常的意见建议内容。', name: '名'.repeat(51) }).expect(400);
    await feedback(notice.slug!, { content: '正常的意见建议内容。', contact: '电话\n换行' }).expect(400);
    freshRateWindow();
    await feedback(notice.slug!, { content: '正常的意见建议内容。', extra: 'x' }).expect(400);
    await feedback(notice.slug!, { content: 'x'.repeat(2001) }).expect(400);
    // a cross-site HTML form can only send form or text bodies
    await anonymous()
      .post(`/api/public/notices/${notice.slug}/feedback`)
      .type('form')
      .send({ content: '通过表单提交的意见。' })
      .expect(415);

    // a signed-in browser sends its cookie but no token: accepted, and attributed to nobody
    freshRateWindow();
    await officer.agent
      .post(`/api/public/notices/${notice.slug}/feedback`)
      .send({ content: '带着登录状态提交的意见。' })
      .expect(201);
    const [row] = await t.dataSource.query(
      `SELECT a.actor_id FROM audit_event a JOIN publication_feedback f ON f.id::text = a.entity_id
       WHERE a.action = 'FEEDBACK_RECEIVED' AND f.publication_id = $1`,
      [notice.id],
    );
    expect(row.actor_id).toBeNull();
  });

  it(`limits opinions per client IP: request ${FEEDBACK_RATE + 1} within a minute answers 429`, async () => {
    const notice = await published();
    freshRateWindow();
    const statuses: number[] = [];
    for (let i = 0; i < FEEDBACK_RATE; i++) {
      statuses.push((await feedback(notice.slug!, { content: `第${i + 1}条意见建议内容。` })).status);
    }
    expect(statuses).toEqual(Array(FEEDBACK_RATE).fill(201));
    const limited = await feedback(notice.slug!, { content: '超出频率的意见建议。' }).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    // the next minute is a new window
    freshRateWindow();
    await feedback(notice.slug!, { content: '下一分钟的意见建议。' }).expect(201);
  });

  // last: it moves the clock by hours, past what the signed-in sessions of this file would survive
  it('counts the publicity period in China calendar days, whatever the UTC date', async () => {
    const notice = await published();
    await t.dataSource.query(`UPDATE publication SET publicity_to = '2024-03-16' WHERE id = $1`, [notice.id]);
    // 2024-03-16 07:30 in China is still 2024-03-15 in UTC: the last day, open
    t.clock.set(new Date('2024-03-16T07:30:00+08:00'));
    expect((await anonymous().get(`/api/public/notices/${notice.slug}`).expect(200)).body.feedbackOpen).toBe(true);
    await feedback(notice.slug!, { content: '最后一天早上的意见。' }).expect(201);
    // 2024-03-17 00:30 in China is 2024-03-16 in UTC: already closed
    t.clock.set(new Date('2024-03-17T00:30:00+08:00'));
    expect((await anonymous().get(`/api/public/notices/${notice.slug}`).expect(200)).body.feedbackOpen).toBe(false);
    expect((await feedback(notice.slug!, { content: '公开期限之后的意见。' }).expect(409)).body.code).toBe(
      'FEEDBACK_CLOSED',
    );
  });
});
