import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { invalidateMeasureData } from '@/lib/query-keys';

export type ReportProgressInput = { measureId: string } & Schemas['CreateProgressDto'];

/** A unit's progress report; the first one starts the unit's work (未启动 → 推进中). */
export async function reportProgress({
  measureId,
  ...body
}: ReportProgressInput): Promise<Schemas['ProgressUpdateDto']> {
  return unwrap(await api.POST('/api/measures/{id}/progress', { params: { path: { id: measureId } }, body }));
}

export function useReportProgress() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: reportProgress, onSuccess: () => invalidateMeasureData(queryClient) });
}
