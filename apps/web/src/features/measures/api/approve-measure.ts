import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { invalidateMeasureData } from '@/lib/query-keys';

export type ApproveMeasureInput = { measureId: string } & Schemas['ApproveMeasureDto'];

/** The task force signs the measure off as 已完成 or 视同完成. */
export async function approveMeasure({ measureId, ...body }: ApproveMeasureInput): Promise<Schemas['MeasureDto']> {
  return unwrap(await api.POST('/api/measures/{id}/approve', { params: { path: { id: measureId } }, body }));
}

export function useApproveMeasure() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: approveMeasure, onSuccess: () => invalidateMeasureData(queryClient) });
}
