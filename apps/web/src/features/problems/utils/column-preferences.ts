import { useState } from 'react';
import { OPTIONAL_COLUMNS, type OptionalColumn } from '../components/problems-table';

// Only which columns to show is stored (a UI preference); never any data.
const STORAGE_KEY = 'zg.ledger.columns';
const KNOWN = new Set<string>(OPTIONAL_COLUMNS.map((column) => column.key));

function readStored(): Set<OptionalColumn> {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(stored)) return new Set(stored.filter((key): key is OptionalColumn => KNOWN.has(key)));
  } catch {
    // an unreadable preference falls back to every column
  }
  return new Set(OPTIONAL_COLUMNS.map((column) => column.key));
}

export function useColumnPreferences(): [ReadonlySet<OptionalColumn>, (next: OptionalColumn[]) => void] {
  const [visible, setVisible] = useState<ReadonlySet<OptionalColumn>>(readStored);
  const update = (next: OptionalColumn[]) => {
    setVisible(new Set(next));
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // private browsing without storage: the choice lasts for this page only
    }
  };
  return [visible, update];
}
