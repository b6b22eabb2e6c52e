import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { invalidateMeasureData, queryKeys } from '@/lib/query-keys';

export type ReviewCheckpointBody = Schemas['ReviewCheckpointDto'];

/**
 * 评估 a due checkpoint (officers), once: 达到阶段目标 schedules the next checkpoint or signs the measure off;
 * 未达到 sends it back to 推进中 — so the measure's lists and figures reload with the review list.
 */
export function useReviewCheckpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      measureId,
      checkpointId,
      body,
    }: {
      measureId: string;
      checkpointId: string;
      body: ReviewCheckpointBody;
    }) =>
      unwrap(
        await api.POST('/api/measures/{id}/checkpoints/{checkpointId}/review', {
          params: { path: { id: measureId, checkpointId } },
          body,
        }),
      ),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.checkpointReviews }),
        invalidateMeasureData(queryClient),
      ]),
  });
}
