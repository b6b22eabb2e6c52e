import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export interface DeleteAttachmentInput {
  attachmentId: string;
  measureId: string;
}

/** Until the measure is signed off, the uploading unit (or the task force) may withdraw a file. */
export async function deleteAttachment({ attachmentId }: DeleteAttachmentInput): Promise<void> {
  await api.DELETE('/api/attachments/{id}', { params: { path: { id: attachmentId } } });
}

export function useDeleteAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAttachment,
    onSuccess: (_result, { measureId }) =>
      queryClient.invalidateQueries({ queryKey: queryKeys.measureRecords(measureId, 'attachments') }),
  });
}
