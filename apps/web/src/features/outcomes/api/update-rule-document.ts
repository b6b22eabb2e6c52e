import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type UpdateRuleDocumentInput = { id: string; problemId: string } & Omit<
  Schemas['UpdateRuleDocumentDto'],
  'version'
> & { version: number };

export async function updateRuleDocument({
  id,
  problemId: _problemId,
  ...body
}: UpdateRuleDocumentInput): Promise<Schemas['RuleDocumentDto']> {
  return unwrap(
    await api.PATCH('/api/rule-documents/{id}', {
      params: { path: { id } },
      body: body as Schemas['UpdateRuleDocumentDto'],
    }),
  );
}

export function useUpdateRuleDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRuleDocument,
    // a 409 (someone saved first) also refreshes, so that the user sees their version
    onSettled: async (_updated, _error, { problemId }) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.outcomes(problemId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.statistics });
    },
  });
}
