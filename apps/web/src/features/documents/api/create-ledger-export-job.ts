import { useMutation } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { newIdempotencyKey } from '@/lib/idempotency';
import type { LedgerExportQuery } from './export-ledger';

export type ExportJob = Schemas['ExportJobDto'];

export interface CreateLedgerExportJobInput {
  inspectionId: string;
  query?: LedgerExportQuery;
}

/** Starts the 整改台账 export as a background job (the same workbook, filters and scope as the direct download). */
export async function createLedgerExportJob({
  inspectionId,
  query = {},
}: CreateLedgerExportJobInput): Promise<ExportJob> {
  return unwrap(
    await api.POST('/api/inspections/{id}/exports/ledger-jobs', {
      params: { path: { id: inspectionId }, query },
      headers: { 'Idempotency-Key': newIdempotencyKey() },
    }),
  );
}

export function useCreateLedgerExportJob() {
  return useMutation({ mutationFn: createLedgerExportJob });
}
