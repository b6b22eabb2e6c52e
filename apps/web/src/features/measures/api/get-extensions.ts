import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas, paths } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type Extension = Schemas['ExtensionDto'];
export type ExtensionPage = Schemas['ExtensionPageDto'];
export type ExtensionListParams = NonNullable<paths['/api/extensions']['get']['parameters']['query']>;

export async function getExtensions(params: ExtensionListParams): Promise<ExtensionPage> {
  return unwrap(await api.GET('/api/extensions', { params: { query: params } }));
}

export const getExtensionsQueryOptions = (params: ExtensionListParams) =>
  queryOptions({ queryKey: [...queryKeys.extensions, 'list', params], queryFn: () => getExtensions(params) });

export function useExtensions(params: ExtensionListParams, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getExtensionsQueryOptions(params), placeholderData: keepPreviousData, ...options });
}
