import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type ProblemOutcomes = Schemas['ProblemOutcomesDto'];
export type AccountabilityAction = Schemas['AccountabilityActionDto'];
export type RuleDocument = Schemas['RuleDocumentDto'];
export type FundRecovery = Schemas['FundRecoveryDto'];

/** 问责、建章立制、追缴资金 recorded against a problem, with their totals. */
export async function getProblemOutcomes(problemId: string): Promise<ProblemOutcomes> {
  return unwrap(await api.GET('/api/problems/{id}/outcomes', { params: { path: { id: problemId } } }));
}

export const getProblemOutcomesQueryOptions = (problemId: string) =>
  queryOptions({ queryKey: queryKeys.outcomes(problemId), queryFn: () => getProblemOutcomes(problemId) });

export function useProblemOutcomes(problemId: string) {
  return useQuery(getProblemOutcomesQueryOptions(problemId));
}
