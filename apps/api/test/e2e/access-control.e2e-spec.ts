import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import { ANY_SIGNED_IN, IS_PUBLIC, ROLES } from '../../src/common/auth/access.decorators.js';
import { buildOpenApiDocument } from '../../src/app.factory.js';
import { createTestApp, signIn, type TestApp } from '../support/app.js';

interface Route {
  controller: string;
  handler: string;
  declared: boolean;
  isPublic: boolean;
}

function walkRoutes(t: TestApp): Route[] {
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name as keyof object] as unknown;
        if (
          name === 'constructor' ||
          typeof handler !== 'function' ||
          Reflect.getMetadata('path', handler) === undefined
        )
          continue;
        const meta = (key: string) => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        routes.push({
          controller: controller.name,
          handler: name,
          isPublic: meta(IS_PUBLIC) === true,
          declared: meta(IS_PUBLIC) === true || meta(ANY_SIGNED_IN) === true || Array.isArray(meta(ROLES)),
        });
      }
    }
  }
  return routes;
}

describe('access control: deny by default (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('declares its access on every route (@Roles, @SignedIn or @Public)', () => {
    const routes = walkRoutes(t);
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((route) => !route.declared).map((route) => `${route.controller}.${route.handler}`)).toEqual(
      [],
    );
    expect(
      routes
        .filter((route) => route.isPublic)
        .map((route) => route.handler)
        .sort(),
    ).toEqual(expect.arrayContaining(['getHealth', 'getReadiness', 'login']));
  });

  it('answers 401 to an anonymous call of every non-public operation in the OpenAPI document', async () => {
    const document = buildOpenApiDocument(t.app);
    const publicOperations = new Set(
      walkRoutes(t)
        .filter((route) => route.isPublic)
        .map((route) => route.handler),
    );
    const checked: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, { operationId: string }>)) {
        if (publicOperations.has(operation.operationId)) continue;
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const response = await request(t.http)[method as 'get'](url).send({});
        expect({ operation: operation.operationId, status: response.status }).toEqual({
          operation: operation.operationId,
          status: 401,
        });
        checked.push(operation.operationId);
      }
    }
    expect(checked.length).toBeGreaterThan(40);
  });

  it('audits refused requests, and answers TRACE with 405', async () => {
    const supervisor = await signIn(t.http, 'supervisor');
    await supervisor.agent.post('/api/problems').set('X-CSRF-Token', supervisor.csrfToken).send({}).expect(403);
    const rows = await t.dataSource.query(
      `SELECT result, detail FROM audit_event WHERE action = 'ACCESS_DENIED' AND actor_username = 'supervisor'`,
    );
    expect(rows[0]).toMatchObject({
      result: 'denied',
      detail: { method: 'POST', path: '/api/problems', code: 'FORBIDDEN' },
    });
    const trace = await request(t.http).trace('/api/health').expect(405);
    expect(trace.body.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('sends no CORS permission to a foreign origin', async () => {
    const preflight = await request(t.http)
      .options('/api/problems')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await request(t.http).get('/api/health').set('Origin', 'https://evil.example');
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('audit trail for the audit admin (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUDIT_RETENTION_DAYS: '200', EXPORT_RATE_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets only the audit admin search the log, and audits each search', async () => {
    const auditadmin = await signIn(t.http, 'auditadmin');
    for (const username of ['officer', 'sysadmin', 'secadmin', 'supervisor']) {
      const other = await signIn(t.http, username);
      await other.agent.get('/api/audit-events').expect(403);
    }
    const result = await auditadmin.agent.get('/api/audit-events?action=LOGIN_SUCCEEDED&username=officer').expect(200);
    expect(result.body.total).toBeGreaterThanOrEqual(1);
    for (const item of result.body.items)
      expect(item).toMatchObject({ action: 'LOGIN_SUCCEEDED', actorUsername: 'officer' });
    const queries = await auditadmin.agent.get('/api/audit-events?action=AUDIT_QUERY').expect(200);
    expect(queries.body.total).toBeGreaterThanOrEqual(1);
    const bad = await auditadmin.agent.get('/api/audit-events?from=yesterday').expect(400);
    expect(bad.body.errors.from).toEqual(['时间格式应为 ISO 8601']);
  });

  it('exports the log as CSV with formula cells neutralised, rate-limited and audited', async () => {
    const auditadmin = await signIn(t.http, 'auditadmin');
    await request(t.http)
      .post('/api/auth/login')
      .send({ username: '=HYPERLINK("x")', password: 'whatever1' })
      .expect(401);
    const csv = await auditadmin.agent
      .get('/api/audit-events/export.csv?action=LOGIN_FAILED')
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const text = csv.text;
    expect(text.startsWith('\uFEFF时间,账号')).toBe(true);
    expect(text).toContain(`'=hyperlink`);
    expect(text).not.toMatch(/(^|,)=hyperlink/m);
    await auditadmin.agent.get('/api/audit-events/export.csv').expect(200);
    await auditadmin.agent.get('/api/audit-events/export.csv').expect(200);
    const limited = await auditadmin.agent.get('/api/audit-events/export.csv').expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    const exported = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'AUDIT_EXPORTED'`,
    );
    expect(exported[0].n).toBe(3);
  });

  it('purges only events older than the retention, which cannot be shorter than 184 days', async () => {
    await t.dataSource.query(
      `INSERT INTO audit_event (occurred_at, action, result) VALUES (now() - interval '400 days', 'OLD_EVENT', 'success'),
       (now() - interval '190 days', 'YOUNG_EVENT', 'success')`,
    );
    const { AuditLogService } = await import('../../src/modules/audit/audit-log.service.js');
    const deleted = await t.app.get(AuditLogService).purge();
    expect(deleted).toBe(1);
    const left = await t.dataSource.query(
      `SELECT action FROM audit_event WHERE action IN ('OLD_EVENT', 'YOUNG_EVENT')`,
    );
    expect(left.map((row: { action: string }) => row.action)).toEqual(['YOUNG_EVENT']);
    await expect(
      t.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('zhenggai.audit_retention_days', '30', true)`);
        await manager.query(`DELETE FROM audit_event WHERE action = 'YOUNG_EVENT'`);
      }),
    ).rejects.toThrow(/append-only/);
    const { loadConfig } = await import('../../src/config/app-config.js');
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '100' })).toThrow(/AUDIT_RETENTION_DAYS/);
  });
});

