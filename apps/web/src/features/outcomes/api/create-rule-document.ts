import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type CreateRuleDocumentInput = { problemId: string } & Schemas['CreateRuleDocumentDto'];

export async function createRuleDocument({
  problemId,
  ...body
}: CreateRuleDocumentInput): Promise<Schemas['RuleDocumentDto']> {
  return unwrap(await api.POST('/api/problems/{id}/rule-documents', { params: { path: { id: problemId } }, body }));
}

export function useCreateRuleDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRuleDocument,
    onSuccess: async (_created, { problemId }) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.outcomes(problemId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.statistics });
    },
  });
}
