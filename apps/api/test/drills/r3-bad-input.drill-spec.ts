import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { buildOpenApiDocument } from '../../src/app.factory.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { soleUnitMeasures } from '../support/fixtures.js';
import { recordFigures } from './figures.js';
import { subjectNameOf } from '../support/route-subjects.js';

// Drill R3 (docs/security.md SEC-24/25/29): every write route of the OpenAPI document gets ≥ 100 bad inputs made by
// fast-check (fixed seed: R3_SEED replays a run), as a role that may call it. Every answer must be < 500, a 4xx must
// be a JSON `{ code, message }` with a Chinese message and no internals, and the business tables must not change
// unless the drill saw a 2xx (then the changed rows are checked for what no input may store). R3_VERBOSE=1
// prints the subjects, each route's answers and every input that was accepted.
const SEED = Number(process.env.R3_SEED ?? 20261207);
const CASES_PER_ROUTE = Number(process.env.R3_CASES_PER_ROUTE ?? 112);
const CONCURRENCY = 8;
// written by every request or by denials (audited on purpose): not part of "nothing invalid stored"
const EXCLUDED_TABLES = ['audit_event', 'user_session', 'rate_limit_window', 'idempotency_key', 'login_lockout'];
// a refused password change or MFA code counts towards the account's lockout (by design): not a stored input
const BOOKKEEPING_COLUMNS: Record<string, string[]> = { user_account: ['failed_login_count', 'locked_until'] };
const LEAK = /QueryFailedError|typeorm|\bat [\w.<>]+ \(|node_modules|SELECT |driverError|stack/;
// what no stored text may hold: control characters (but tab and line breaks), lone surrogates
const UNSTORABLE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CHINESE = /[\u4e00-\u9fff]/;
const ROLE_PREFERENCE = ['officer', 'unitlead', 'sysadmin', 'secadmin', 'auditadmin', 'supervisor', 'unitlead2'];

interface Expectation {
  public?: boolean;
  allow: string[];
}
const matrix = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../docs/authz-matrix.json'), 'utf8')) as {
  operations: Record<string, Expectation>;
};

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minLength?: number;
};

interface Route {
  method: 'post' | 'put' | 'patch' | 'delete';
  template: string;
  operationId: string;
  role: string | null;
  schema: Schema | null;
  multipart: boolean;
}

interface Case {
  kind: string;
  url: string;
  /** a JSON value to send, or a raw body with its content type */
  json?: unknown;
  raw?: { type: string; body: string };
  file?: { name: string; content: Buffer };
}

// ---- bad values -------------------------------------------------------------------------------------------------
const SQLI = [
  "' OR 1=1--",
  '1;SELECT pg_sleep(5)',
  "'; DROP TABLE measure;--",
  '" OR ""="',
  "1' UNION SELECT password_hash FROM user_account--",
  "%' AND 1=1 AND '%'='",
  '$1',
  "\\'; SELECT pg_sleep(5);--",
];
const XSS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
];
const BAD_DATES = [
  '2026-02-30',
  '2026-13-01',
  'not a date',
  '99999-01-01',
  '0000-00-00',
  '2026-02-29T25:61:00Z',
  '',
  '1e10',
];
const BAD_NUMBERS = [-1, 0, 1e308, -1e308, 2 ** 53 + 1, 2 ** 31, -(2 ** 31) - 1, 1.5, 1e-300, -0.0001];

function nest(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(10_001, 100_000, 300_000).map((n) => '测'.repeat(n)),
  fc.string().map((s) => `${s}\u0000${s}`),
  fc.constantFrom('\uD800', 'a\uDC00b', '\uDBFF\u0041', '正常\uD83D'),
  fc.constantFrom(...SQLI),
  fc.constantFrom(...XSS),
  fc.integer({ min: 20, max: 800 }).map(nest),
  fc.constantFrom(1000, 20_000).map((n) => Array.from({ length: n }, (_, i) => `x${i}`)),
  fc.constantFrom(...BAD_NUMBERS),
  fc.constantFrom(...BAD_DATES),
  fc.uuid(),
  fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
  fc.constant(JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}')),
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.object({ maxDepth: 3 }),
);

