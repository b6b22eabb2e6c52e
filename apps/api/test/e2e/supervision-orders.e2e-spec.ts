import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { ReminderSweepService } from '../../src/modules/reminders/reminder-sweep.service.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { DEMO_TODAY } from '../support/database.js';
import { soleUnitMeasures } from '../support/fixtures.js';

const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// 督办单: numbered per year without gaps under concurrency, answered once by the unit, in the measures' history.
describe('supervision orders (督办单)', () => {
  let t: TestApp;
  let officer: SignedIn;
  let unitlead: SignedIn;
  let unitId: string;
  let measureIds: string[];

  const post = (caller: SignedIn, path: string, body: object) =>
    caller.agent.post(path).set('X-CSRF-Token', caller.csrfToken).send(body);
  const order = (body: Partial<{ unitId: string; measureIds: string[]; replyBy: string; body: string }> = {}) =>
    post(officer, '/api/supervision-orders', {
      unitId,
      measureIds,
      replyBy: plusDays(DEMO_TODAY, 7),
      body: '请于期限内报送整改情况并说明逾期原因。',
      ...body,
    });

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signIn(t.http, 'officer');
    unitlead = await signIn(t.http, 'unitlead');
    [{ unit_id: unitId }] = await t.dataSource.query(`SELECT unit_id FROM user_account WHERE username = 'unitlead'`);
    measureIds = (await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 2)).map((m) => m.id);
    // the demo's two orders (tested with the demo data) out of the way: numbering starts over
    await t.dataSource.query(`DELETE FROM supervision_order`);
    await t.dataSource.query(`DELETE FROM supervision_order_counter`);
    // the demo's open 报送轮次 would add its own reminders to the sweeps below
    await t.dataSource.query(`DELETE FROM report_round`);
  });
  afterAll(async () => {
    await t.close();
  });

  it('issues a numbered order, tells the unit, and writes it into each measure’s history', async () => {
    const created = await order().expect(201);
    expect(created.body).toMatchObject({
      number: '督办〔2024〕1号',
      unit: { id: unitId },
      status: 'open',
      statusLabel: '待回复',
      replyBy: plusDays(DEMO_TODAY, 7),
      repliedAt: null,
    });
    expect(created.body.measures.map((m: { id: string }) => m.id).sort()).toEqual([...measureIds].sort());

    const bell = await unitlead.agent.get('/api/notifications').expect(200);
    expect(bell.body.items[0]).toMatchObject({
      kind: 'order.issued',
      title: `督办单 督办〔2024〕1号：请于 ${plusDays(DEMO_TODAY, 7)} 前回复`,
      link: `/supervision-orders/${created.body.id}`,
    });
    const history = await unitlead.agent.get(`/api/measures/${measureIds[0]}/history`).expect(200);
    expect(history.body[0]).toMatchObject({
      action: 'order',
      actionLabel: '督办单',
      opinion: expect.stringContaining('请于期限内'),
    });
    const [audit] = await t.dataSource.query(`SELECT after FROM audit_event WHERE action = 'SUPERVISION_ORDER_ISSUED'`);
    expect(audit.after).toMatchObject({ number: '督办〔2024〕1号', unitId });
  });

  it('gives 20 concurrent orders 20 distinct consecutive numbers', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => order()));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201));
    const seqs = answers.map((answer) => answer.body.seq as number).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
  });

  it('refuses a past reply date, another unit’s measures, an unknown unit and an empty text — writing nothing', async () => {
    const [{ count: before }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM supervision_order`);
    const [other] = await soleUnitMeasures(t.dataSource, 'unitlead2', 'in_progress', 1);
    const cases: Array<[object, string]> = [
      [{ replyBy: plusDays(DEMO_TODAY, -1) }, 'replyBy'],
      [{ replyBy: '2024-02-30' }, 'replyBy'],
      [{ measureIds: [other.id] }, 'measureIds'],
      [{ measureIds: [] }, 'measureIds'],
      [{ unitId: '00000000-0000-4000-8000-000000000000' }, 'unitId'],
      [{ body: '   ' }, 'body'],
      [{ body: 'x'.repeat(2001) }, 'body'],
    ];
    for (const [body, field] of cases) {
      const refused = await order(body).expect(400);
      expect(refused.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(/\p{Script=Han}/u),
      });
      expect(Object.keys(refused.body.errors ?? {})).toContain(field);
    }
    await post(unitlead, '/api/supervision-orders', {
      unitId,
      measureIds,
      replyBy: plusDays(DEMO_TODAY, 3),
      body: 'x',
    }).expect(403);
    const [{ count: after }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM supervision_order`);
    expect(after).toBe(before);
  });

  it('takes the unit’s one reply, tells the task force, and lists orders by status', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM supervision_order WHERE seq = 1`);
    const unitlead2 = await signIn(t.http, 'unitlead2');
    await post(unitlead2, `/api/supervision-orders/${id}/reply`, { body: '不是本单位' }).expect(404);
    await unitlead2.agent.get(`/api/supervision-orders/${id}`).expect(404);
    await post(officer, `/api/supervision-orders/${id}/reply`, { body: '专班不能回复' }).expect(403);
    await post(unitlead, `/api/supervision-orders/${id}/reply`, { body: '  ' }).expect(400);

    // evidence: a file of one of the order's measures, not one of another measure
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const upload = async (measureId: string) =>
      (
        await unitlead.agent
          .post(`/api/measures/${measureId}/attachments`)
          .set('X-CSRF-Token', unitlead.csrfToken)
          .attach('file', pdf, '督办整改报告.pdf')
          .expect(201)
      ).body.id as string;
    const evidence = await upload(measureIds[1]);
    const [outside] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    const foreign = await upload(outside.id);
    const refused = await post(unitlead, `/api/supervision-orders/${id}/reply`, {
      body: '已完成整改，附佐证。',
      attachmentIds: [evidence, foreign],
    }).expect(400);
    expect(refused.body.errors.attachmentIds).toBeDefined();

    const replied = await post(unitlead, `/api/supervision-orders/${id}/reply`, {
      body: '已完成整改，附佐证。',
      attachmentIds: [evidence],
    }).expect(200);
    expect(replied.body).toMatchObject({
      status: 'replied',
      statusLabel: '已回复',
      replyBody: '已完成整改，附佐证。',
      replyAttachmentIds: [evidence],
      replyAttachments: [{ id: evidence, measureId: measureIds[1], name: '督办整改报告.pdf', size: pdf.length }],
    });
    const again = await post(unitlead, `/api/supervision-orders/${id}/reply`, { body: '再次回复' }).expect(409);
    expect(again.body).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    const bell = await officer.agent.get('/api/notifications').expect(200);
    expect(bell.body.items[0]).toMatchObject({
      kind: 'order.replied',
      title: expect.stringContaining('督办〔2024〕1号'),
    });
    const history = await officer.agent.get(`/api/measures/${measureIds[0]}/history`).expect(200);
    expect(history.body[0]).toMatchObject({ action: 'order_reply', actionLabel: '回复督办单' });

    const replies = await officer.agent.get('/api/supervision-orders?status=replied').expect(200);
    expect(replies.body.items.map((o: { id: string }) => o.id)).toEqual([id]);
    // past the reply date the others are overdue
    t.clock.set(new Date(`${plusDays(DEMO_TODAY, 8)}T12:00:00+08:00`));
    // (the sessions of a week ago have expired)
    officer = await signIn(t.http, 'officer');
    unitlead = await signIn(t.http, 'unitlead');
    const other = await signIn(t.http, 'unitlead2');
    const overdue = await officer.agent.get('/api/supervision-orders?status=overdue').expect(200);
    expect(overdue.body.total).toBe(20);
    expect(overdue.body.items[0]).toMatchObject({ status: 'overdue', statusLabel: '逾期' });
    const open = await unitlead.agent.get('/api/supervision-orders?status=open').expect(200);
    expect(open.body.total).toBe(0);
    // another unit sees none of them
    expect((await other.agent.get('/api/supervision-orders').expect(200)).body.total).toBe(0);
  });

  it('prints the order as a GB/T 9704 Word document: number, unit, measures, reply date, the reply', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM supervision_order WHERE seq = 1`);
    const response = await officer.agent
      .get(`/api/supervision-orders/${id}/document.docx`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(response.headers['content-disposition'])).toContain('整改督办单督办〔2024〕1号.docx');
    const zip = await JSZip.loadAsync(response.body as Buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('整改督办单');
    expect(text).toContain('督办〔2024〕1号');
    expect(text).toContain('区水务和湖泊局：');
    expect(text).toContain('请于2024年3月22日前将整改落实情况书面回复整改专班。');
    expect(text).toContain('已完成整改，附佐证。');
    expect(text).toContain('佐证材料：督办整改报告.pdf');
    const unitlead2 = await signIn(t.http, 'unitlead2');
    await unitlead2.agent.get(`/api/supervision-orders/${id}/document.docx`).expect(404);
  });

  it('escalates an unanswered order like an overdue measure, once per step', async () => {
    const day = plusDays(DEMO_TODAY, 20);
    t.clock.set(new Date(`${day}T08:30:00+08:00`));
    officer = await signIn(t.http, 'officer');
    // no measure deadline in the sweep's way, and only a fresh order unanswered
    await t.dataSource.query(`UPDATE measure SET deadline = NULL`);
    await t.dataSource.query(
      `UPDATE supervision_order SET replied_at = now(), reply_body = '已回复' WHERE replied_at IS NULL`,
    );
    const created = await order({ replyBy: day }).expect(201);
    const sweep = t.app.get(ReminderSweepService);
    expect((await sweep.sweep()).reminders).toBe(0);

    t.clock.set(new Date(`${plusDays(day, 1)}T08:30:00+08:00`));
    const first = await sweep.sweep();
    expect(first.reminders).toBe(1);
    const [note] = await t.dataSource.query(
      `SELECT n.title, n.link FROM notification n JOIN user_account ua ON ua.id = n.user_id
       WHERE n.kind = 'order.overdue' AND ua.username = 'unitlead'`,
    );
    expect(note).toEqual({
      title: `督办单 ${created.body.number} 已逾期 1 天未回复`,
      link: `/supervision-orders/${created.body.id}`,
    });
    expect((await sweep.sweep()).reminders).toBe(0);
    t.clock.set(new Date(`${plusDays(day, 4)}T08:30:00+08:00`));
    expect((await sweep.sweep()).reminders).toBe(1);
  });

  it('climbs the ladder of the inspection’s reminder policy, not the default', async () => {
    const day = plusDays(DEMO_TODAY, 40);
    t.clock.set(new Date(`${day}T08:30:00+08:00`));
    officer = await signIn(t.http, 'officer');
    await t.dataSource.query(
      `UPDATE supervision_order SET replied_at = now(), reply_body = '已回复' WHERE replied_at IS NULL`,
    );
    const [{ inspection_id: inspectionId }] = await t.dataSource.query(
      `SELECT inspection_id FROM measure WHERE id = $1`,
      [measureIds[0]],
    );
    const policy = await officer.agent.get(`/api/inspections/${inspectionId}/reminder-policy`).expect(200);
    // this task force goes straight to itself on the first day, and to the supervisors on the second
    await officer.agent
      .put(`/api/inspections/${inspectionId}/reminder-policy`)
      .set('X-CSRF-Token', officer.csrfToken)
      .send({
        version: policy.body.version,
        dueSoonDays: [3],
        escalation: [
          { afterOverdueDays: 0, notify: 'task_force' },
          { afterOverdueDays: 1, notify: 'supervisor' },
        ],
        channels: ['in_app'],
      })
      .expect(200);
    const created = await order({ replyBy: day }).expect(201);
    const sweep = t.app.get(ReminderSweepService);
    const toldOf = async (username: string) =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS count FROM notification n JOIN user_account ua ON ua.id = n.user_id
           WHERE n.kind = 'order.overdue' AND ua.username = $1 AND n.link = $2`,
          [username, `/supervision-orders/${created.body.id}`],
        )
      )[0].count as number;

    t.clock.set(new Date(`${plusDays(day, 1)}T08:30:00+08:00`));
    expect((await sweep.sweep()).reminders).toBe(1);
    expect([await toldOf('unitlead'), await toldOf('officer'), await toldOf('supervisor')]).toEqual([0, 1, 0]);
    t.clock.set(new Date(`${plusDays(day, 2)}T08:30:00+08:00`));
    expect((await sweep.sweep()).reminders).toBe(1);
    expect([await toldOf('unitlead'), await toldOf('officer'), await toldOf('supervisor')]).toEqual([0, 1, 1]);
  });
});
