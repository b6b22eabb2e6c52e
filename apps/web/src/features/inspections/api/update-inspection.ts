import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Inspection } from './get-inspections';

export type InspectionChanges = Omit<Schemas['UpdateInspectionDto'], 'version'>;

/** Saves the changed settings of an inspection against the version the user read; null clears a field. */
export async function updateInspection({
  id,
  version,
  changes,
}: {
  id: string;
  version: number;
  changes: InspectionChanges;
}): Promise<Inspection> {
  return unwrap(await api.PATCH('/api/inspections/{id}', { params: { path: { id } }, body: { ...changes, version } }));
}

export function useUpdateInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateInspection,
    // the yellow-light days change every light: the ledger, tasks and dashboard figures follow
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.inspections }),
        queryClient.invalidateQueries({ queryKey: queryKeys.problems }),
        queryClient.invalidateQueries({ queryKey: queryKeys.measures }),
        queryClient.invalidateQueries({ queryKey: queryKeys.statistics }),
      ]),
  });
}
