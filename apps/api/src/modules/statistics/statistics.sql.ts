// The SQL of the inspection statistics, as pure builders: the repository runs them, and the benchmark's raw baseline
// (bench/baseline-worker.mjs) imports the same builders from the built API so both sides answer with the same SQL.
import type { AccessScope } from '../../common/auth/access-scope.js';
import { assignedToSql, DONE_STATUSES_SQL, doneSql, problemVisibleSql, SqlParams } from '../../common/sql.js';

export interface SqlStatement {
  text: string;
  values: unknown[];
}

// the trend never reaches further back than ten years, whatever the feedback date says
export const MAX_TREND_WEEKS = 520;
export const ALERT_LIST_LIMIT = 50;

const DONE = doneSql('m');
// a measure's completion day on the China calendar
const COMPLETED_ON = `(m.completed_at AT TIME ZONE 'Asia/Shanghai')::date`;
// The scoped measure ids as one array: `x = ANY(array)` is read through the index on x, where a join with `sm` lets
// the planner prefer hashing the whole table (it cannot know how few rows `sm` holds)
const SM_IDS = 'ARRAY(SELECT id FROM sm)';
// the Monday of the ISO week holding date expression `day`
const mondayOf = (day: string) => `(${day} - (extract(isodow FROM ${day})::int - 1))`;

/** The inspection, if the scope may see it: a unit account sees it when one of its problems is visible. */
export function inspectionLookupSql(inspectionId: string, scope: AccessScope): SqlStatement {
  const params = new SqlParams();
  const id = params.add(inspectionId);
  const visible = scope.all
    ? 'TRUE'
    : `EXISTS (SELECT 1 FROM problem p WHERE p.inspection_id = i.id AND p.deleted_at IS NULL
        AND ${problemVisibleSql('p', scope, params)})`;
  return {
    text: `SELECT i.id, i.yellow_days AS "yellowDays",
        COALESCE(i.feedback_date, (i.created_at AT TIME ZONE 'Asia/Shanghai')::date) AS "startDate"
      FROM inspection i
      WHERE i.id = ${id} AND i.deleted_at IS NULL AND ${visible}`,
    values: params.values,
  };
}

export interface FiguresInput {
  inspectionId: string;
  scope: AccessScope;
  today: string;
  dueSoonDays: number;
  startDate: string;
}

/**
 * Every figure of the dashboard in one statement (one round trip), each section a JSON value:
 * problems, byCategory, measures, byUnit, overdueList, dueSoonList, weeklyTrend, accountability, rules, funds.
 * The scoped sets `vp` (visible problems) and `sm` (measures assigned to the scope) are computed once.
 */
