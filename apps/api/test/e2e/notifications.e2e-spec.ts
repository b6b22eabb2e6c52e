import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotificationsService } from '../../src/modules/notifications/notifications.service.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';

describe('in-app notifications (the bell)', () => {
  let t: TestApp;
  let unitlead: SignedIn;
  let unitlead2: SignedIn;
  const userId = async (username: string): Promise<string> =>
    (await t.dataSource.query(`SELECT id FROM user_account WHERE username = $1`, [username]))[0].id;

  beforeAll(async () => {
    t = await createTestApp();
    unitlead = await signIn(t.http, 'unitlead');
    unitlead2 = await signIn(t.http, 'unitlead2');
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists only the caller’s own notifications, newest first, with the unread count; marks one and all read', async () => {
    const notifications = t.app.get(NotificationsService);
    const lead = await userId('unitlead');
    // a duplicate recipient is notified once
    expect(
      await notifications.notify([lead, lead], {
        kind: 'measure.urged',
        title: '整改措施催办',
        body: '请于本周内报送“清四乱”整改进展。',
        link: '/problems/p1?measure=m1',
      }),
    ).toBe(1);
    t.clock.advance(60_000);
    await notifications.notify([lead, await userId('unitlead2')], {
      kind: 'measure.urged',
      title: '第二次催办',
      body: '仍未报送。',
      link: null,
    });

    const mine = await unitlead.agent.get('/api/notifications').expect(200);
    expect(mine.body).toMatchObject({ total: 2, unread: 2, page: 1 });
    expect(mine.body.items.map((item: { title: string }) => item.title)).toEqual(['第二次催办', '整改措施催办']);
    expect(mine.body.items[1]).toMatchObject({
      kind: 'measure.urged',
      body: '请于本周内报送“清四乱”整改进展。',
      link: '/problems/p1?measure=m1',
      readAt: null,
    });

    // another user's notification is not found, and unchanged
    const theirs = await unitlead2.agent.get('/api/notifications').expect(200);
    expect(theirs.body.total).toBe(1);
    const refused = await unitlead.agent
      .post(`/api/notifications/${theirs.body.items[0].id}/read`)
      .set('X-CSRF-Token', unitlead.csrfToken)
      .expect(404);
    expect(refused.body.code).toBe('NOT_FOUND');
    expect((await unitlead2.agent.get('/api/notifications?unread=true').expect(200)).body.unread).toBe(1);

    const read = await unitlead.agent
      .post(`/api/notifications/${mine.body.items[1].id}/read`)
      .set('X-CSRF-Token', unitlead.csrfToken)
      .expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const unread = await unitlead.agent.get('/api/notifications?unread=true').expect(200);
    expect(unread.body).toMatchObject({ total: 1, unread: 1, items: [{ title: '第二次催办' }] });

    const all = await unitlead.agent
      .post('/api/notifications/read-all')
      .set('X-CSRF-Token', unitlead.csrfToken)
      .expect(200);
    expect(all.body).toEqual({ updated: 1 });
    expect((await unitlead.agent.get('/api/notifications').expect(200)).body).toMatchObject({ total: 2, unread: 0 });
  });

  it('refuses bad input with a 4xx and a Chinese message', async () => {
    const bad = await unitlead.agent.get('/api/notifications?unread=maybe').expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    await unitlead.agent.get('/api/notifications?pageSize=1000').expect(400);
    const notFound = await unitlead.agent
      .post('/api/notifications/not-an-id/read')
      .set('X-CSRF-Token', unitlead.csrfToken)
      .expect(404);
    expect(notFound.body.message).toMatch(/不存在/);
    await unitlead.agent.post('/api/notifications/read-all').expect(403);
  });
});
