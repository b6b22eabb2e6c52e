import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type RoundCompilation = Schemas['ReportRoundCompilationDto'];
export type RoundComparison = Schemas['ReportRoundComparisonDto'];
export type ComparedUnit = RoundComparison['units'][number];

/** 汇总 of a round: counts, each unit's report, what changed since the round before. */
export function useRoundCompilation(id: string) {
  return useQuery({
    queryKey: queryKeys.reportRoundCompilation(id),
    queryFn: async () => unwrap(await api.GET('/api/report-rounds/{id}/summary', { params: { path: { id } } })),
  });
}

/** Two rounds of one inspection side by side. */
export function useRoundComparison(a: string, b: string) {
  return useQuery({
    queryKey: queryKeys.reportRoundComparison(a, b),
    queryFn: async () => unwrap(await api.GET('/api/report-rounds/compare', { params: { query: { a, b } } })),
    enabled: Boolean(a && b),
  });
}
