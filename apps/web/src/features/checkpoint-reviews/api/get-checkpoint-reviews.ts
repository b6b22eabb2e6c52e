import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { paths, Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type CheckpointReviewItem = Schemas['CheckpointReviewItemDto'];
export type CheckpointReviewPage = Schemas['CheckpointReviewPageDto'];
export type CheckpointReviewParams = NonNullable<paths['/api/checkpoint-reviews']['get']['parameters']['query']>;

export async function getCheckpointReviews(params: CheckpointReviewParams): Promise<CheckpointReviewPage> {
  return unwrap(await api.GET('/api/checkpoint-reviews', { params: { query: params } }));
}

export const getCheckpointReviewsQueryOptions = (params: CheckpointReviewParams) =>
  queryOptions({
    queryKey: [...queryKeys.checkpointReviews, params] as const,
    queryFn: () => getCheckpointReviews(params),
    placeholderData: keepPreviousData,
  });

/** 检查节点评估: checkpoints of 视同完成 measures that came due, 待评估 (pending) or 已评估 (done). */
export function useCheckpointReviews(params: CheckpointReviewParams) {
  return useQuery(getCheckpointReviewsQueryOptions(params));
}
