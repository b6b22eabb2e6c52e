import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type CreateFundRecoveryInput = { problemId: string } & Schemas['CreateFundRecoveryDto'];

export async function createFundRecovery({
  problemId,
  ...body
}: CreateFundRecoveryInput): Promise<Schemas['FundRecoveryDto']> {
  return unwrap(await api.POST('/api/problems/{id}/fund-recoveries', { params: { path: { id: problemId } }, body }));
}

export function useCreateFundRecovery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createFundRecovery,
    onSuccess: async (_created, { problemId }) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.outcomes(problemId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.statistics });
    },
  });
}
