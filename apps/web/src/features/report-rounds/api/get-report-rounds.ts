import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type ReportRoundSummary = Schemas['ReportRoundSummaryDto'];
export type ReportRound = Schemas['ReportRoundDto'];
export type RoundUnit = ReportRound['units'][number];
export type RoundUnitStatus = RoundUnit['status'];

/** An inspection's reporting rounds (报送轮次), newest first. */
export function useReportRounds(inspectionId: string) {
  return useQuery({
    queryKey: queryKeys.reportRoundList(inspectionId),
    queryFn: async () =>
      unwrap(await api.GET('/api/inspections/{id}/report-rounds', { params: { path: { id: inspectionId } } })),
  });
}

/** One round with the units in its scope the caller may see. */
export function useReportRound(id: string) {
  return useQuery({
    queryKey: queryKeys.reportRound(id),
    queryFn: async () => unwrap(await api.GET('/api/report-rounds/{id}', { params: { path: { id } } })),
  });
}
