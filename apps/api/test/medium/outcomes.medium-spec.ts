import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../src/common/http/request-context.js';
import { OutcomesService } from '../../src/modules/outcomes/outcomes.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { actorOf, asActor, countRows } from '../support/medium.js';

describe('OutcomesService writes: 问责, 建章立制, 追缴资金 (stored rows)', () => {
  let t: TestApp;
  let outcomes: OutcomesService;
  let officer: Actor;
  let problem: { id: string; inspection_id: string };
  const query = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const as = <T>(fn: () => Promise<T>) => asActor(officer, fn);
  const audits = (id: string) =>
    query(`SELECT action, entity_type, before, after FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at, id`, [
      id,
    ]);

  beforeAll(async () => {
    t = await createTestApp();
    outcomes = t.app.get(OutcomesService);
    officer = await actorOf(t.dataSource, 'officer');
    [problem] = await query(`SELECT id, inspection_id FROM problem ORDER BY seq LIMIT 1`);
  });
  afterAll(async () => t?.close());

  it('creates, updates under a version and deletes an accountability action, each audited', async () => {
    const created = await as(() =>
      outcomes.create<{ id: string }>(
        'accountability',
        problem.id,
        { form: '诫勉谈话', count: 3, countUnit: '人' },
        officer,
      ),
    );
    const row = async () =>
      (
        await query(
          `SELECT inspection_id, problem_id, form, count, count_unit, note, version FROM accountability_action WHERE id = $1`,
          [created.id],
        )
      )[0];
    expect(await row()).toEqual({
      inspection_id: problem.inspection_id,
      problem_id: problem.id,
      form: '诫勉谈话',
      count: 3,
      count_unit: '人',
      note: null,
      version: 1,
    });
    await as(() => outcomes.update('accountability', created.id, { version: 1, count: 4, note: '补充' }, officer));
    expect(await row()).toMatchObject({ count: 4, note: '补充', version: 2 });
    const auditsBefore = await countRows(t.dataSource, 'audit_event');
    await expect(
      as(() => outcomes.update('accountability', created.id, { version: 1, count: 9 }, officer)),
    ).rejects.toMatchObject({
      status: 409,
    });
    expect(await row()).toMatchObject({ count: 4, version: 2 });
    expect(await countRows(t.dataSource, 'audit_event')).toBe(auditsBefore);
    await as(() => outcomes.remove('accountability', created.id, officer));
    expect(await query(`SELECT id FROM accountability_action WHERE id = $1`, [created.id])).toEqual([]);
    const trail = await audits(created.id);
    expect(trail.map((a: { action: string }) => a.action)).toEqual([
      'ACCOUNTABILITY_CREATED',
      'ACCOUNTABILITY_UPDATED',
      'ACCOUNTABILITY_DELETED',
    ]);
    expect(trail[1]).toMatchObject({
      entity_type: 'accountability_action',
      before: { count: 3, version: 1 },
      after: { count: 4, note: '补充' },
    });
    expect(trail[2].before).toMatchObject({ form: '诫勉谈话', count: 4, version: 2 });
  });

  it('stores a rule document without its book-title marks and a fund recovery amount, audited', async () => {
    const rule = await as(() =>
      outcomes.create<{ id: string }>(
        'rule',
        problem.id,
        { title: ' 《河湖长制工作规则》 ', role: 'issued', issuedOn: '2024-03-01' },
        officer,
      ),
    );
    expect(
      await query(`SELECT title, role, issued_on::text AS issued_on, problem_id FROM rule_document WHERE id = $1`, [
        rule.id,
      ]),
    ).toEqual([{ title: '河湖长制工作规则', role: 'issued', issued_on: '2024-03-01', problem_id: problem.id }]);
    await as(() => outcomes.update('rule', rule.id, { version: 1, title: '《河湖长制工作规则（修订）》' }, officer));
    expect((await query(`SELECT title, version FROM rule_document WHERE id = $1`, [rule.id]))[0]).toEqual({
      title: '河湖长制工作规则（修订）',
      version: 2,
    });
    const fund = await as(() =>
      outcomes.create<{ id: string }>(
        'fund',
        problem.id,
        { kind: '追缴', amount: 12.5, rawText: '追缴12.5万元' },
        officer,
      ),
    );
    expect(
      await query(`SELECT kind, amount::float8 AS amount, raw_text FROM fund_recovery WHERE id = $1`, [fund.id]),
    ).toEqual([{ kind: '追缴', amount: 12.5, raw_text: '追缴12.5万元' }]);
    expect((await audits(rule.id)).map((a: { action: string }) => a.action)).toEqual([
      'RULE_DOCUMENT_CREATED',
      'RULE_DOCUMENT_UPDATED',
    ]);
    expect(await audits(fund.id)).toEqual([
      {
        action: 'FUND_RECOVERY_CREATED',
        entity_type: 'fund_recovery',
        before: null,
        after: { problemId: problem.id, kind: '追缴', amount: 12.5, rawText: '追缴12.5万元' },
      },
    ]);
  });
});
