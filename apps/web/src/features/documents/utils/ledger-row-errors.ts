import type { LedgerRowError } from '../api/import-ledger';

/** 第3行·牵头单位 → row 3, column 牵头单位: the keys of a refused commit's field messages (IMPORT_ROWS_INVALID). */
export function rowErrorsOf(errors: Record<string, string[]> | undefined): LedgerRowError[] {
  return Object.entries(errors ?? {}).flatMap(([key, messages]) => {
    const match = /^第(\d+)行·(.+)$/.exec(key);
    return messages.map((message) =>
      match ? { row: Number(match[1]), column: match[2], message } : { row: 0, column: key, message },
    );
  });
}
