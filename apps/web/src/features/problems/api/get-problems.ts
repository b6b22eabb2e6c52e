import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import type { ProblemStatus } from '@zhenggai/domain';
import { api, unwrap } from '@/lib/api-client';

export type Problem = Schemas['ProblemDto'];
export type ProblemPage = Schemas['ProblemPageDto'];

export interface ProblemListParams {
  inspectionId: string;
  status?: ProblemStatus;
  q?: string;
  page: number;
  pageSize: number;
}

export async function getProblems({
  inspectionId,
  status,
  q,
  page,
  pageSize,
}: ProblemListParams): Promise<ProblemPage> {
  const query = { inspectionId, page, pageSize, ...(status ? { status } : {}), ...(q ? { q } : {}) };
  return unwrap(await api.GET('/api/problems', { params: { query } }));
}

export const getProblemsQueryOptions = (params: ProblemListParams) =>
  queryOptions({ queryKey: ['problems', 'list', params], queryFn: () => getProblems(params) });

export function useProblems(params: ProblemListParams) {
  return useQuery({
    ...getProblemsQueryOptions(params),
    // keeps the current rows on screen while the next filter or page loads
    placeholderData: keepPreviousData,
  });
}
