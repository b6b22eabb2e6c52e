import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type UnitSubmissions = Schemas['UnitSubmissionsDto'];
export type Submission = Schemas['SubmissionDto'];

/** A unit's frozen report of the round, with its earlier (returned) attempts. */
export function useSubmission(roundId: string, unitId: string) {
  return useQuery({
    queryKey: [...queryKeys.reportRound(roundId), 'submission', unitId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/report-rounds/{id}/submissions/{unitId}', {
          params: { path: { id: roundId, unitId } },
        }),
      ),
  });
}
