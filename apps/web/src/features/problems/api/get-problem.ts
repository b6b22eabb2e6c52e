import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type ProblemDetail = Schemas['ProblemDetailDto'];
export type Measure = Schemas['MeasureDto'];

export async function getProblem(id: string): Promise<ProblemDetail> {
  return unwrap(await api.GET('/api/problems/{id}', { params: { path: { id } } }));
}

export const getProblemQueryOptions = (id: string) =>
  queryOptions({ queryKey: queryKeys.problem(id), queryFn: () => getProblem(id) });

export function useProblem(id: string) {
  return useQuery(getProblemQueryOptions(id));
}
