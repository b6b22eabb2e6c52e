import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../src/common/http/request-context.js';
import { MeasureUrgingService } from '../../src/modules/measures/measure-urging.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { soleUnitMeasures } from '../support/fixtures.js';
import { actorOf, asActor, writeCounts } from '../support/medium.js';

describe('MeasureUrgingService.urge (stored rows)', () => {
  let t: TestApp;
  let urging: MeasureUrgingService;
  let officer: Actor;
  const query = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);

  beforeAll(async () => {
    t = await createTestApp();
    urging = t.app.get(MeasureUrgingService);
    officer = await actorOf(t.dataSource, 'officer');
  });
  afterAll(async () => t?.close());

  it('records an urge event per measure and unit, one notification per active account, and MEASURE_URGED', async () => {
    const mine = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 2);
    const [shared] = await query(
      `SELECT m.id FROM measure m WHERE m.deleted_at IS NULL AND m.status <> 'completed'
         AND (SELECT count(*) FROM measure_unit mu WHERE mu.measure_id = m.id) >= 2 ORDER BY m.id LIMIT 1`,
    );
    const ids = [...mine.map((m) => m.id), shared.id];
    const shares: Array<{ measure_id: string; unit_id: string }> = await query(
      `SELECT measure_id, unit_id FROM measure_unit WHERE measure_id = ANY($1)`,
      [ids],
    );
    const unitIds = [...new Set(shares.map((share) => share.unit_id))];
    const accounts: Array<{ id: string }> = await query(
      `SELECT id FROM user_account WHERE unit_id = ANY($1) AND disabled_at IS NULL ORDER BY id`,
      [unitIds],
    );
    expect(accounts.length).toBeGreaterThan(0);
    const unreached: Array<{ id: string }> = await query(
      `SELECT id FROM unit u WHERE id = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM user_account a WHERE a.unit_id = u.id AND a.disabled_at IS NULL)
       ORDER BY sort_order, name`,
      [unitIds],
    );

    const result = await asActor(officer, () =>
      urging.urge(
        ids.map((id) => id.toUpperCase()),
        '请加快进度',
        officer,
      ),
    );
    expect(result).toMatchObject({ measures: 3, recipients: accounts.length });

    const events: Array<{ measure_id: string; unit_id: string; actor_id: string; opinion: string; detail: unknown }> =
      await query(
        `SELECT measure_id, unit_id, actor_id, opinion, detail FROM measure_event WHERE action = 'urge' ORDER BY measure_id, unit_id`,
      );
    expect(events.map((e) => [e.measure_id, e.unit_id])).toEqual(
      shares.map((share) => [share.measure_id, share.unit_id]).sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1)),
    );
    for (const event of events) {
      expect(event).toMatchObject({ actor_id: officer.id, opinion: '请加快进度', detail: { urgeId: result.id } });
    }
    const notified: Array<{ user_id: string; n: number }> = await query(
      `SELECT user_id, count(*)::int AS n FROM notification WHERE kind = 'measure.urged' GROUP BY user_id ORDER BY user_id`,
    );
    expect(notified).toEqual(accounts.map((account) => ({ user_id: account.id, n: 1 })));
    const audits = await query(
      `SELECT actor_username, entity_id, detail FROM audit_event WHERE action = 'MEASURE_URGED'`,
    );
    expect(audits).toEqual([
      {
        actor_username: 'officer',
        entity_id: null,
        detail: {
          urgeId: result.id,
          message: '请加快进度',
          measureIds: ids,
          recipients: accounts.length,
          unreachedUnitIds: unreached.map((unit) => unit.id),
        },
      },
    ]);
  });

  it('names the entity for a single measure and reports a unit without active accounts as unreached', async () => {
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead2', 'in_progress', 1);
    const [{ unit_id: unitId }] = await query(`SELECT unit_id FROM measure_unit WHERE measure_id = $1`, [measure.id]);
    await query(`UPDATE user_account SET disabled_at = now() WHERE unit_id = $1`, [unitId]);
    const before = await writeCounts(t.dataSource);
    const result = await asActor(officer, () => urging.urge([measure.id], '再次催办', officer));
    expect(result).toMatchObject({ measures: 1, recipients: 0, unreachedUnits: [{ id: unitId }] });
    const after = await writeCounts(t.dataSource);
    expect(after).toEqual({
      ...before,
      measure_event: before.measure_event + 1,
      audit_event: before.audit_event + 1,
    });
    const [audit] = await query(
      `SELECT entity_id, detail->'unreachedUnitIds' AS unreached FROM audit_event WHERE action = 'MEASURE_URGED' AND detail->>'urgeId' = $1`,
      [result.id],
    );
    expect(audit).toEqual({ entity_id: measure.id, unreached: [unitId] });
  });

  it('refuses to urge a completed measure (or an unknown one) and writes nothing at all', async () => {
    const [open] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    const [done] = await soleUnitMeasures(t.dataSource, 'unitlead', 'completed', 1);
    const before = await writeCounts(t.dataSource);
    await expect(asActor(officer, () => urging.urge([open.id, done.id], '催办', officer))).rejects.toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
    });
    await expect(
      asActor(officer, () => urging.urge([open.id, '00000000-0000-4000-8000-000000000000'], '催办', officer)),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await writeCounts(t.dataSource)).toEqual(before);
  });
});
