import type { EntityManager } from 'typeorm';
import { AppError } from './errors/app-error.js';
import { SqlParams } from './sql.js';

export type ColumnValues = Record<string, unknown>;

/**
 * The one optimistic-concurrency write: `UPDATE … SET …, version = version + 1 WHERE id = $1 AND version = $2`.
 * Column names come from code (never from a request); values travel as parameters. Returns the new row, or null
 * when no row matched (stale version, or gone).
 */
export async function updateIfVersion<T = Record<string, unknown>>(
  manager: EntityManager,
  table: string,
  id: string,
  version: number,
  columns: ColumnValues,
): Promise<T | null> {
  const params = new SqlParams();
  const idParam = params.add(id);
  const versionParam = params.add(version);
  const sets = Object.entries(columns).map(([column, value]) => `"${column}" = ${params.add(value)}`);
  sets.push('version = version + 1', 'updated_at = now()');
  const rows = (await manager.query(
    `UPDATE "${table}" SET ${sets.join(', ')} WHERE id = ${idParam} AND version = ${versionParam} AND deleted_at IS NULL RETURNING *`,
    params.values,
  )) as [T[], number] | T[];
  // TypeORM answers UPDATE … RETURNING with [rows, affected]
  const list = (Array.isArray(rows[0]) ? rows[0] : rows) as T[];
  return list[0] ?? null;
}

/** A request without `version` cannot be checked: 409, so the client reloads before writing. */
export function requireVersion(version: number | undefined): number {
  if (version === undefined || version === null) throw new AppError('VERSION_REQUIRED');
  return version;
}

/** 409 with the current state, so the client can show what changed and by whom. */
export function versionConflict(current: unknown): AppError {
  return new AppError('VERSION_CONFLICT', undefined, { current });
}

/** Thrown inside a transaction when the version is stale; turned into a 409 with the current state once the
 * transaction has released its connection (reading the state inside it could starve the pool). */
export class StaleVersionError extends Error {}

export async function withConflictState<T>(work: () => Promise<T>, current: () => Promise<unknown>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StaleVersionError) throw versionConflict(await current().catch(() => null));
    throw error;
  }
}
