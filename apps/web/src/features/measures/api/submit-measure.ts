import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { invalidateMeasureData } from '@/lib/query-keys';

export type SubmitMeasureInput = { measureId: string } & Schemas['SubmitMeasureDto'];

/** The unit asks for sign-off (销号) with its note and evidence; the version guards against a stale screen. */
export async function submitMeasure({ measureId, ...body }: SubmitMeasureInput): Promise<Schemas['MeasureDto']> {
  return unwrap(await api.POST('/api/measures/{id}/submit', { params: { path: { id: measureId } }, body }));
}

export function useSubmitMeasure() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: submitMeasure, onSuccess: () => invalidateMeasureData(queryClient) });
}
