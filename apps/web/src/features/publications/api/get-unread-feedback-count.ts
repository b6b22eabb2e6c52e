import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Opinions of the public not yet handled, over every notice: the 公开通报 menu badge (officers). */
export async function getUnreadFeedbackCount(): Promise<number> {
  return unwrap(await api.GET('/api/feedback/unread-count')).unread;
}

export const getUnreadFeedbackCountQueryOptions = () =>
  queryOptions({
    // under the publications key: handling an opinion refreshes the badge too
    queryKey: [...queryKeys.publications, 'unread-count'],
    queryFn: getUnreadFeedbackCount,
    // the public writes in without telling anyone: look again every few minutes
    refetchInterval: 5 * 60_000,
  });

export function useUnreadFeedbackCount(options: { enabled?: boolean } = {}) {
  return useQuery({ ...getUnreadFeedbackCountQueryOptions(), ...options });
}
