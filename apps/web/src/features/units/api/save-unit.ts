import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type UnitInput = { name: string; kind: string; parentId: string | null };

/**
 * Creates a unit, or renames / moves one (with its version) when `id` is given: then only the fields given are
 * sent, so re-applying one change after a conflict leaves the others' changes alone.
 */
export async function saveUnit({
  id,
  version,
  ...values
}: Partial<UnitInput> & { id?: string; version?: number }): Promise<Schemas['UnitDto']> {
  if (id) {
    const body: Schemas['UpdateUnitDto'] = { version, ...values };
    return unwrap(await api.PATCH('/api/units/{id}', { params: { path: { id } }, body }));
  }
  const body: Schemas['CreateUnitDto'] = {
    name: values.name ?? '',
    kind: values.kind ?? '',
    parentId: values.parentId ?? undefined,
  };
  return unwrap(await api.POST('/api/units', { body }));
}

export function useSaveUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.units }),
  });
}
