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

/** Not soft-deleted. */
export function liveSql(alias: string): string {
  return `${alias}.deleted_at IS NULL`;
}
