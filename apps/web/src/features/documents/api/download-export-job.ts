import { api } from '@/lib/api-client';
import { downloadedFile, type DownloadedFile } from '@/lib/download';
import type { ExportJob } from './create-ledger-export-job';

/** The finished workbook (409 while it is not ready). */
export async function downloadExportJob(job: ExportJob): Promise<DownloadedFile> {
  const result = await api.GET('/api/export-jobs/{id}/file', { params: { path: { id: job.id } }, parseAs: 'blob' });
  return downloadedFile(result, job.fileName);
}
