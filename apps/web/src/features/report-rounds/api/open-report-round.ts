import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type OpenReportRoundBody = Schemas['CreateReportRoundDto'];

/** 发起报送 (officers): a new round of the inspection, numbered 第N期 by the API. */
export function useOpenReportRound(inspectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: OpenReportRoundBody) =>
      unwrap(await api.POST('/api/inspections/{id}/report-rounds', { params: { path: { id: inspectionId } }, body })),
    onSuccess: (round) => {
      queryClient.setQueryData(queryKeys.reportRound(round.id), round);
      return queryClient.invalidateQueries({ queryKey: queryKeys.reportRounds });
    },
  });
}
