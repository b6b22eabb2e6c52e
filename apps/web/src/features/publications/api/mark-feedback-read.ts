import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Feedback } from './get-publication-feedback';

export interface MarkFeedbackReadInput {
  id: string;
  version: number;
  /** 处理说明, optional */
  replyNote?: string;
}

/** Marks an opinion as handled (已处理), with an optional note on how. */
export async function markFeedbackRead({ id, ...body }: MarkFeedbackReadInput): Promise<Feedback> {
  return unwrap(await api.POST('/api/feedback/{id}/read', { params: { path: { id } }, body }));
}

export function useMarkFeedbackRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markFeedbackRead,
    // the inbox, and the unread counts of the notice and of the list
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.publications }),
  });
}
