import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import type { ProblemStatus } from '@zhenggai/domain';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type Problem = Schemas['ProblemDto'];
export type ProblemPage = Schemas['ProblemPageDto'];

export interface ProblemFilters {
  inspectionId: string;
  categoryId?: string;
  status?: ProblemStatus;
  unitId?: string;
  q?: string;
}

export interface ProblemListParams extends ProblemFilters {
  page: number;
  pageSize: number;
}

function toQuery({ inspectionId, categoryId, status, unitId, q }: ProblemFilters) {
  return {
    inspectionId,
    ...(categoryId ? { categoryId } : {}),
    ...(status ? { status } : {}),
    ...(unitId ? { unitId } : {}),
    ...(q ? { q } : {}),
  };
}

export async function getProblems(params: ProblemListParams): Promise<ProblemPage> {
  const query = { ...toQuery(params), page: params.page, pageSize: params.pageSize };
  return unwrap(await api.GET('/api/problems', { params: { query } }));
}

export const getProblemsQueryOptions = (params: ProblemListParams) =>
  queryOptions({ queryKey: [...queryKeys.problems, 'list', params], queryFn: () => getProblems(params) });

export function useProblems(params: ProblemListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...getProblemsQueryOptions(params),
    // keeps the current rows on screen while the next filter or page loads
    placeholderData: keepPreviousData,
    ...options,
  });
}

// the API's largest page
const ALL_PAGE_SIZE = 200;

/**
 * Every problem matching the filters, page after page. The ledger narrows these by light and term, which the
 * problem list of the API cannot filter on; an inspection has tens of problems, rarely a few hundred.
 */
export async function getAllProblems(filters: ProblemFilters): Promise<Problem[]> {
  const items: Problem[] = [];
  for (let page = 1; ; page += 1) {
    const result = await getProblems({ ...filters, page, pageSize: ALL_PAGE_SIZE });
    items.push(...result.items);
    if (result.items.length < ALL_PAGE_SIZE || items.length >= result.total) return items;
  }
}

export const getAllProblemsQueryOptions = (filters: ProblemFilters) =>
  queryOptions({ queryKey: [...queryKeys.problems, 'all', filters], queryFn: () => getAllProblems(filters) });

export function useAllProblems(filters: ProblemFilters, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getAllProblemsQueryOptions(filters), placeholderData: keepPreviousData, ...options });
}
