import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export interface DeleteFundRecoveryInput {
  id: string;
  problemId: string;
}

export async function deleteFundRecovery({ id }: DeleteFundRecoveryInput): Promise<void> {
  await api.DELETE('/api/fund-recoveries/{id}', { params: { path: { id } } });
}

export function useDeleteFundRecovery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteFundRecovery,
    onSuccess: async (_result, { problemId }) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.outcomes(problemId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.statistics });
    },
  });
}
