import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type Effectiveness = Schemas['EffectivenessDto'];
export type UpdateEffectivenessBody = Schemas['UpdateEffectivenessDto'];

/** 成效评估 of a problem (empty while not evaluated; `evaluable` once signed off). */
export function useEffectiveness(problemId: string) {
  return useQuery({
    queryKey: queryKeys.effectiveness(problemId),
    queryFn: async () =>
      unwrap(await api.GET('/api/problems/{id}/effectiveness', { params: { path: { id: problemId } } })),
  });
}

/** Saves the evaluation with the version read; a 409 (someone saved first) refreshes it. */
export function useUpdateEffectiveness(problemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdateEffectivenessBody) =>
      unwrap(await api.PUT('/api/problems/{id}/effectiveness', { params: { path: { id: problemId } }, body })),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.effectiveness(problemId), saved),
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.effectiveness(problemId) }),
  });
}