const FORBIDDEN_FIELDS = fc.oneof(
  fc.record({ key: fc.constant('id'), value: fc.oneof(fc.uuid(), fc.constant(1)) }),
  fc.record({ key: fc.constant('version'), value: fc.constantFrom(0, -1, 999999, 2 ** 31, '1', null) }),
  fc.record({ key: fc.constantFrom('createdBy', 'createdById', 'ownerId'), value: fc.uuid() }),
  fc.record({ key: fc.constant('status'), value: fc.constantFrom('completed', 'approved', 'published', 'deleted') }),
  fc.record({ key: fc.constantFrom('deletedAt', 'createdAt', 'roles', 'isAdmin'), value: badValue }),
  fc.record({ key: fc.constantFrom('__proto__', 'constructor', 'prototype'), value: fc.constant({ polluted: true }) }),
  fc.record({ key: fc.string({ minLength: 1, maxLength: 20 }), value: badValue }),
);

const RAW_BODIES: Array<{ type: string; body: string; kind: string }> = [
  { kind: 'text/xml', type: 'text/xml', body: '<?xml version="1.0"?><measure><text>xml</text></measure>' },
  { kind: 'text/plain', type: 'text/plain', body: 'title=plain' },
  { kind: 'form', type: 'application/x-www-form-urlencoded', body: 'title=form&text=form' },
  { kind: 'malformed json', type: 'application/json', body: '{"title": "x",' },
  { kind: 'malformed json', type: 'application/json', body: "{'title': 'x'}" },
  { kind: 'malformed json', type: 'application/json', body: '{"a":1}{"b":2}' },
  { kind: 'malformed json', type: 'application/json', body: 'undefined' },
  { kind: 'malformed json', type: 'application/json', body: '\u0000' },
  { kind: 'json scalar', type: 'application/json', body: '"just a string"' },
  { kind: 'json scalar', type: 'application/json', body: '12345' },
  { kind: 'json scalar', type: 'application/json', body: 'null' },
  { kind: 'json array', type: 'application/json', body: '[{"title":"x"}]' },
  { kind: 'empty json', type: 'application/json', body: '' },
  { kind: 'empty json', type: 'application/json', body: '{}' },
  { kind: 'charset', type: 'application/json; charset=latin1', body: '{"title":"x"}' },
];

