import { api } from '@/lib/api-client';
import type { Attachment } from './get-measure-attachments';

/**
 * The file as a Blob of its recognised type. The download route always answers as an attachment (and with a
 * sandboxing CSP), so previews are made from a blob: URL of this Blob, never from the route itself.
 */
export async function downloadAttachment(attachment: Pick<Attachment, 'id' | 'mimeType'>): Promise<Blob> {
  const { data } = await api.GET('/api/attachments/{id}/download', {
    params: { path: { id: attachment.id } },
    parseAs: 'blob',
  });
  const blob = data as unknown as Blob;
  return blob.type === attachment.mimeType ? blob : new Blob([blob], { type: attachment.mimeType });
}
