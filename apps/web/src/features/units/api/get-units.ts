import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type Unit = Schemas['UnitDto'];

/** Every unit (a tree by parentId), in the configured order. */
export async function getUnits(): Promise<Unit[]> {
  return unwrap(await api.GET('/api/units'));
}

export const getUnitsQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.units, queryFn: getUnits, staleTime: 5 * 60_000 });

export function useUnits(options: { enabled?: boolean } = {}) {
  return useQuery({ ...getUnitsQueryOptions(), ...options });
}

/** Units that can carry measures, as select options: the Party committee itself (the root) is not one. */
export function unitOptions(units: Unit[]): Array<{ value: string; label: string }> {
  return units
    .filter((unit) => unit.parentId !== null)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((unit) => ({ value: unit.id, label: unit.name }));
}
