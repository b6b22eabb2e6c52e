import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';

export type Person = Schemas['PersonDto'];

/** The people of one unit (责任人, 责任领导), or of every unit the caller may see when no unit is given. */
export async function getPersons(unitId?: string): Promise<Person[]> {
  return unwrap(await api.GET('/api/persons', { params: { query: unitId ? { unitId } : {} } }));
}

export const getPersonsQueryOptions = (unitId?: string) =>
  queryOptions({ queryKey: ['persons', unitId ?? 'all'], queryFn: () => getPersons(unitId) });

export function usePersons(unitId: string | null) {
  return useQuery({ ...getPersonsQueryOptions(unitId ?? ''), enabled: Boolean(unitId) });
}

/** The leaders (责任领导) of every unit, for the ledger's leader filter. */
export function useLeaders(options: { enabled?: boolean } = {}) {
  return useQuery({
    ...getPersonsQueryOptions(),
    select: (persons: Person[]) => persons.filter((person) => person.isLeader),
    ...options,
  });
}
