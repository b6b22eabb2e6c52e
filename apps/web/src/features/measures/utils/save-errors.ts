import type { FormInstance } from 'antd';
import { errorMessage, isVersionConflict } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { conflictCurrent, type ConflictState } from '../components/conflict-dialog';

export interface ConflictContext {
  open: (state: ConflictState) => void;
  state: Omit<ConflictState, 'current'>;
}

/**
 * A failed save: a version conflict closes the form and opens the conflict dialog (never a silent overwrite);
 * field messages go next to their fields; anything else is shown above the form as the API worded it.
 */
export function handleSaveError({
  error,
  form,
  fieldNames,
  setErrorText,
  conflict,
  closeForm,
}: {
  error: unknown;
  form: FormInstance;
  fieldNames: readonly string[];
  setErrorText: (text: string | null) => void;
  conflict?: ConflictContext;
  closeForm: () => void;
}): void {
  if (conflict && isVersionConflict(error)) {
    const current = conflictCurrent(error);
    if (current) {
      closeForm();
      conflict.open({ ...conflict.state, current });
      return;
    }
  }
  const unplaced = applyFieldErrors(form, error, fieldNames);
  setErrorText(unplaced.length > 0 ? unplaced.join('；') : errorMessage(error));
}
