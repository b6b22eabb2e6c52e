import type { DataSource } from 'typeorm';
import { requestContext, type Actor } from '../../src/common/http/request-context.js';
import { unitSubtree } from '../../src/modules/units/unit-tree.js';

/** The Actor a session of this demo account would carry (roles, own unit and its sub-units). */
export async function actorOf(dataSource: DataSource, username: string): Promise<Actor> {
  const [user] = (await dataSource.query(
    `SELECT id, username, display_name AS "displayName", roles, unit_id AS "unitId" FROM user_account WHERE username = $1`,
    [username],
  )) as Array<Omit<Actor, 'unitIds'>>;
  if (!user) throw new Error(`no account ${username}`);
  return { ...user, unitIds: await unitSubtree(dataSource, user.unitId) };
}

/** Runs a direct service call as if inside a request of `actor` (the audit trail reads the request context). */
export function asActor<T>(actor: Actor, fn: () => Promise<T>): Promise<T> {
  return requestContext.run({ requestId: 'medium-spec', ip: '127.0.0.1', actor, sessionId: null }, fn);
}

/** `SELECT count(*)` of a table under a WHERE clause. */
export async function countRows(
  dataSource: DataSource,
  table: string,
  where = 'TRUE',
  params: unknown[] = [],
): Promise<number> {
  const [row] = (await dataSource.query(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`, params)) as Array<{
    n: number;
  }>;
  return row.n;
}

/** Row counts of the tables a write may touch, to show that a refused write left everything as it was. */
export async function writeCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const tables = [
    'inspection',
    'category',
    'problem',
    'measure',
    'measure_unit',
    'measure_event',
    'progress_update',
    'deadline_extension',
    'measure_checkpoint',
    'audit_event',
    'notification',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await countRows(dataSource, table);
  return counts;
}
