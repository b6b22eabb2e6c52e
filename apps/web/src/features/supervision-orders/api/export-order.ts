import { api } from '@/lib/api-client';
import { downloadedFile, type DownloadedFile } from '@/lib/download';

const PATH = '/api/supervision-orders/{id}/document.docx';

export function exportOrderUrl(orderId: string): string {
  return PATH.replace('{id}', encodeURIComponent(orderId));
}

/** The 督办单 as a GB/T 9704 Word document. */
export async function exportOrder(orderId: string): Promise<DownloadedFile> {
  const result = await api.GET(PATH, { params: { path: { id: orderId } }, parseAs: 'blob' });
  return downloadedFile(result, '整改督办单.docx');
}
