import { api } from '@/lib/api-client';
import { downloadedFile, type DownloadedFile } from '@/lib/download';

export type LookbackExportFormat = 'docx' | 'xlsx';

const PATHS = {
  docx: '/api/lookbacks/{id}/exports/report.docx',
  xlsx: '/api/lookbacks/{id}/exports/report.xlsx',
} as const;

const FALLBACK_NAMES: Record<LookbackExportFormat, string> = {
  docx: '回头看情况报告.docx',
  xlsx: '回头看抽查清单.xlsx',
};

export function exportLookbackUrl(lookbackId: string, format: LookbackExportFormat): string {
  return PATHS[format].replace('{id}', encodeURIComponent(lookbackId));
}

/** 第N次回头看情况报告 (Word, GB/T 9704) or 抽查清单 with 各单位反弹率 (Excel). */
export async function exportLookback(lookbackId: string, format: LookbackExportFormat): Promise<DownloadedFile> {
  const params = { path: { id: lookbackId } };
  const result =
    format === 'docx'
      ? await api.GET(PATHS.docx, { params, parseAs: 'blob' })
      : await api.GET(PATHS.xlsx, { params, parseAs: 'blob' });
  return downloadedFile(result, FALLBACK_NAMES[format]);
}
