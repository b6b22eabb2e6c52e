import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type UpdateAccountabilityActionInput = { id: string; problemId: string } & Omit<
  Schemas['UpdateAccountabilityDto'],
  'version'
> & { version: number };

export async function updateAccountabilityAction({
  id,
  problemId: _problemId,
  ...body
}: UpdateAccountabilityActionInput): Promise<Schemas['AccountabilityActionDto']> {
  return unwrap(
    await api.PATCH('/api/accountability-actions/{id}', {
      params: { path: { id } },
      body: body as Schemas['UpdateAccountabilityDto'],
    }),
  );
}

export function useUpdateAccountabilityAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAccountabilityAction,
    // a 409 (someone saved first) also refreshes, so that the user sees their version
    onSettled: async (_updated, _error, { problemId }) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.outcomes(problemId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.statistics });
    },
  });
}
