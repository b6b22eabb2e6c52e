import type { MeasureActor } from '@zhenggai/domain';
import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import type { ConflictState } from './conflict-dialog';

// the dialog (its Table of the changed fields) loads when a save first meets a conflict (a 409), on every screen that
// saves a versioned measure: the problem page, the review queue and the task board
const ConflictDialog = lazy(() => import('./conflict-dialog').then((m) => ({ default: m.ConflictDialog })));

/** The conflict dialog and the function that opens it; the dialog is loaded on first use. */
export function useLazyConflictDialog(actor: MeasureActor): {
  openConflict: (state: ConflictState) => void;
  dialog: ReactNode;
} {
  const [state, setState] = useState<ConflictState | null>(null);
  const openConflict = useCallback((next: ConflictState) => setState(next), []);
  const dialog = state ? (
    <Suspense fallback={null}>
      <ConflictDialog
        key={`${state.current.id}:${state.current.version}`}
        state={state}
        actor={actor}
        onReapplyConflict={setState}
        onClose={() => setState(null)}
      />
    </Suspense>
  ) : null;
  return { openConflict, dialog };
}
