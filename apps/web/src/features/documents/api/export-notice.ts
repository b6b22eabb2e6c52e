import { api } from '@/lib/api-client';
import { downloadedFile, type DownloadedFile } from '@/lib/download';

const PATH = '/api/inspections/{id}/exports/notice.docx';

export function exportNoticeUrl(inspectionId: string): string {
  return PATH.replace('{id}', encodeURIComponent(inspectionId));
}

/** 整改进展情况通报 (Word), the public notice. */
export async function exportNotice(inspectionId: string): Promise<DownloadedFile> {
  const result = await api.GET(PATH, { params: { path: { id: inspectionId } }, parseAs: 'blob' });
  return downloadedFile(result, '整改进展情况通报.docx');
}
