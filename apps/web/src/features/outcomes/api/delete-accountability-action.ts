import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export interface DeleteAccountabilityActionInput {
  id: string;
  problemId: string;
}

export async function deleteAccountabilityAction({ id }: DeleteAccountabilityActionInput): Promise<void> {
  await api.DELETE('/api/accountability-actions/{id}', { params: { path: { id } } });
}

export function useDeleteAccountabilityAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAccountabilityAction,
    onSuccess: async (_result, { problemId }) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.outcomes(problemId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.statistics });
    },
  });
}
