import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { invalidateMeasureData } from '@/lib/query-keys';

export type UrgeResult = Schemas['UrgeResultDto'];

export type UrgeTarget = { measureId: string } | { measureIds: string[] };

/**
 * 催办: notifies the units of one measure (from its panel), or of a list of measures in one request (一键催办; one
 * notification per person, however many of the measures are theirs).
 */
export async function urgeMeasures(target: UrgeTarget, message: string): Promise<UrgeResult> {
  if ('measureId' in target)
    return unwrap(
      await api.POST('/api/measures/{id}/urge', { params: { path: { id: target.measureId } }, body: { message } }),
    );
  return unwrap(await api.POST('/api/measures/urge', { body: { measureIds: target.measureIds, message } }));
}

export function useUrgeMeasures() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ target, message }: { target: UrgeTarget; message: string }) => urgeMeasures(target, message),
    // the history shows the urge; the dashboard's unit ranking counts it
    onSuccess: () => invalidateMeasureData(queryClient),
  });
}
