import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';

export type PublicNotice = Schemas['PublicNoticeDto'];

export async function getPublicNotice(slug: string): Promise<PublicNotice> {
  return unwrap(await api.GET('/api/public/notices/{slug}', { params: { path: { slug } } }));
}

export const getPublicNoticeQueryOptions = (slug: string) =>
  queryOptions({ queryKey: ['public-notice', slug] as const, queryFn: () => getPublicNotice(slug) });

export function usePublicNotice(slug: string) {
  return useQuery(getPublicNoticeQueryOptions(slug));
}
