import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { invalidateLedgerData } from '@/lib/query-keys';

export type LedgerChange = Schemas['LedgerChangeDto'];
export type LedgerRowError = Schemas['LedgerRowErrorDto'];
// the generated type of `columns` says nothing about its values: column name → column letter
export type LedgerImportResult = Omit<Schemas['LedgerImportResultDto'], 'columns'> & {
  columns: Record<string, string>;
};

/** Column name (整改措施, 牵头单位 …) → its letter, 1-based number or header text in the file; and the header row. */
export interface LedgerMapping {
  headerRow?: number;
  columns: Record<string, string | number>;
}

export interface ImportLedgerInput {
  inspectionId: string;
  file: File;
  /** true: the plan only; false: apply it, all or nothing. */
  dryRun: boolean;
  mapping?: LedgerMapping;
}

function mappingJson(mapping: LedgerMapping | undefined): string | undefined {
  if (!mapping) return undefined;
  const value: Record<string, string | number> = { ...mapping.columns };
  if (mapping.headerRow !== undefined) value.headerRow = mapping.headerRow;
  return Object.keys(value).length > 0 ? JSON.stringify(value) : undefined;
}

/** The 整改台账 workbook read back by 问题编号 + 措施序号: a dry run answers the plan, a commit writes it. */
export async function importLedger({
  inspectionId,
  file,
  dryRun,
  mapping,
}: ImportLedgerInput): Promise<LedgerImportResult> {
  const json = mappingJson(mapping);
  const result = unwrap(
    await api.POST('/api/inspections/{id}/imports/ledger.xlsx', {
      params: { path: { id: inspectionId }, query: { dryRun } },
      // the generated type describes the multipart fields; the serializer below builds the real form
      body: { file: '' },
      bodySerializer: () => {
        const form = new FormData();
        if (json) form.append('mapping', json);
        form.append('file', file, file.name);
        return form;
      },
    }),
  );
  return result as LedgerImportResult;
}

export function useImportLedger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importLedger,
    onSuccess: (result) => {
      if (result.committed) return invalidateLedgerData(queryClient);
    },
  });
}
