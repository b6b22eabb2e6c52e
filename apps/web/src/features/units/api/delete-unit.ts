import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Deletes a unit; the API refuses one that still has measures, people or sub-units. */
export async function deleteUnit(id: string): Promise<void> {
  await api.DELETE('/api/units/{id}', { params: { path: { id } } });
}

export function useDeleteUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.units }),
  });
}
