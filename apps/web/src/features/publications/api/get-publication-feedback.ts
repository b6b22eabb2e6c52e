import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type Feedback = Schemas['FeedbackDto'];
export type FeedbackPage = Schemas['FeedbackPageDto'];
export type FeedbackQuery = { unread?: boolean; page?: number; pageSize?: number };

/** The opinions the public sent about one notice, newest first; `unread` counts those not yet handled. */
export async function getPublicationFeedback(publicationId: string, query: FeedbackQuery): Promise<FeedbackPage> {
  return unwrap(await api.GET('/api/publications/{id}/feedback', { params: { path: { id: publicationId }, query } }));
}

export const getPublicationFeedbackQueryOptions = (publicationId: string, query: FeedbackQuery) =>
  queryOptions({
    queryKey: [...queryKeys.publicationFeedback(publicationId), query],
    queryFn: () => getPublicationFeedback(publicationId, query),
    placeholderData: keepPreviousData,
  });

export function usePublicationFeedback(publicationId: string, query: FeedbackQuery) {
  return useQuery(getPublicationFeedbackQueryOptions(publicationId, query));
}
