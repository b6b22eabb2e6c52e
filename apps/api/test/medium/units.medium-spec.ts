import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../src/common/http/request-context.js';
import { UnitsService } from '../../src/modules/units/units.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { actorOf, asActor, countRows } from '../support/medium.js';

describe('UnitsService writes: units as a tree, persons (stored rows)', () => {
  let t: TestApp;
  let units: UnitsService;
  let sysadmin: Actor;
  const query = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const as = <T>(fn: () => Promise<T>) => asActor(sysadmin, fn);
  const unitRow = async (id: string) =>
    (
      await query(
        `SELECT name, short_name, parent_id, kind, sort_order, version, deleted_at IS NOT NULL AS deleted FROM unit WHERE id = $1`,
        [id],
      )
    )[0];
  const actions = async (id: string) =>
    (
      await query(`SELECT action, actor_username FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at, id`, [id])
    ).map((row: { action: string; actor_username: string }) => `${row.actor_username}:${row.action}`);

  beforeAll(async () => {
    t = await createTestApp();
    units = t.app.get(UnitsService);
    sysadmin = await actorOf(t.dataSource, 'sysadmin');
  });
  afterAll(async () => t?.close());

  it('creates a parent and a child, refuses a cycle, then soft-deletes child and parent in order, audited', async () => {
    const parent = await as(() => units.create({ name: ' 区测试委员会 ', kind: '部门' } as never));
    const child = await as(() => units.create({ name: '区测试办公室', parentId: parent.id, sortOrder: 3 } as never));
    expect(await unitRow(parent.id)).toEqual({
      name: '区测试委员会',
      short_name: null,
      parent_id: null,
      kind: '部门',
      sort_order: 0,
      version: 1,
      deleted: false,
    });
    expect(await unitRow(child.id)).toMatchObject({ parent_id: parent.id, sort_order: 3, kind: '部门' });

    await expect(as(() => units.update(parent.id, { version: 1, parentId: child.id } as never))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(as(() => units.remove(parent.id))).rejects.toMatchObject({ code: 'REFERENCE_CONFLICT' });
    expect(await unitRow(parent.id)).toMatchObject({ parent_id: null, version: 1, deleted: false });

    await as(() => units.update(child.id, { version: 1, shortName: '测试办' } as never));
    expect(await unitRow(child.id)).toMatchObject({ short_name: '测试办', version: 2 });
    await expect(as(() => units.update(child.id, { version: 1, shortName: '过期' } as never))).rejects.toMatchObject({
      status: 409,
    });
    await as(() => units.remove(child.id));
    await as(() => units.remove(parent.id));
    expect(await unitRow(child.id)).toMatchObject({ deleted: true, version: 3 });
    expect(await unitRow(parent.id)).toMatchObject({ deleted: true, version: 2 });
    expect(await actions(parent.id)).toEqual(['sysadmin:UNIT_CREATED', 'sysadmin:UNIT_DELETED']);
    expect(await actions(child.id)).toEqual([
      'sysadmin:UNIT_CREATED',
      'sysadmin:UNIT_UPDATED',
      'sysadmin:UNIT_DELETED',
    ]);
  });

  it('refuses to delete a unit still holding measures or accounts, and a duplicate live name, writing nothing', async () => {
    const [water] = await query(`SELECT id FROM unit WHERE name = '区水务和湖泊局'`);
    const before = {
      units: await countRows(t.dataSource, 'unit'),
      audits: await countRows(t.dataSource, 'audit_event'),
    };
    await expect(as(() => units.remove(water.id))).rejects.toMatchObject({ code: 'REFERENCE_CONFLICT' });
    await expect(as(() => units.create({ name: '区水务和湖泊局' } as never))).rejects.toBeDefined();
    expect({
      units: await countRows(t.dataSource, 'unit'),
      audits: await countRows(t.dataSource, 'audit_event'),
    }).toEqual(before);
    expect(await unitRow(water.id)).toMatchObject({ deleted: false });
  });

  it('creates, updates and soft-deletes a person, audited', async () => {
    const [water] = await query(`SELECT id FROM unit WHERE name = '区水务和湖泊局'`);
    const person = await as(() =>
      units.createPerson({ name: ' 张三 ', title: '副局长', unitId: water.id, isLeader: true } as never),
    );
    const row = async () =>
      (
        await query(
          `SELECT name, title, unit_id, is_leader, version, deleted_at IS NOT NULL AS deleted FROM person WHERE id = $1`,
          [person.id],
        )
      )[0];
    expect(await row()).toEqual({
      name: '张三',
      title: '副局长',
      unit_id: water.id,
      is_leader: true,
      version: 1,
      deleted: false,
    });
    await as(() => units.updatePerson(person.id, { version: 1, title: '局长' } as never));
    expect(await row()).toMatchObject({ title: '局长', version: 2 });
    await as(() => units.removePerson(person.id));
    expect(await row()).toMatchObject({ deleted: true, version: 3 });
    expect(await actions(person.id)).toEqual([
      'sysadmin:PERSON_CREATED',
      'sysadmin:PERSON_UPDATED',
      'sysadmin:PERSON_DELETED',
    ]);
  });
});
