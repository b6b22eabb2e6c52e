// The raw baseline: node:http and a pg Pool, no framework, giving the same answers as the API's routes with the best
// query we know for each (index-backed, not a copy of the API's SQL; docs/performance.md lists them). It validates
// the same session cookie with one query (the API's guard does the same read), so a ratio near 1 means the API is
// near what this machine can do.
// Runs in a worker thread of the bench process (its own event loop, as the API has its own process), or as a child
// process (bench/baseline.mjs, `process: true`) when its memory is measured.
import { chinaDate } from '@zhenggai/domain';
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { exportLedger, importLedger } from './baseline-ledger.mjs';
import { groupUnits, mapMeasure } from '../apps/api/dist/modules/measures/measures.mapper.js';
import { measureAnswerSql } from '../apps/api/dist/modules/measures/measures.repository.js';
import { mapStatistics } from '../apps/api/dist/modules/statistics/statistics.mapper.js';
import {
  cachedFiguresSql,
  currentStampsSql,
  statisticsScopeKey,
  storeFiguresSql,
} from '../apps/api/dist/modules/statistics/statistics-cache.sql.js';
import { inspectionFiguresSql, inspectionLookupSql } from '../apps/api/dist/modules/statistics/statistics.sql.js';

const channel = parentPort ?? {
  postMessage: (message) => process.send(message),
  on: (event, listener) => process.on(event, listener),
};
const { databaseUrl, poolSize, statementTimeoutMs } = workerData ?? JSON.parse(process.env.BENCH_BASELINE);

// as the API: DATE columns stay YYYY-MM-DD strings
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
const pool = new pg.Pool({
  connectionString: databaseUrl,
  max: poolSize,
  statement_timeout: statementTimeoutMs,
  application_name: 'zhenggai-bench-baseline',
});

// The columns and joins of a measure list item (the answer of GET /api/measures).
const SELECT = `SELECT m.id, m.problem_id AS "problemId", m.inspection_id AS "inspectionId", p.label AS "problemLabel",
  p.seq AS "problemSeq", p.title AS "problemTitle", m.seq, m.lead, m.text, m.term, m.status, m.deadline,
  i.yellow_days AS "yellowDays", m.lead_unit_id AS "leadUnitId", lu.name AS "leadUnitName",
  m.responsible_leader_id AS "responsibleLeaderId", rl.name AS "responsibleLeaderName",
  m.responsible_person_id AS "responsiblePersonId", rp.name AS "responsiblePersonName",
  m.next_checkpoint AS "nextCheckpoint", m.stage_outcome AS "stageOutcome",
  m.long_term_mechanism AS "longTermMechanism", m.remarks, m.submitted_at AS "submittedAt", m.completed_at AS "completedAt",
  m.version, m.updated_at AS "updatedAt"`;
const FROM = `FROM measure m
  JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL
  JOIN inspection i ON i.id = m.inspection_id AND i.deleted_at IS NULL
  LEFT JOIN unit lu ON lu.id = m.lead_unit_id
  LEFT JOIN person rl ON rl.id = m.responsible_leader_id
  LEFT JOIN person rp ON rp.id = m.responsible_person_id`;
const UNITS = `SELECT mu.measure_id AS "measureId", u.id, u.name, mu.role, mu.status, mu.progress,
    (SELECT count(*)::int FROM measure_event me
     WHERE me.measure_id = mu.measure_id AND me.unit_id = mu.unit_id AND me.action = 'urge') AS urges
  FROM measure_unit mu JOIN unit u ON u.id = mu.unit_id
  WHERE mu.measure_id = ANY($1)
  ORDER BY mu.measure_id, CASE mu.role WHEN 'lead' THEN 0 ELSE 1 END, u.sort_order, u.name`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function send(response, status, body) {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  });
  response.end(json);
}

