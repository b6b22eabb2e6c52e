import { api } from '@/lib/api-client';

/**
 * An evidence file (佐证材料) as a Blob of its recognised type. The download route always answers as an attachment
 * (and with a sandboxing CSP), so previews are made from a blob: URL of this Blob, never from the route itself.
 * Shared: a measure's evidence list and a 督办单's reply both show such files.
 */
export async function downloadAttachment(attachment: { id: string; mimeType: string }): Promise<Blob> {
  const { data } = await api.GET('/api/attachments/{id}/download', {
    params: { path: { id: attachment.id } },
    parseAs: 'blob',
  });
  const blob = data as unknown as Blob;
  return blob.type === attachment.mimeType ? blob : new Blob([blob], { type: attachment.mimeType });
}