describe('unit scope follows the unit tree and changes at once (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows a unit leader the items of its sub-units, and applies a unit change on the next request', async () => {
    const officer = await signIn(t.http, 'officer');
    const unitlead = await signIn(t.http, 'unitlead');
    const unitlead2 = await signIn(t.http, 'unitlead2');
    const water = (await officer.agent.get('/api/units')).body.find(
      (unit: { name: string }) => unit.name === '区水务和湖泊局',
    );
    const team = await officer.agent
      .post('/api/units')
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ name: '区水务和湖泊局河湖科', parentId: water.id })
      .expect(201);
    const problem = (await officer.agent.get('/api/problems?q=码头')).body.items[0];
    const measure = await officer.agent
      .post('/api/measures')
      .set('X-CSRF-Token', officer.csrfToken)
      .send({ problemId: problem.id, text: '河湖科专项排查', leadUnitId: team.body.id })
      .expect(201);

    const me = await unitlead.agent.get('/api/auth/me').expect(200);
    expect(me.body.unitIds).toEqual([water.id, team.body.id]);
    await unitlead.agent.get(`/api/measures/${measure.body.id}`).expect(200);
    await unitlead2.agent.get(`/api/measures/${measure.body.id}`).expect(404);

    await t.dataSource.query(`UPDATE user_account SET unit_id = $1 WHERE username = 'unitlead2'`, [water.id]);
    await unitlead2.agent.get(`/api/measures/${measure.body.id}`).expect(200);
  });
});
