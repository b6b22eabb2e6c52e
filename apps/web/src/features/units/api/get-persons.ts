import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';

export type Person = Schemas['PersonDto'];

/** The people of one unit (责任人, 责任领导). */
export async function getPersons(unitId: string): Promise<Person[]> {
  return unwrap(await api.GET('/api/persons', { params: { query: { unitId } } }));
}

export const getPersonsQueryOptions = (unitId: string) =>
  queryOptions({ queryKey: ['persons', unitId], queryFn: () => getPersons(unitId) });

export function usePersons(unitId: string | null) {
  return useQuery({ ...getPersonsQueryOptions(unitId ?? ''), enabled: Boolean(unitId) });
}
