import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type MissingUnit = Schemas['MissingUnitDto'];

/** The units that still owe this round's report (not yet, or returned), with whom to call. */
export function useMissingReports(roundId: string) {
  return useQuery({
    queryKey: [...queryKeys.reportRound(roundId), 'missing'],
    queryFn: async () =>
      unwrap(await api.GET('/api/report-rounds/{id}/missing', { params: { path: { id: roundId } } })),
  });
}