function cookie(request, name) {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

async function session(request) {
  const token = cookie(request, 'zg_session');
  if (!token || token.length > 100) return null;
  // named (prepared), as the API's session check is: every request runs it
  const { rows } = await pool.query({
    name: 'baseline_session',
    text: `SELECT s.csrf_token, s.expires_at, s.revoked_at, u.id, u.username, u.display_name, u.roles, u.unit_id, u.disabled_at
     FROM user_session s JOIN user_account u ON u.id = s.user_id WHERE s.token_hash = $1`,
    values: [createHash('sha256').update(token).digest('hex')],
  });
  const row = rows[0];
  if (!row || row.revoked_at || row.disabled_at || row.expires_at <= new Date()) return null;
  const all = row.roles.includes('task_force_officer') || row.roles.includes('supervisor');
  return {
    csrfToken: row.csrf_token,
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    unitId: row.unit_id,
    scope: all ? { all: true } : { all: false, unitIds: row.unit_id ? [row.unit_id] : [] },
  };
}

// GET /api/measures[?unitId=…]&sort=deadline|official&pageSize=N, page 1. The unit filter (and a unit account's
// scope) goes through measure_unit (the lead is mirrored there) and idx_measure_unit_unit_measure; page 1 in deadline
// order walks idx_measure_deadline (deadline, id) and stops after N rows; the official order (p.seq, m.seq) is a
// top-N over the narrow rows of the measures, joined to the display columns for the page only. The count runs in
// parallel and joins only what can exclude a row.
const ORDER = { deadline: 'm.deadline ASC NULLS LAST, m.id', official: 'p.seq, m.seq, m.id' };
async function listMeasures(url, scope) {
  const unitId = url.searchParams.get('unitId');
  const pageSize = Math.min(Number(url.searchParams.get('pageSize') ?? 20), 100);
  const order = ORDER[url.searchParams.get('sort') ?? 'official'];
  if (!order) return null;
  const values = [];
  const where = ['m.deleted_at IS NULL'];
  const assigned = (units) => {
    values.push(units);
    where.push(`m.id IN (SELECT mu.measure_id FROM measure_unit mu WHERE mu.unit_id = ANY($${values.length}::uuid[]))`);
  };
  if (!scope.all) assigned(scope.unitIds);
  if (unitId) assigned([unitId]);
  const whereSql = where.join(' AND ');
  const [page, count] = await Promise.all([
    // the page's ids first, sorting only the narrow rows (measure ⨝ problem ⨝ inspection), then the columns of 20
    pool.query(
      `WITH page AS (
         SELECT m.id, p.seq AS problem_seq, m.seq, m.deadline FROM measure m
         JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL
         JOIN inspection i ON i.id = m.inspection_id AND i.deleted_at IS NULL
         WHERE ${whereSql} ORDER BY ${order} LIMIT $${values.length + 1}
       )
       ${SELECT} ${FROM} WHERE m.id IN (SELECT id FROM page) ORDER BY ${order}`,
      [...values, pageSize],
    ),
    pool.query(
      `SELECT count(*)::int AS total FROM measure m
       WHERE ${whereSql}
         AND EXISTS (SELECT 1 FROM problem p WHERE p.id = m.problem_id AND p.deleted_at IS NULL)
         AND EXISTS (SELECT 1 FROM inspection i WHERE i.id = m.inspection_id AND i.deleted_at IS NULL)`,
      values,
    ),
  ]);
  const units = groupUnits((await pool.query(UNITS, [page.rows.map((row) => row.id)])).rows);
  const today = chinaDate(new Date());
  return {
    items: page.rows.map((row) => mapMeasure(row, units.get(row.id) ?? [], today)),
    total: count.rows[0].total,
    page: 1,
    pageSize,
  };
}

// Reads the API's statistics cache (docs/performance.md "The statistics cache"): one statement when the entry is
// fresh; otherwise the stamps, the lookup and the figures, stored as the API stores them (without its lock)
async function statistics(inspectionId, scope) {
  const now = new Date();
  const today = chinaDate(now);
  const key = { inspectionId, scopeKey: statisticsScopeKey(scope), dueSoonDays: -1 };
  const cached = cachedFiguresSql(key, today);
  const hit = (await pool.query(cached.text, cached.values)).rows[0];
  if (hit) {
    const { dueSoonDays, row } = hit.figures;
    return mapStatistics(row, {
      inspectionId,
      today,
      dueSoonDays,
      countDeemedAsComplete: true,
      generatedAt: hit.generatedAt,
    });
  }
  const stampsSql = currentStampsSql(inspectionId);
  const stamps = (await pool.query(stampsSql.text, stampsSql.values)).rows[0];
  const lookup = inspectionLookupSql(inspectionId, scope);
  const inspection = (await pool.query(lookup.text, lookup.values)).rows[0];
  if (!inspection) return null;
  const dueSoonDays = inspection.yellowDays;
  const figures = inspectionFiguresSql({ inspectionId, scope, today, dueSoonDays, startDate: inspection.startDate });
  const row = (await pool.query(figures.text, figures.values)).rows[0];
  const store = storeFiguresSql(key, { ...stamps, computedOn: today, generatedAt: now, figures: { dueSoonDays, row } });
  await pool.query(store.text, store.values);
  return mapStatistics(row, { inspectionId, today, dueSoonDays, countDeemedAsComplete: true, generatedAt: now });
}

async function readJson(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

// PATCH /api/measures/:id { version, remarks }: what the API's edit writes and answers, the best raw way — one
// named (prepared) statement, i.e. one implicit transaction: lock, before image, version-checked update, the
// measure_event history row and the audit row of AuditService (same columns, same values), and the detail answer read
// from the statement's own RETURNING row with the API's select (`measureAnswerSql`) and mapper. audit_event's deferred
// hash-chain trigger runs at its commit, as for the API. (Until issue 28's stop 36 the baseline wrote no history row
// and answered only id, version, remarks and time, unprepared: less work than the API's edit.)
const FULL_UPDATE = {
  name: 'baseline_measure_update',
  text: `WITH target AS (
    SELECT m.id, jsonb_build_object('remarks', m.remarks) AS before FROM measure m
    WHERE m.id = $1 AND m.deleted_at IS NULL FOR UPDATE OF m
  ), changed AS (
    UPDATE measure m SET remarks = $2, version = m.version + 1, updated_at = now()
    FROM target t WHERE m.id = t.id AND m.version = $3 RETURNING m.*
  ), history AS (
    INSERT INTO measure_event (measure_id, action, actor_id, actor_name, detail)
    SELECT c.id, 'update', $4::uuid, $11::text, jsonb_build_object('before', t.before, 'after', $10::jsonb)
    FROM changed c JOIN target t ON t.id = c.id
  ), audited AS (
    INSERT INTO audit_event (actor_id, actor_username, actor_roles, actor_unit_id, ip, request_id, action, entity_type,
                             entity_id, result, before, after, detail)
    SELECT $4::uuid, $5::text, $6::text[], $7::uuid, $8::text, $9::text, 'MEASURE_UPDATED', 'measure', c.id::text,
           'success', t.before, $10::jsonb, NULL
    FROM changed c JOIN target t ON t.id = c.id
  )
  SELECT (SELECT row_to_json(answer) FROM (${measureAnswerSql('changed')}) answer) AS answer`,
};
let requestCounter = 0;
async function updateMeasure(request, id, actor) {
  const header = Buffer.from(String(request.headers['x-csrf-token'] ?? ''));
  const expected = Buffer.from(actor.csrfToken);
  if (header.length !== expected.length || !timingSafeEqual(header, expected))
    return [403, { code: 'CSRF_TOKEN_INVALID' }];
  const body = await readJson(request);
  if (!Number.isInteger(body.version) || typeof body.remarks !== 'string') return [400, { code: 'VALIDATION_FAILED' }];
  const { rows } = await pool.query({
    ...FULL_UPDATE,
    values: [
      id,
      body.remarks,
      body.version,
      actor.id,
      actor.username,
      actor.roles,
      actor.unitId,
      request.socket.remoteAddress ?? null,
      `baseline-${++requestCounter}`,
      JSON.stringify({ remarks: body.remarks }),
      actor.displayName,
    ],
  });
  const answer = rows[0]?.answer;
  if (answer) return [200, mapMeasure(answer, answer.units, chinaDate(new Date()))];
  const current = (await pool.query('SELECT version FROM measure WHERE id = $1 AND deleted_at IS NULL', [id])).rows[0];
  return current ? [409, { code: 'VERSION_CONFLICT', current }] : [404, { code: 'NOT_FOUND' }];
}

async function handle(request, response) {
  const url = new URL(request.url, 'http://baseline');
  const actor = await session(request);
  if (!actor) return send(response, 401, { code: 'UNAUTHENTICATED' });
  const parts = url.pathname.split('/').filter(Boolean);
  if (request.method === 'GET' && url.pathname === '/api/measures') {
    const body = await listMeasures(url, actor.scope);
    return body ? send(response, 200, body) : send(response, 400, { code: 'VALIDATION_FAILED' });
  }
  if (parts.length === 5 && parts[1] === 'inspections' && UUID.test(parts[2]) && parts[4] === 'ledger.xlsx') {
    if (request.method === 'GET' && parts[3] === 'exports')
      return exportLedger(pool, parts[2].toLowerCase(), actor, response);
    if (request.method === 'POST' && parts[3] === 'imports') {
      const [status, body] = await importLedger(pool, parts[2].toLowerCase(), actor, request);
      return send(response, status, body);
    }
  }
  if (
    request.method === 'GET' &&
    parts.length === 4 &&
    parts[1] === 'inspections' &&
    parts[3] === 'statistics' &&
    UUID.test(parts[2])
  ) {
    const body = await statistics(parts[2].toLowerCase(), actor.scope);
    return body ? send(response, 200, body) : send(response, 404, { code: 'NOT_FOUND' });
  }
  if (request.method === 'PATCH' && parts.length === 3 && parts[1] === 'measures' && UUID.test(parts[2])) {
    const [status, body] = await updateMeasure(request, parts[2].toLowerCase(), actor);
    return send(response, status, body);
  }
  return send(response, 404, { code: 'ROUTE_NOT_FOUND' });
}

let reported = false;
const server = http.createServer((request, response) => {
  handle(request, response).catch((error) => {
    // the first failure is worth reading; the table counts the rest
    // a client that hangs up mid-request (the end of a run) is no failure of ours
    if (request.destroyed || error.message === 'aborted') return;
    if (response.headersSent) return response.destroy();
    if (!reported) console.error(`[baseline] ${request.method} ${request.url}: ${error.stack ?? error.message}`);
    reported = true;
    send(response, 500, { code: 'INTERNAL_ERROR', message: error.message });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => channel.postMessage({ port: server.address().port }));
channel.on('message', (message) => {
  if (message !== 'stop') return;
  server.closeAllConnections();
  server.close(() =>
    pool.end().then(() => {
      channel.postMessage({ stopped: true });
      if (!parentPort) process.disconnect();
    }),
  );
});
