import type { FormInstance } from 'antd';
import { isApiError } from './api-client';

/**
 * Puts the API's field messages (400 VALIDATION_FAILED `errors`) next to the form's own fields.
 * Returns the messages that belong to no field of the form, for an alert above it.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, fieldNames: readonly string[]): string[] {
  if (!isApiError(error) || !error.errors) return [];
  const unplaced: string[] = [];
  const fields: Array<{ name: string; errors: string[] }> = [];
  for (const [name, messages] of Object.entries(error.errors)) {
    if (fieldNames.includes(name)) fields.push({ name, errors: messages });
    else unplaced.push(...messages);
  }
  form.setFields(fields);
  return unplaced;
}
