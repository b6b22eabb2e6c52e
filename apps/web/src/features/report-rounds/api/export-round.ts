import { api } from '@/lib/api-client';
import { downloadedFile, type DownloadedFile } from '@/lib/download';

export type RoundExportFormat = 'docx' | 'xlsx';

const PATHS = {
  docx: '/api/report-rounds/{id}/exports/report.docx',
  xlsx: '/api/report-rounds/{id}/exports/report.xlsx',
} as const;

export function exportRoundUrl(roundId: string, format: RoundExportFormat): string {
  return PATHS[format].replace('{id}', encodeURIComponent(roundId));
}

/** 第N期整改进展情况: the GB/T 9704 Word document or the workbook (one row per unit, then every reported measure). */
export async function exportRound(roundId: string, format: RoundExportFormat): Promise<DownloadedFile> {
  const result = await api.GET(PATHS[format], { params: { path: { id: roundId } }, parseAs: 'blob' });
  return downloadedFile(result, `整改进展情况.${format}`);
}