// ---- the drill --------------------------------------------------------------------------------------------------
describe('R3 bad input on every write route', () => {
  let t: TestApp;
  const sessions = new Map<string, SignedIn>();
  const subjects: Record<string, string> = {};
  let schemas: Record<string, Schema>;

  const session = async (role: string): Promise<SignedIn> => {
    if (!sessions.has(role)) sessions.set(role, await signIn(t.http, role));
    return sessions.get(role)!;
  };

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        LOGIN_RATE_PER_MINUTE: '10000',
        UPLOAD_RATE_PER_MINUTE: '10000',
        EXPORT_RATE_PER_MINUTE: '10000',
        FEEDBACK_RATE_PER_MINUTE: '10000',
      },
    });
    const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
    const [measure] = await soleUnitMeasures(t.dataSource, 'unitlead', 'in_progress', 1);
    subjects.measure = measure.id;
    subjects.problem = measure.problemId;
    [{ id: subjects.inspection }] = await q(`SELECT inspection_id AS id FROM problem WHERE id = $1`, [
      measure.problemId,
    ]);
    [{ id: subjects.unit }] = await q(`SELECT unit_id AS id FROM user_account WHERE username = 'unitlead'`);
    [{ id: subjects.person }] = await q(`SELECT id FROM person LIMIT 1`);
    // a category of its own (the demo inspection has none)
    subjects.category = randomUUID();
    await q(`INSERT INTO category (id, inspection_id, seq, title) VALUES ($1, $2, 1, '演练方面')`, [
      subjects.category,
      subjects.inspection,
    ]);
    // a user of its own: resetting a demo account's password would lock the drill's sessions out
    subjects.user = randomUUID();
    await q(
      `INSERT INTO user_account (id, username, display_name, password_hash, roles) VALUES ($1, 'r3_user', '演练账号', 'x', '{supervisor}')`,
      [subjects.user],
    );
    const first = async (sql: string, params: unknown[] = []) =>
      ((await q(sql, params))[0]?.id as string) ?? randomUUID();
    subjects.extension = await first(`SELECT id FROM deadline_extension LIMIT 1`);
    subjects.accountability = await first(`SELECT id FROM accountability_action LIMIT 1`);
    subjects.rule = await first(`SELECT id FROM rule_document LIMIT 1`);
    subjects.fund = await first(`SELECT id FROM fund_recovery LIMIT 1`);
    subjects.attachment = await first(`SELECT id FROM attachment LIMIT 1`);
    subjects.notification = await first(
      `SELECT n.id FROM notification n JOIN user_account u ON u.id = n.user_id WHERE u.username = 'officer' LIMIT 1`,
    );
    subjects.webhook = await first(`SELECT id FROM webhook LIMIT 1`);
    subjects.supervisionOrder = await first(`SELECT id FROM supervision_order LIMIT 1`);
    subjects.reportRound = await first(`SELECT id FROM report_round LIMIT 1`);
    subjects.lookback = await first(`SELECT id FROM lookback LIMIT 1`);
    subjects.lookbackItem = await first(`SELECT id FROM lookback_item LIMIT 1`);
    subjects.checkpoint = await first(`SELECT id FROM measure_checkpoint WHERE measure_id = $1 LIMIT 1`, [measure.id]);
    subjects.publication = await first(`SELECT id FROM publication LIMIT 1`);
    subjects.feedback = await first(`SELECT id FROM publication_feedback LIMIT 1`);
    subjects.jobRun = randomUUID();
    subjects.slug =
      ((await q(`SELECT slug FROM publication WHERE status = 'published' AND slug IS NOT NULL LIMIT 1`))[0]
        ?.slug as string) ?? 'noSuchSlug0000000000Aa';
    if (process.env.R3_VERBOSE) process.stdout.write(`R3 subjects ${JSON.stringify(subjects)}\n`);
    for (const role of ROLE_PREFERENCE) await session(role);
  });
  afterAll(async () => {
    await t?.close();
  });

  function subjectFor(template: string): string {
    const name = subjectNameOf(template);
    return (name && subjects[name]) ?? randomUUID();
  }

  function realUrl(template: string): string {
    return template
      .replace('{id}', subjectFor(template))
      .replace('{unitId}', subjects.unit)
      .replace('{itemId}', subjects.lookbackItem)
      .replace('{checkpointId}', subjects.checkpoint)
      .replace('{slug}', subjects.slug);
  }

  function resolve(schema: Schema | undefined, depth = 0): Schema {
    if (!schema || depth > 8) return {};
    if (schema.$ref) return resolve(schemas[schema.$ref.split('/').pop()!], depth + 1);
    const combined = schema.allOf ?? schema.oneOf ?? schema.anyOf;
    if (combined) return resolve(combined[0], depth + 1);
    return schema;
  }

  // a plausible value for a field, so that one bad field among good ones is what the validation has to find
  function plausible(name: string, raw: Schema, depth = 0): unknown {
    const schema = resolve(raw);
    if (schema.enum?.length) return schema.enum[0];
    if (schema.type === 'array')
      return depth > 3 ? [] : [plausible(name.replace(/Ids$/, 'Id'), schema.items ?? {}, depth + 1)];
    if (schema.type === 'object' || schema.properties) return plausibleBody(schema, depth + 1);
    if (schema.type === 'number' || schema.type === 'integer') return 1;
    if (schema.type === 'boolean') return true;
    if (schema.format === 'uuid') {
      const hit = Object.keys(subjects).find((key) => name.toLowerCase().startsWith(key.toLowerCase()));
      if (/unit/i.test(name)) return subjects.unit;
      if (/person|leader/i.test(name)) return subjects.person;
      return hit ? subjects[hit] : subjects.measure;
    }
    if (schema.format === 'date') return '2024-06-30';
    if (schema.format === 'date-time') return '2024-06-30T08:00:00.000Z';
    return '演练输入的正常文本内容'.repeat(Math.max(1, Math.ceil((schema.minLength ?? 0) / 10)));
  }

  function plausibleBody(raw: Schema | null, depth = 0): Record<string, unknown> {
    const schema = resolve(raw ?? {});
    const body: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema.properties ?? {}))
      body[name] = plausible(name, property, depth);
    return body;
  }

  function caseArbitrary(route: Route): fc.Arbitrary<Case> {
    const url = realUrl(route.template);
    const schema = resolve(route.schema ?? {});
    const fields = Object.keys(schema.properties ?? {});
    const required = schema.required ?? [];
    const base = plausibleBody(route.schema);
    const hasParams = route.template.includes('{');
    // a route that takes no body would act on its subject whatever body comes: its JSON garbage goes to an unknown id
    const jsonUrl = route.schema || route.multipart ? url : route.template.replace(/\{[^}]+\}/g, () => randomUUID());
    const badParam = fc.oneof(
      fc.uuid(),
      fc.constantFrom('not-a-uuid', '1', '-1', '0', 'null', 'undefined', '%00', '%E0%A4%A', '..%2F..%2Fetc%2Fpasswd'),
      fc.constantFrom(...SQLI, ...XSS).map((s) => encodeURIComponent(s)),
      fc.constantFrom(300, 5000).map((n) => 'a'.repeat(n)),
      fc.string({ minLength: 1, maxLength: 40 }).map((s) => encodeURIComponent(s)),
    );
    const kinds: Array<fc.Arbitrary<Case>> = [
      fc.constantFrom(...RAW_BODIES).map((raw) => ({ kind: raw.kind, url, raw: { type: raw.type, body: raw.body } })),
      badValue.map((json) => ({ kind: 'whole body', url: jsonUrl, json })),
      fc.tuple(FORBIDDEN_FIELDS, fc.boolean()).map(([{ key, value }, withBase]) => ({
        kind: 'forbidden field',
        url: jsonUrl,
        // defineProperty: a `__proto__` key must stay an own field of the JSON, not become the prototype
        json: Object.defineProperty(withBase ? { ...base } : {}, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        }),
      })),
    ];
    if (fields.length)
      kinds.push(
        fc.tuple(fc.constantFrom(...fields), badValue).map(([field, value]) => ({
          kind: 'bad field',
          url,
          json: { ...base, [field]: value },
        })),
        fc.tuple(fc.constantFrom(...fields), fc.constantFrom(...fields), badValue, badValue).map(([a, b, x, y]) => ({
          kind: 'two bad fields',
          url,
          json: { ...base, [a]: x, [b]: y },
        })),
      );
    if (required.length)
      kinds.push(
        fc.subarray(required, { minLength: 1 }).map((missing) => {
          const json: Record<string, unknown> = { ...base };
          for (const field of missing) delete json[field];
          return { kind: 'missing required', url, json };
        }),
      );
    if (hasParams)
      kinds.push(
        badParam.map((param) => ({
          kind: 'bad path parameter',
          url: route.template.replace(/\{[^}]+\}/, param).replace(/\{[^}]+\}/g, () => randomUUID()),
          json: base,
        })),
      );
    if (route.multipart)
      kinds.push(
        fc
          .tuple(
            fc.constantFrom(
              '佐证.pdf',
              '../../etc/passwd',
              '<img src=x onerror=alert(1)>.pdf',
              'a.exe',
              'x.docx',
              '.xlsx',
              'a'.repeat(300),
            ),
            fc.uint8Array({ maxLength: 2048 }),
          )
          .map(([name, bytes]) => ({ kind: 'bad upload', url, file: { name, content: Buffer.from(bytes) } })),
      );
    return fc.oneof(...kinds);
  }

  async function send(route: Route, testCase: Case): Promise<request.Response> {
    const caller = route.role ? await session(route.role) : null;
    const agent = caller ? caller.agent : request(t.http);
    let call = agent[route.method](testCase.url).timeout({ response: 20000 });
    if (caller) call = call.set('X-CSRF-Token', caller.csrfToken);
    if (testCase.file) return call.attach('file', testCase.file.content, testCase.file.name);
    if (testCase.raw) return call.set('Content-Type', testCase.raw.type).send(testCase.raw.body);
    return call.set('Content-Type', 'application/json').send(JSON.stringify(testCase.json));
  }

  async function snapshot(tables: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    for (const table of tables) {
      const ignored = (BOOKKEEPING_COLUMNS[table] ?? []).map((column) => ` - '${column}'`).join('');
      const rows: Array<{ h: string }> = await t.dataSource.query(
        `SELECT md5((to_jsonb(t)${ignored})::text) AS h FROM "${table}" t ORDER BY 1`,
      );
      result.set(
        table,
        rows.map((row) => row.h),
      );
    }
    return result;
  }

  function storedProblems(value: unknown, where: string, out: string[]): void {
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) out.push(`${where}: control character or lone surrogate`);
      if (SQLI.some((s) => value === s) && /version|status|id$/i.test(where))
        out.push(`${where}: injection string stored as ${where}`);
    } else if (Array.isArray(value)) value.forEach((item, i) => storedProblems(item, `${where}[${i}]`, out));
    else if (value && typeof value === 'object')
      for (const [key, child] of Object.entries(value)) storedProblems(child, `${where}.${key}`, out);
  }

  it('answers ≥ 10,000 bad inputs with < 500, a stable code, a Chinese message, no internals, nothing stored', async () => {
    const started = Date.now();
    const document = buildOpenApiDocument(t.app);
    schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
    const routes: Route[] = [];
    for (const [template, item] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(
        item as Record<string, { operationId: string; requestBody?: { content: Record<string, { schema: Schema }> } }>,
      )) {
        if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
        const spec = matrix.operations[operation.operationId];
        const content = operation.requestBody?.content ?? {};
        const role =
          template.startsWith('/api/auth/') && !spec?.public
            ? 'supervisor'
            : spec?.public
              ? null
              : (ROLE_PREFERENCE.find((r) => spec?.allow.includes(r)) ?? 'officer');
        routes.push({
          method: method as Route['method'],
          template,
          operationId: operation.operationId,
          role,
          schema: content['application/json']?.schema ?? content['multipart/form-data']?.schema ?? null,
          multipart: Boolean(content['multipart/form-data']),
        });
      }
    const tables: string[] = (
      await t.dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
      )
    )
      .map((row: { table_name: string }) => row.table_name)
      .filter((name: string) => !EXCLUDED_TABLES.includes(name));

    const failures: string[] = [];
    let cases = 0;
    let fiveXX = 0;
    let leaks = 0;
    let invalidStored = 0;
    let tooMany = 0;
    let accepted = 0;
    let xml415 = true;
    let slowest = 0;
    const statuses = new Map<number, number>();
    const acceptedRoutes = new Set<string>();

    for (const [index, route] of routes.entries()) {
      const before = await snapshot(tables);
      const generated = fc.sample(caseArbitrary(route), { seed: SEED + index, numRuns: CASES_PER_ROUTE });
      // every route gets the XML body, and one JSON body without a content type at all
      generated.push({ kind: 'text/xml', url: realUrl(route.template), raw: { type: 'text/xml', body: '<a>1</a>' } });
      let routeAccepted = 0;
      const routeStatuses = new Map<string, number>();
      const queue = [...generated];
      // logging out ends the session the next case would use: one at a time, so the effect is seen in order
      const width = route.operationId === 'logout' ? 1 : CONCURRENCY;
      await Promise.all(
        Array.from({ length: width }, async () => {
          for (let testCase = queue.shift(); testCase; testCase = queue.shift()) {
            let response: request.Response;
            const sentAt = Date.now();
            try {
              response = await send(route, testCase);
            } catch (error) {
              fiveXX++;
              failures.push(`${route.operationId} ${testCase.kind}: no answer (${(error as Error).message})`);
              continue;
            }
            cases++;
            // `pg_sleep(5)` must stay a string: no injected statement may hold an answer for 5 s
            const took = Date.now() - sentAt;
            slowest = Math.max(slowest, took);
            if (took >= 5000 && JSON.stringify(testCase.json ?? testCase.url).includes('pg_sleep'))
              failures.push(`${route.operationId} ${testCase.kind}: answered after ${took} ms to a pg_sleep input`);
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            const statusCode = `${response.status}${response.status >= 400 && response.body?.code ? ` ${response.body.code}` : ''}`;
            routeStatuses.set(statusCode, (routeStatuses.get(statusCode) ?? 0) + 1);
            const where = `${route.method.toUpperCase()} ${route.template} [${testCase.kind}] → ${response.status}`;
            if (response.status >= 500) {
              fiveXX++;
              failures.push(
                `${where} ${JSON.stringify(response.body).slice(0, 200)} input ${JSON.stringify(testCase.json ?? testCase.raw ?? testCase.file?.name).slice(0, 4000)}`,
              );
            }
            if (response.status === 429) tooMany++;
            if (
              testCase.kind === 'text/xml' &&
              (response.status !== 415 || response.body?.code !== 'UNSUPPORTED_MEDIA_TYPE')
            ) {
              xml415 = false;
              failures.push(`${where}: text/xml not refused with 415 UNSUPPORTED_MEDIA_TYPE (${response.body?.code})`);
            }
            if (response.status >= 400) {
              const body = response.body as { code?: unknown; message?: unknown };
              if (
                !/json/.test(String(response.headers['content-type'])) ||
                typeof body?.code !== 'string' ||
                !/^[A-Z_]+$/.test(body.code) ||
                typeof body.message !== 'string' ||
                !CHINESE.test(body.message)
              )
                failures.push(`${where}: error body not { code, message in Chinese }: ${response.text.slice(0, 200)}`);
              const sent = JSON.stringify(testCase.json ?? testCase.raw?.body ?? '');
              const leak = LEAK.exec(response.text);
              if ((leak && !sent.includes(leak[0])) || response.headers['x-powered-by']) {
                leaks++;
                failures.push(`${where}: internals in the answer: ${response.text.slice(0, 300)}`);
              }
            } else if (response.status < 300) {
              accepted++;
              routeAccepted++;
              acceptedRoutes.add(`${route.operationId} ${testCase.kind}`);
              if (process.env.R3_VERBOSE)
                process.stdout.write(
                  `R3 2xx ${where} ${JSON.stringify(testCase.json ?? testCase.raw).slice(0, 300)}\n`,
                );
            }
            if (route.operationId === 'logout' && response.status < 300 && route.role)
              sessions.set(route.role, await signIn(t.http, route.role));
          }
        }),
      );
      if (process.env.R3_VERBOSE)
        process.stdout.write(
          `R3 route ${route.operationId} as ${route.role}: ${[...routeStatuses].map(([k, n]) => `${k}×${n}`).join(' ')}\n`,
        );
      const after = await snapshot(tables);
      for (const table of tables) {
        const was = before.get(table)!;
        const now = after.get(table)!;
        if (was.length === now.length && was.every((hash, i) => hash === now[i])) continue;
        if (routeAccepted === 0) {
          invalidStored++;
          failures.push(
            `${route.operationId}: ${table} changed (${was.length} → ${now.length} rows) though every case was refused`,
          );
          continue;
        }
        // a 2xx stored or changed rows: they must hold nothing that no input may store
        const old = new Set(was);
        const changed = now.filter((hash) => !old.has(hash));
        if (!changed.length) continue;
        const rows: Array<{ row: unknown }> = await t.dataSource.query(
          `SELECT to_jsonb(t) AS row FROM "${table}" t WHERE md5((to_jsonb(t)${(BOOKKEEPING_COLUMNS[table] ?? []).map((column) => ` - '${column}'`).join('')})::text) = ANY($1)`,
          [changed],
        );
        const problems: string[] = [];
        for (const { row } of rows) storedProblems(row, table, problems);
        if (problems.length) {
          invalidStored += problems.length;
          failures.push(`${route.operationId}: stored ${problems.join('; ')}`);
        }
      }
    }

    const ms = Date.now() - started;
    recordFigures('R3', 'bad input', {
      routes: routes.length,
      cases,
      '5xx': fiveXX,
      'invalid stored': invalidStored,
      leaks,
      '415 for text/xml': xml415 ? 'yes' : 'no',
      '2xx (valid by accident)': accepted,
      '429': tooMany,
      'slowest ms': slowest,
      seed: SEED,
      ms,
    });
    process.stdout.write(
      `R3 statuses: ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}\n` +
        `R3 accepted: ${[...acceptedRoutes].join(', ') || 'none'}\n` +
        `R3 excluded from "nothing stored": ${EXCLUDED_TABLES.join(', ')}\n`,
    );
    expect(failures.slice(0, 40)).toEqual([]);
    expect(routes.length).toBeGreaterThanOrEqual(89);
    expect(cases).toBeGreaterThanOrEqual(10_000);
    expect(tooMany).toBe(0);
    // `__proto__`/`constructor` fields are dropped on the way in: no object of the process gained a property
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
