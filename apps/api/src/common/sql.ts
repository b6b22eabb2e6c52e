import type { AccessScope } from './auth/access-scope.js';

// A tiny helper for parameterised SQL built from fixed fragments: values always travel as $n parameters.
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

// SQL fragments several modules share, written once. Each takes the alias of the table it is about.

/** The measure (alias `m`-like) is assigned to one of the units in `unitsParam` (a `$n` uuid[]), lead or co-unit. */
export function assignedToSql(alias: string, unitsParam: string): string {
  return `${alias}.id IN (SELECT fmu.measure_id FROM measure_unit fmu WHERE fmu.unit_id = ANY(${unitsParam}))`;
}

/** The statuses that count as done (已完成, 视同完成), as a SQL list. */
export const DONE_STATUSES_SQL = `('completed', 'deemed_completed')`;

/** The measure (or problem) is done: 已完成 or 视同完成. */
export function doneSql(alias: string): string {
  return `${alias}.status IN ${DONE_STATUSES_SQL}`;
}

/**
 * A 视同完成 measure (alias) with a checkpoint past `day` (a SQL date expression) and not yet reviewed: red and
 * overdue like a missed deadline (the rule of measureLight's openCheckpoint in packages/domain/src/deadline.ts).
 */
export function checkpointOverdueSql(alias: string, day: string): string {
  return `(${alias}.status = 'deemed_completed' AND EXISTS (SELECT 1 FROM measure_checkpoint oc
    WHERE oc.measure_id = ${alias}.id AND oc.review_status <> 'done' AND oc.done_on IS NULL AND oc.due_on < ${day}::date))`;
}

/** Not soft-deleted. */
export function liveSql(alias: string): string {
  return `${alias}.deleted_at IS NULL`;
}

/** Problems the scope can see: all, or those led by or with a live measure assigned to one of its units. */
export function problemVisibleSql(alias: string, scope: AccessScope, params: SqlParams): string {
  if (scope.all) return 'TRUE';
  const units = params.add(scope.unitIds);
  return `(${alias}.lead_unit_id = ANY(${units}) OR EXISTS (
    SELECT 1 FROM measure sm JOIN measure_unit smu ON smu.measure_id = sm.id
    WHERE sm.problem_id = ${alias}.id AND sm.deleted_at IS NULL AND smu.unit_id = ANY(${units})))`;
}
