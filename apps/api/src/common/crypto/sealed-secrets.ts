import type { DataSource, EntityManager } from 'typeorm';
import { SecretBox } from './secret-box.js';

// Every column holding a sealed secret, and the AAD that binds a value to its column and row.
export const SEALED_COLUMNS = [
  { table: 'user_account', column: 'mfa_secret' },
  { table: 'user_account', column: 'mfa_pending_secret' },
  { table: 'webhook', column: 'secret' },
] as const;

export type SealedColumn = (typeof SEALED_COLUMNS)[number];

export const secretAad = (column: SealedColumn, id: string): string => `${column.table}.${column.column}:${id}`;

export const MFA_SECRET = SEALED_COLUMNS[0];
export const MFA_PENDING_SECRET = SEALED_COLUMNS[1];
export const WEBHOOK_SECRET = SEALED_COLUMNS[2];

/**
 * Rewrites every stored secret through `next` (null: leave it), rows locked, in the caller's transaction; answers
 * how many values changed. The SQL of the sealed columns across modules lives here, next to their list.
 */
export async function resealSecrets(
  manager: EntityManager,
  next: (value: string, aad: string, where: string) => string | null,
): Promise<number> {
  let changed = 0;
  for (const column of SEALED_COLUMNS) {
    const rows: Array<{ id: string; value: string }> = await manager.query(
      `SELECT id, ${column.column} AS value FROM ${column.table} WHERE ${column.column} IS NOT NULL ORDER BY id FOR UPDATE`,
    );
    for (const row of rows) {
      const value = next(row.value, secretAad(column, row.id), `${column.table}.${column.column} of ${row.id}`);
      if (value === null || value === row.value) continue;
      await manager.query(`UPDATE ${column.table} SET ${column.column} = $2 WHERE id = $1`, [row.id, value]);
      changed += 1;
    }
  }
  return changed;
}

/**
 * The one-shot `secrets:migrate` step run at every boot: seals, in one transaction, every secret still stored in
 * plain text (written before encryption at rest); sealed values are left alone. Answers how many it sealed.
 */
export async function sealPlainSecrets(dataSource: DataSource, box: SecretBox): Promise<number> {
  return dataSource.transaction((manager) =>
    resealSecrets(manager, (value, aad) => (SecretBox.isSealed(value) ? null : box.seal(value, aad))),
  );
}

/** Re-seals every secret from one key to another, in one transaction (plain values are sealed too). */
export async function rotateSecrets(dataSource: DataSource, from: SecretBox, to: SecretBox): Promise<number> {
  return dataSource.transaction((manager) =>
    resealSecrets(manager, (value, aad, where) => {
      if (!SecretBox.isSealed(value)) return to.seal(value, aad);
      // already under the new key (a rotation run again): nothing to do
      if (value.split(':')[1] === to.keyId) return null;
      try {
        return to.seal(from.open(value, aad), aad);
      } catch (error) {
        throw new Error(`${where}: ${(error as Error).message}`, { cause: error });
      }
    }),
  );
}
