import { api } from '@/lib/api-client';
import { downloadedFile, type DownloadedFile } from '@/lib/download';

const PATH = '/api/inspections/{id}/unit-scores/export.xlsx';

export function exportUnitScoresUrl(inspectionId: string): string {
  return PATH.replace('{id}', encodeURIComponent(inspectionId));
}

/** The ranking as an Excel workbook (one row per unit, the formula in its title). */
export async function exportUnitScores(inspectionId: string): Promise<DownloadedFile> {
  const result = await api.GET(PATH, { params: { path: { id: inspectionId } }, parseAs: 'blob' });
  return downloadedFile(result, '考核排名.xlsx');
}
