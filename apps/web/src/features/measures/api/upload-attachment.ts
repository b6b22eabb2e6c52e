import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Attachment } from './get-measure-attachments';

export type AttachmentKind = Schemas['AttachmentKind'];

export interface UploadAttachmentInput {
  measureId: string;
  file: File;
  kind?: AttachmentKind;
}

/** One evidence file per request (multipart field `file`); the server recognises the type from the content. */
export async function uploadAttachment({
  measureId,
  file,
  kind = 'document',
}: UploadAttachmentInput): Promise<Attachment> {
  return unwrap(
    await api.POST('/api/measures/{id}/attachments', {
      params: { path: { id: measureId } },
      // the generated type describes the multipart fields; the serializer below builds the real form
      body: { file: '', kind },
      bodySerializer: () => {
        const form = new FormData();
        form.append('kind', kind);
        form.append('file', file, file.name);
        return form;
      },
    }),
  );
}

export function useUploadAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadAttachment,
    onSuccess: (_attachment, { measureId }) =>
      queryClient.invalidateQueries({ queryKey: queryKeys.measureRecords(measureId, 'attachments') }),
  });
}
