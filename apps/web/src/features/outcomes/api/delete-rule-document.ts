import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export interface DeleteRuleDocumentInput {
  id: string;
  problemId: string;
}

export async function deleteRuleDocument({ id }: DeleteRuleDocumentInput): Promise<void> {
  await api.DELETE('/api/rule-documents/{id}', { params: { path: { id } } });
}

export function useDeleteRuleDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRuleDocument,
    onSuccess: async (_result, { problemId }) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.outcomes(problemId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.statistics });
    },
  });
}
