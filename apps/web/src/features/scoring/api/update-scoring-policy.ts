import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { ScoringPolicy } from './get-scoring-policy';

export type ScoringPolicyInput = Schemas['UpdateScoringPolicyDto'];

export async function updateScoringPolicy(inspectionId: string, body: ScoringPolicyInput): Promise<ScoringPolicy> {
  return unwrap(
    await api.PUT('/api/inspections/{id}/scoring-policy', { params: { path: { id: inspectionId } }, body }),
  );
}

/** Saves the weights with the version the form started from; the scores are recomputed by the API. */
export function useUpdateScoringPolicy(inspectionId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.scoringPolicy(inspectionId);
  return useMutation({
    mutationFn: (body: ScoringPolicyInput) => updateScoringPolicy(inspectionId, body),
    onSuccess: async (policy) => {
      queryClient.setQueryData(key, policy);
      await queryClient.invalidateQueries({ queryKey: queryKeys.unitScores(inspectionId) });
    },
    // a 409: another officer saved first — show what is stored now
    onError: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
