import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas, paths } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type Measure = Schemas['MeasureDto'];
export type MeasurePage = Schemas['MeasurePageDto'];
export type MeasureListParams = NonNullable<paths['/api/measures']['get']['parameters']['query']>;

// the API's largest page
const ALL_PAGE_SIZE = 200;

export async function getMeasures(params: MeasureListParams): Promise<MeasurePage> {
  return unwrap(await api.GET('/api/measures', { params: { query: params } }));
}

export const getMeasuresQueryOptions = (params: MeasureListParams) =>
  queryOptions({ queryKey: [...queryKeys.measures, 'list', params], queryFn: () => getMeasures(params) });

export function useMeasures(params: MeasureListParams, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getMeasuresQueryOptions(params), placeholderData: keepPreviousData, ...options });
}

/** Every matching measure, page after page: for the screens that lay out all of them at once (tasks, calendar). */
export async function getAllMeasures(params: Omit<MeasureListParams, 'page' | 'pageSize'>): Promise<Measure[]> {
  const items: Measure[] = [];
  for (let page = 1; ; page += 1) {
    const result = await getMeasures({ ...params, page, pageSize: ALL_PAGE_SIZE });
    items.push(...result.items);
    if (result.items.length < ALL_PAGE_SIZE || items.length >= result.total) return items;
  }
}

export const getAllMeasuresQueryOptions = (params: Omit<MeasureListParams, 'page' | 'pageSize'>) =>
  queryOptions({ queryKey: [...queryKeys.measures, 'all', params], queryFn: () => getAllMeasures(params) });

export function useAllMeasures(
  params: Omit<MeasureListParams, 'page' | 'pageSize'>,
  options: { enabled?: boolean } = {},
) {
  return useQuery({ ...getAllMeasuresQueryOptions(params), ...options });
}
