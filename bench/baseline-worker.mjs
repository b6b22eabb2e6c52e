// The raw baseline: node:http and a pg Pool, no framework, answering the benchmark's three routes with the same SQL
// as the API. It validates the same session cookie with one query (the API's guard does the same read), so the
// ratio measures what NestJS, Express, validation and TypeORM add on top of identical database work.
// Runs in a worker thread of the bench process: its own event loop, as the API has its own process.
import { chinaDate } from '@zhenggai/domain';
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { assignedToSql } from '../apps/api/dist/modules/measures/measures.repository.js';
import { groupUnits, mapMeasure } from '../apps/api/dist/modules/measures/measures.mapper.js';
import { mapStatistics } from '../apps/api/dist/modules/statistics/statistics.mapper.js';
import { inspectionFiguresSql, inspectionLookupSql } from '../apps/api/dist/modules/statistics/statistics.sql.js';

const { databaseUrl, poolSize, statementTimeoutMs } = workerData;

// as the API: DATE columns stay YYYY-MM-DD strings
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
const pool = new pg.Pool({
  connectionString: databaseUrl,
  max: poolSize,
  statement_timeout: statementTimeoutMs,
  application_name: 'zhenggai-bench-baseline',
});

// The measure list of apps/api/src/modules/measures/measures.repository.ts (findPage, sort=deadline, filtered by unit).
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
  const { rows } = await pool.query(
    `SELECT s.csrf_token, s.expires_at, s.revoked_at, u.id, u.roles, u.unit_id, u.disabled_at
     FROM user_session s JOIN user_account u ON u.id = s.user_id WHERE s.token_hash = $1`,
    [createHash('sha256').update(token).digest('hex')],
  );
  const row = rows[0];
  if (!row || row.revoked_at || row.disabled_at || row.expires_at <= new Date()) return null;
  const all = row.roles.includes('task_force_officer') || row.roles.includes('supervisor');
  return {
    csrfToken: row.csrf_token,
    scope: all ? { all: true } : { all: false, unitIds: row.unit_id ? [row.unit_id] : [] },
  };
}

async function listMeasures(url, scope) {
  const unitId = url.searchParams.get('unitId');
  const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
  const values = [];
  const where = ['m.deleted_at IS NULL'];
  if (!scope.all) {
    values.push(scope.unitIds);
    where.push(assignedToSql('m', `$${values.length}`));
  }
  if (unitId) {
    values.push([unitId]);
    where.push(assignedToSql('m', `$${values.length}`));
  }
  const whereSql = where.join(' AND ');
  const [page, count] = await Promise.all([
    pool.query(
      `${SELECT} ${FROM} WHERE ${whereSql} ORDER BY m.deadline ASC NULLS LAST, m.id LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
      [...values, pageSize, 0],
    ),
    pool.query(`SELECT count(*)::int AS total ${FROM} WHERE ${whereSql}`, values),
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

async function statistics(inspectionId, scope) {
  const lookup = inspectionLookupSql(inspectionId, scope);
  const inspection = (await pool.query(lookup.text, lookup.values)).rows[0];
  if (!inspection) return null;
  const now = new Date();
  const today = chinaDate(now);
  const dueSoonDays = inspection.yellowDays;
  const figures = inspectionFiguresSql({ inspectionId, scope, today, dueSoonDays, startDate: inspection.startDate });
  const row = (await pool.query(figures.text, figures.values)).rows[0];
  return mapStatistics(row, { inspectionId, today, dueSoonDays, countDeemedAsComplete: true, generatedAt: now });
}

async function readJson(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function updateMeasure(request, id, csrfToken) {
  const header = Buffer.from(String(request.headers['x-csrf-token'] ?? ''));
  const expected = Buffer.from(csrfToken);
  if (header.length !== expected.length || !timingSafeEqual(header, expected))
    return [403, { code: 'CSRF_TOKEN_INVALID' }];
  const body = await readJson(request);
  if (!Number.isInteger(body.version) || typeof body.remarks !== 'string') return [400, { code: 'VALIDATION_FAILED' }];
  const { rows } = await pool.query(
    'UPDATE measure SET remarks = $2, version = version + 1 WHERE id = $1 AND version = $3 RETURNING version',
    [id, body.remarks, body.version],
  );
  if (rows[0]) return [200, { id, version: rows[0].version }];
  const current = (await pool.query('SELECT version FROM measure WHERE id = $1 AND deleted_at IS NULL', [id])).rows[0];
  return current ? [409, { code: 'VERSION_CONFLICT', current }] : [404, { code: 'NOT_FOUND' }];
}

async function handle(request, response) {
  const url = new URL(request.url, 'http://baseline');
  const actor = await session(request);
  if (!actor) return send(response, 401, { code: 'UNAUTHENTICATED' });
  const parts = url.pathname.split('/').filter(Boolean);
  if (request.method === 'GET' && url.pathname === '/api/measures')
    return send(response, 200, await listMeasures(url, actor.scope));
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
    const [status, body] = await updateMeasure(request, parts[2].toLowerCase(), actor.csrfToken);
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
    if (!reported) console.error(`[baseline] ${request.method} ${request.url}: ${error.stack ?? error.message}`);
    reported = true;
    send(response, 500, { code: 'INTERNAL_ERROR', message: error.message });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  server.closeAllConnections();
  server.close(() => pool.end().then(() => parentPort.postMessage({ stopped: true })));
});
