import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, signIn, type TestApp } from '../support/app.js';

// The session check of every request is one statement with nothing cached (issue 28, docs/performance.md): each
// change to the session or the account applies at the very next request, and an edit answers what a read gives.
describe('the one-statement session check (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const someMeasure = async () => {
    const [row] = (await t.dataSource.query(
      `SELECT id, version FROM measure WHERE deleted_at IS NULL ORDER BY id LIMIT 1`,
    )) as Array<{ id: string; version: number }>;
    return row;
  };

  it('applies a role change, a revocation and a disabling at the very next request', async () => {
    const officer = await signIn(t.http, 'officer');
    const measure = await someMeasure();
    const patch = (version: number, remarks: string) =>
      officer.agent
        .patch(`/api/measures/${measure.id}`)
        .set('X-CSRF-Token', officer.csrfToken)
        .send({ version, remarks });

    const first = await patch(measure.version, '第一次修改').expect(200);
    // roles taken away: the next request is refused, given back: the next one passes
    await t.dataSource.query(`UPDATE user_account SET roles = '{supervisor}' WHERE username = 'officer'`);
    expect((await patch(first.body.version, '无权修改').expect(403)).body.code).toBe('FORBIDDEN');
    await t.dataSource.query(`UPDATE user_account SET roles = '{task_force_officer}' WHERE username = 'officer'`);
    const second = await patch(first.body.version, '第二次修改').expect(200);
    expect(second.body.version).toBe(first.body.version + 1);

    // a forced password change opens the gate at once
    await t.dataSource.query(`UPDATE user_account SET must_change_password = true WHERE username = 'officer'`);
    expect((await officer.agent.get('/api/measures?pageSize=1').expect(403)).body.code).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
    await t.dataSource.query(`UPDATE user_account SET must_change_password = false WHERE username = 'officer'`);
    await officer.agent.get('/api/auth/me').expect(200);

    // a disabled account, then a revoked session: 401 at once
    await t.dataSource.query(`UPDATE user_account SET disabled_at = now() WHERE username = 'officer'`);
    expect((await officer.agent.get('/api/auth/me').expect(401)).body.code).toBe('SESSION_EXPIRED');
    await t.dataSource.query(`UPDATE user_account SET disabled_at = NULL WHERE username = 'officer'`);
    await officer.agent.get('/api/auth/me').expect(200);
    await t.dataSource.query(
      `UPDATE user_session SET revoked_at = now() WHERE csrf_token = $1 AND revoked_at IS NULL`,
      [officer.csrfToken],
    );
    expect((await patch(second.body.version, '已注销').expect(401)).body.code).toBe('SESSION_EXPIRED');
  });

  it('reads the unit subtree fresh: a new sub-unit counts at once, a deleted one drops out', async () => {
    const unitlead = await signIn(t.http, 'unitlead');
    const before = (await unitlead.agent.get('/api/auth/me').expect(200)).body.unitIds as string[];
    const [sub] = (await t.dataSource.query(
      `INSERT INTO unit (name, parent_id, kind) SELECT '会话测试科', id, kind FROM unit WHERE id = $1 RETURNING id`,
      [before[0]],
    )) as Array<{ id: string }>;
    expect((await unitlead.agent.get('/api/auth/me').expect(200)).body.unitIds).toEqual([...before, sub.id]);
    await t.dataSource.query(`UPDATE unit SET deleted_at = now() WHERE id = $1`, [sub.id]);
    expect((await unitlead.agent.get('/api/auth/me').expect(200)).body.unitIds).toEqual(before);
  });

  it('touches the session at most once a minute, and only a live one', async () => {
    const supervisor = await signIn(t.http, 'supervisor');
    const lastSeen = async () =>
      (
        (await t.dataSource.query(`SELECT last_seen_at FROM user_session WHERE csrf_token = $1`, [
          supervisor.csrfToken,
        ])) as Array<{ last_seen_at: Date }>
      )[0].last_seen_at.getTime();
    const signedInAt = await lastSeen();
    t.clock.advance(30_000);
    await supervisor.agent.get('/api/auth/me').expect(200);
    expect(await lastSeen()).toBe(signedInAt);
    t.clock.advance(40_000);
    await supervisor.agent.get('/api/auth/me').expect(200);
    expect(await lastSeen()).toBe(t.clock.now().getTime());
    // idle for longer than the limit: refused, and not touched back to life
    const touched = await lastSeen();
    t.clock.advance(31 * 60_000);
    await supervisor.agent.get('/api/auth/me').expect(401);
    expect(await lastSeen()).toBe(touched);
  });

  it('answers an edit with the same measure a read gives, units in order', async () => {
    const officer = await signIn(t.http, 'officer');
    const [row] = (await t.dataSource.query(
      `SELECT m.id, m.version FROM measure m WHERE m.deleted_at IS NULL
         AND (SELECT count(*) FROM measure_unit mu WHERE mu.measure_id = m.id) > 1 ORDER BY m.id LIMIT 1`,
    )) as Array<{ id: string; version: number }>;
    const edited = await officer.agent
      .patch(`/api/measures/${row.id}`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ version: row.version, remarks: '一次读取' })
      .expect(200);
    const read = await officer.agent.get(`/api/measures/${row.id}`).expect(200);
    expect(edited.body).toEqual(read.body);
    expect(read.body.remarks).toBe('一次读取');
    expect(read.body.units.length).toBeGreaterThan(1);
    expect(read.body.units[0].role).toBe('lead');
  });
});
