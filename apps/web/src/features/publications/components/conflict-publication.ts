import type { ApiError } from '@/lib/api-client';
import type { Publication } from '../api/get-publication';

// apart from the comparison dialog, so that the notice's actions read a 409 without loading the dialog

/** A notice from a 409 body: the API sends the notice as it is now. */
export function conflictPublication(error: ApiError): Publication | null {
  const current = error.current as Partial<Publication> | null | undefined;
  return current && typeof current.id === 'string' && typeof current.version === 'number'
    ? (current as Publication)
    : null;
}
