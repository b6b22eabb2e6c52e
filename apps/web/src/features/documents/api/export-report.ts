import { api } from '@/lib/api-client';
import { downloadedFile, type DownloadedFile } from '@/lib/download';

const PATH = '/api/inspections/{id}/exports/report.docx';

export function exportReportUrl(inspectionId: string): string {
  return PATH.replace('{id}', encodeURIComponent(inspectionId));
}

/** 整改进展情况报告 (Word, GB/T 9704-2012 layout) from the live figures. */
export async function exportReport(inspectionId: string): Promise<DownloadedFile> {
  const result = await api.GET(PATH, { params: { path: { id: inspectionId } }, parseAs: 'blob' });
  return downloadedFile(result, '整改进展情况报告.docx');
}
