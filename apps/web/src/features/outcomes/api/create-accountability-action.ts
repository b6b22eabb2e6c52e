import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type CreateAccountabilityActionInput = { problemId: string } & Schemas['CreateAccountabilityDto'];

export async function createAccountabilityAction({
  problemId,
  ...body
}: CreateAccountabilityActionInput): Promise<Schemas['AccountabilityActionDto']> {
  return unwrap(
    await api.POST('/api/problems/{id}/accountability-actions', { params: { path: { id: problemId } }, body }),
  );
}

export function useCreateAccountabilityAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAccountabilityAction,
    onSuccess: async (_created, { problemId }) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.outcomes(problemId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.statistics });
    },
  });
}
