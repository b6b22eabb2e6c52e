import type { paths } from '@zhenggai/api-client';
import { api } from '@/lib/api-client';
import { downloadedFile, type DownloadedFile } from '@/lib/download';

export type LedgerExportQuery = NonNullable<
  paths['/api/inspections/{id}/exports/ledger.xlsx']['get']['parameters']['query']
>;

const PATH = '/api/inspections/{id}/exports/ledger.xlsx';

function search(query: LedgerExportQuery): string {
  const params = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
  ).toString();
  return params ? `?${params}` : '';
}

/** The link itself (copyable, opens in a new tab); a click downloads through `exportLedger` instead. */
export function exportLedgerUrl(inspectionId: string, query: LedgerExportQuery = {}): string {
  return `${PATH.replace('{id}', encodeURIComponent(inspectionId))}${search(query)}`;
}

/** 整改台账 Excel (sheets 整改台账, 问题清单, 任务清单, 责任清单), filtered like the measure list. */
export async function exportLedger(inspectionId: string, query: LedgerExportQuery = {}): Promise<DownloadedFile> {
  const result = await api.GET(PATH, { params: { path: { id: inspectionId }, query }, parseAs: 'blob' });
  return downloadedFile(result, '整改台账.xlsx');
}
