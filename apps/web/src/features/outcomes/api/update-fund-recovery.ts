import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type UpdateFundRecoveryInput = { id: string; problemId: string } & Omit<
  Schemas['UpdateFundRecoveryDto'],
  'version'
> & { version: number };

export async function updateFundRecovery({
  id,
  problemId: _problemId,
  ...body
}: UpdateFundRecoveryInput): Promise<Schemas['FundRecoveryDto']> {
  return unwrap(
    await api.PATCH('/api/fund-recoveries/{id}', {
      params: { path: { id } },
      body: body as Schemas['UpdateFundRecoveryDto'],
    }),
  );
}

export function useUpdateFundRecovery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateFundRecovery,
    // a 409 (someone saved first) also refreshes, so that the user sees their version
    onSettled: async (_updated, _error, { problemId }) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.outcomes(problemId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.statistics });
    },
  });
}
