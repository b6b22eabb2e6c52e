import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { invalidateMeasureData } from '@/lib/query-keys';

export type ReturnMeasureInput = { measureId: string } & Schemas['ReasonDto'];

/** The task force sends a submission back with a reason. */
export async function returnMeasure({ measureId, ...body }: ReturnMeasureInput): Promise<Schemas['MeasureDto']> {
  return unwrap(await api.POST('/api/measures/{id}/return', { params: { path: { id: measureId } }, body }));
}

export function useReturnMeasure() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: returnMeasure, onSuccess: () => invalidateMeasureData(queryClient) });
}
