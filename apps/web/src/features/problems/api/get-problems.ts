import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import type { Light, MeasureTerm, ProblemStatus } from '@zhenggai/domain';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type Problem = Schemas['ProblemDto'];
export type ProblemPage = Schemas['ProblemPageDto'];

export interface ProblemFilters {
  inspectionId: string;
  categoryId?: string;
  status?: ProblemStatus;
  unitId?: string;
  leaderId?: string;
  light?: Light;
  term?: MeasureTerm;
  q?: string;
}

export interface ProblemListParams extends ProblemFilters {
  page: number;
  pageSize: number;
}

// only the filters that are set: an empty one would be refused by the API's validation
function toQuery(filters: ProblemFilters) {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')) as {
    inspectionId: string;
  } & Partial<ProblemFilters>;
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
