import { useMutation } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';

export type UrgeReportsBody = Schemas['UrgeReportsDto'];

/** 催报 (officers): notifies the chosen units (default: every unit still owing) of the round. */
export function useUrgeReports(id: string) {
  return useMutation({
    mutationFn: async (body: UrgeReportsBody) =>
      unwrap(await api.POST('/api/report-rounds/{id}/urge', { params: { path: { id } }, body })),
  });
}
