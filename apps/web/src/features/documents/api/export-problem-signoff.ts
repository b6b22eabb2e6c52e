import { api } from '@/lib/api-client';
import { downloadedFile, type DownloadedFile } from '@/lib/download';

const PATH = '/api/problems/{id}/exports/signoff.docx';

export function exportProblemSignoffUrl(problemId: string): string {
  return PATH.replace('{id}', encodeURIComponent(problemId));
}

/** 销号审批表 of one problem: its measures with units, deadlines, status, evidence and reviews. */
export async function exportProblemSignoff(problemId: string): Promise<DownloadedFile> {
  const result = await api.GET(PATH, { params: { path: { id: problemId } }, parseAs: 'blob' });
  return downloadedFile(result, '销号审批表.docx');
}