export function inspectionFiguresSql(input: FiguresInput): SqlStatement {
  const { scope } = input;
  const params = new SqlParams();
  const inspection = params.add(input.inspectionId);
  const today = `${params.add(input.today)}::date`;
  const days = `${params.add(input.dueSoonDays)}::int`;
  const start = `GREATEST(${params.add(input.startDate)}::date, ${today} - ${MAX_TREND_WEEKS * 7})`;
  const visible = problemVisibleSql('p', scope, params);
  const units = scope.all ? null : params.add(scope.unitIds);
  const assigned = units ? assignedToSql('m', units) : 'TRUE';
  // outcomes follow the problems: a unit sees those of its visible problems, the task force also the general ones
  const outcomeScope = (alias: string) =>
    scope.all
      ? `(${alias}.problem_id IS NULL OR ${alias}.problem_id IN (SELECT id FROM vp))`
      : `${alias}.problem_id IN (SELECT id FROM vp)`;

  const text = `
WITH vp AS MATERIALIZED (
  SELECT p.id, p.category_id, p.status FROM problem p
  WHERE p.inspection_id = ${inspection} AND p.deleted_at IS NULL AND ${visible}
),
sm AS MATERIALIZED (
  SELECT m.id, m.problem_id, m.seq, m.text, m.status, m.deadline, m.lead_unit_id,
    ${COMPLETED_ON} AS completed_on,
    ${DONE} AS done,
    -- overdue: past the deadline, or a 视同完成 measure past a checkpoint not yet reviewed (then its date counts; the
    -- rule of measureLight's openCheckpoint)
    (COALESCE(NOT ${DONE} AND m.deadline < ${today}, FALSE) OR COALESCE(cp.due_on < ${today}, FALSE)) AS overdue,
    CASE WHEN cp.due_on < ${today} THEN cp.due_on ELSE m.deadline END AS due_on,
    COALESCE(NOT ${DONE} AND m.deadline >= ${today} AND m.deadline <= ${today} + ${days}, FALSE) AS due_soon
  FROM measure m
  -- measures of a deleted problem are gone. Fenced (OFFSET 0), the check is a primary-key lookup per measure; as a
  -- plain join the planner hashes the whole problem table, or underestimates the rows and nests loops below
  JOIN LATERAL (SELECT 1 FROM problem lp WHERE lp.id = m.problem_id AND lp.deleted_at IS NULL OFFSET 0) live ON TRUE
  -- the earliest checkpoint not yet reviewed, looked up for 视同完成 measures only
  LEFT JOIN LATERAL (SELECT min(oc.due_on) AS due_on FROM measure_checkpoint oc
    WHERE m.status = 'deemed_completed' AND oc.measure_id = m.id AND oc.review_status <> 'done' AND oc.done_on IS NULL
  ) cp ON TRUE
  WHERE m.inspection_id = ${inspection} AND m.deleted_at IS NULL AND ${assigned}
),
-- (measure, unit) pairs: the lead unit and every unit of measure_unit, once each
au AS (
  SELECT pair.measure_id, pair.unit_id FROM (
    SELECT sm.id AS measure_id, sm.lead_unit_id AS unit_id FROM sm WHERE sm.lead_unit_id IS NOT NULL
    UNION
    SELECT mu.measure_id, mu.unit_id FROM measure_unit mu WHERE mu.measure_id = ANY(${SM_IDS})
  ) pair
  WHERE ${units ? `pair.unit_id = ANY(${units})` : 'TRUE'}
),
-- a unit's deadline extension requests on the measures assigned to it
extension AS (
  SELECT de.measure_id, de.unit_id, count(*) AS requests FROM deadline_extension de
  WHERE de.measure_id = ANY(${SM_IDS}) GROUP BY de.measure_id, de.unit_id
),
-- how often the task force urged (催办) a unit about the measures assigned to it
urge AS (
  SELECT me.measure_id, me.unit_id, count(*) AS urges FROM measure_event me
  WHERE me.measure_id = ANY(${SM_IDS}) AND me.action = 'urge' GROUP BY me.measure_id, me.unit_id
),
weeks AS (
  SELECT generate_series(${mondayOf(start)}::timestamp, ${mondayOf(today)}::timestamp, interval '1 week')::date AS week_start
),
done_weeks AS (
  SELECT ${mondayOf('sm.completed_on')} AS week_start FROM sm WHERE sm.done AND sm.completed_on IS NOT NULL
),
alerts AS (
  SELECT sm.id, sm.problem_id AS "problemId", p.label AS "problemLabel", p.title AS "problemTitle",
    p.seq AS "problemSeq", sm.seq, left(sm.text, 80) AS text, sm.status, sm.due_on AS deadline,
    sm.lead_unit_id AS "leadUnitId", lu.name AS "leadUnitName", sm.overdue, sm.due_soon,
    (${today} - sm.due_on) AS "daysOverdue", (sm.deadline - ${today}) AS "daysLeft"
  FROM sm JOIN problem p ON p.id = sm.problem_id LEFT JOIN unit lu ON lu.id = sm.lead_unit_id
  WHERE sm.overdue OR sm.due_soon
),
accountability AS (
  SELECT a.form, a.count, a.count_unit FROM accountability_action a
  WHERE a.inspection_id = ${inspection} AND ${outcomeScope('a')}
)
SELECT
  (SELECT json_build_object(
      'total', count(*),
      'completed', count(*) FILTER (WHERE status = 'completed'),
      'deemedCompleted', count(*) FILTER (WHERE status = 'deemed_completed'),
      'inProgress', count(*) FILTER (WHERE status NOT IN ${DONE_STATUSES_SQL}))
    FROM vp) AS problems,
  (SELECT COALESCE(json_agg(json_build_object(
      'categoryId', g.category_id, 'title', g.title, 'problems', g.problems, 'completed', g.completed,
      'deemedCompleted', g.deemed, 'inProgress', g.open) ORDER BY g.seq NULLS LAST, g.title), '[]'::json)
    FROM (
      SELECT vp.category_id, c.title, c.seq, count(*) AS problems,
        count(*) FILTER (WHERE vp.status = 'completed') AS completed,
        count(*) FILTER (WHERE vp.status = 'deemed_completed') AS deemed,
        count(*) FILTER (WHERE vp.status NOT IN ${DONE_STATUSES_SQL}) AS open
      FROM vp LEFT JOIN category c ON c.id = vp.category_id AND c.inspection_id = ${inspection}
      GROUP BY vp.category_id, c.title, c.seq
    ) g) AS "byCategory",
  (SELECT json_build_object(
      'total', count(*),
      'notStarted', count(*) FILTER (WHERE status = 'not_started'),
      'inProgress', count(*) FILTER (WHERE status = 'in_progress'),
      'awaitingSignOff', count(*) FILTER (WHERE status = 'pending_review'),
      'completed', count(*) FILTER (WHERE status = 'completed'),
      'deemedCompleted', count(*) FILTER (WHERE status = 'deemed_completed'),
      'overdue', count(*) FILTER (WHERE overdue),
      'dueSoon', count(*) FILTER (WHERE due_soon))
    FROM sm) AS measures,
  (SELECT COALESCE(json_agg(json_build_object(
      'unitId', g.unit_id, 'name', u.name, 'assigned', g.assigned, 'completed', g.completed,
      'deemedCompleted', g.deemed, 'awaitingSignOff', g.awaiting, 'overdue', g.overdue, 'dueSoon', g.due_soon,
      'done', g.done, 'onTime', g.on_time, 'extensions', g.extensions, 'urges', g.urges)
      ORDER BY u.sort_order, u.name, u.id), '[]'::json)
    FROM (
      SELECT au.unit_id, count(*) AS assigned,
        count(*) FILTER (WHERE sm.status = 'completed') AS completed,
        count(*) FILTER (WHERE sm.status = 'deemed_completed') AS deemed,
        count(*) FILTER (WHERE sm.status = 'pending_review') AS awaiting,
        count(*) FILTER (WHERE sm.overdue) AS overdue,
        count(*) FILTER (WHERE sm.due_soon) AS due_soon,
        count(*) FILTER (WHERE sm.done) AS done,
        -- late only when the China completion day is known and after a known deadline
        count(*) FILTER (WHERE sm.done AND NOT COALESCE(sm.completed_on > sm.deadline, FALSE)) AS on_time,
        COALESCE(sum(x.requests), 0) AS extensions,
        COALESCE(sum(ur.urges), 0) AS urges
      FROM au JOIN sm ON sm.id = au.measure_id
      LEFT JOIN extension x ON x.measure_id = au.measure_id AND x.unit_id = au.unit_id
      LEFT JOIN urge ur ON ur.measure_id = au.measure_id AND ur.unit_id = au.unit_id
      GROUP BY au.unit_id
    ) g
    JOIN unit u ON u.id = g.unit_id) AS "byUnit",
  (SELECT COALESCE(json_agg(x ORDER BY x.deadline, x."problemSeq", x.seq, x.id), '[]'::json)
    FROM (SELECT * FROM alerts WHERE overdue ORDER BY deadline, "problemSeq", seq, id LIMIT ${ALERT_LIST_LIMIT}) x
  ) AS "overdueList",
  (SELECT COALESCE(json_agg(x ORDER BY x.deadline, x."problemSeq", x.seq, x.id), '[]'::json)
    FROM (SELECT * FROM alerts WHERE due_soon ORDER BY deadline, "problemSeq", seq, id LIMIT ${ALERT_LIST_LIMIT}) x
  ) AS "dueSoonList",
  (SELECT COALESCE(json_agg(json_build_object('weekStart', t.week_start, 'completed', t.completed,
      'cumulative', t.cumulative) ORDER BY t.week_start), '[]'::json)
    FROM (
      SELECT w.week_start, count(d.week_start) AS completed,
        sum(count(d.week_start)) OVER (ORDER BY w.week_start)
          + (SELECT count(*) FROM done_weeks WHERE week_start < (SELECT min(week_start) FROM weeks)) AS cumulative
      FROM weeks w LEFT JOIN done_weeks d ON d.week_start = w.week_start
      GROUP BY w.week_start
    ) t) AS "weeklyTrend",
  (SELECT json_build_object(
      'people', COALESCE(sum(count) FILTER (WHERE count_unit = '人'), 0),
      'personTimes', COALESCE(sum(count) FILTER (WHERE count_unit = '人次'), 0),
      'byForm', (SELECT COALESCE(json_agg(json_build_object('form', f.form, 'count', f.total, 'unit', f.count_unit)
          ORDER BY f.total DESC, f.form, f.count_unit), '[]'::json)
        FROM (SELECT form, count_unit, sum(count) AS total FROM accountability WHERE count IS NOT NULL
          GROUP BY form, count_unit) f))
    FROM accountability) AS accountability,
  (SELECT count(*)::int FROM rule_document r
    WHERE r.inspection_id = ${inspection} AND r.role IN ('issued', 'revised') AND ${outcomeScope('r')}) AS rules,
  (SELECT COALESCE(round(sum(CASE f.unit WHEN '元' THEN f.amount / 10000 WHEN '亿元' THEN f.amount * 10000
      ELSE f.amount END), 2), 0)::float8 FROM fund_recovery f
    WHERE f.inspection_id = ${inspection} AND ${outcomeScope('f')}) AS funds`;
  return { text, values: params.values };
}
