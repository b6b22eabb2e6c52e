import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type UnitInput = { name: string; kind: string; parentId: string | null };

/** Creates a unit, or renames / moves one (with its version) when `id` is given. */
export async function saveUnit({
  id,
  version,
  ...values
}: UnitInput & { id?: string; version?: number }): Promise<Schemas['UnitDto']> {
  if (id) {
    const body = { version, ...values } as unknown as Schemas['UpdateUnitDto'];
    return unwrap(await api.PATCH('/api/units/{id}', { params: { path: { id } }, body }));
  }
  const body: Schemas['CreateUnitDto'] = {
    name: values.name,
    kind: values.kind,
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
