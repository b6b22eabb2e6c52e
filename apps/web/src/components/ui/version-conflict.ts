// What a 409 VERSION_CONFLICT dialog compares, without the dialog itself (see version-conflict-modal.tsx): a form
// imports these statically and loads the dialog, with its Table, only when a conflict happens.

export interface ConflictField<T> {
  key: string;
  label: string;
  text: (value: T) => string;
}

export interface ConflictRow {
  key: string;
  label: string;
  seen: string;
  current: string;
  mine: string;
}

/**
 * The rows to show: every field that changed under the user (seen → current) or that the user changed (mine).
 * `mine` maps a field key to the user's new value as text.
 */
export function conflictRows<T>(
  fields: ReadonlyArray<ConflictField<T>>,
  seen: T,
  current: T,
  mine: Record<string, string>,
): ConflictRow[] {
  return fields
    .map((field) => ({
      key: field.key,
      label: field.label,
      seen: field.text(seen),
      current: field.text(current),
      mine: field.key in mine ? mine[field.key] : '未修改',
    }))
    .filter((row) => row.seen !== row.current || row.key in mine);
}

export interface PendingConflict<T, C> {
  /** the record as the user opened it */
  seen: T;
  /** the record as it is now (the 409's `current`) */
  current: T;
  /** the fields the user changed, with their new values */
  changes: C;
}

/** The fields of `values` that differ from `seen`: what a re-apply sends. */
export function changedFields<T extends Record<string, unknown>>(seen: Partial<T>, values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => value !== seen[key])) as Partial<T>;
}
