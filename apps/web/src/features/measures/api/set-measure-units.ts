import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { invalidateMeasureData } from '@/lib/query-keys';

export type SetMeasureUnitsInput = { measureId: string } & Schemas['SetMeasureUnitsDto'];

/** 分办: the lead unit and the co-units of a measure. */
export async function setMeasureUnits({ measureId, ...body }: SetMeasureUnitsInput): Promise<Schemas['MeasureDto']> {
  return unwrap(await api.PUT('/api/measures/{id}/units', { params: { path: { id: measureId } }, body }));
}

export function useSetMeasureUnits() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setMeasureUnits, onSuccess: () => invalidateMeasureData(queryClient) });
}
