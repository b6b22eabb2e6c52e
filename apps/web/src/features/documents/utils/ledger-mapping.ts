import type { LedgerMapping } from '../api/import-ledger';

// the columns the import reads (the others, such as 整改进展 and 完成情况, are only ever exported)
export const LEDGER_IMPORT_COLUMNS = [
  '问题编号',
  '序号',
  '措施序号',
  '整改措施',
  '牵头单位',
  '责任单位',
  '配合单位',
  '责任领导',
  '责任人',
  '完成时限',
  '备注',
] as const;

export interface LedgerMappingValues {
  headerRow?: number | null;
  columns?: Partial<Record<string, string>>;
}

/** The form as the API's mapping: blank entries left out, a bare number read as a column number. */
export function mappingFromValues(values: LedgerMappingValues): LedgerMapping | undefined {
  const columns: Record<string, string | number> = {};
  for (const [name, raw] of Object.entries(values.columns ?? {})) {
    const text = raw?.trim();
    if (text) columns[name] = /^\d{1,3}$/.test(text) ? Number(text) : text;
  }
  const headerRow = values.headerRow ?? undefined;
  if (Object.keys(columns).length === 0 && headerRow === undefined) return undefined;
  return { columns, ...(headerRow !== undefined ? { headerRow } : {}) };
}
