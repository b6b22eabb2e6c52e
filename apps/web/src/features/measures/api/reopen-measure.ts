import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { invalidateMeasureData } from '@/lib/query-keys';

export type ReopenMeasureInput = { measureId: string } & Schemas['ReasonDto'];

/** A signed-off measure comes back (反弹回潮, 回头看), with a reason. */
export async function reopenMeasure({ measureId, ...body }: ReopenMeasureInput): Promise<Schemas['MeasureDto']> {
  return unwrap(await api.POST('/api/measures/{id}/reopen', { params: { path: { id: measureId } }, body }));
}

export function useReopenMeasure() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: reopenMeasure, onSuccess: () => invalidateMeasureData(queryClient) });
}
