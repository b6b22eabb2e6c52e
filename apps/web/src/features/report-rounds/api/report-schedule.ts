import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type ReportSchedule = Schemas['ReportScheduleDto'];
export type ReportScheduleInput = Schemas['UpdateReportScheduleDto'];

/** An inspection's 定期报送计划 (the default, off, until an officer saves one). */
export function useReportSchedule(inspectionId: string) {
  return useQuery({
    queryKey: queryKeys.reportSchedule(inspectionId),
    queryFn: async () =>
      unwrap(await api.GET('/api/inspections/{id}/report-schedule', { params: { path: { id: inspectionId } } })),
  });
}

export function useUpdateReportSchedule(inspectionId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.reportSchedule(inspectionId);
  return useMutation({
    mutationFn: async (body: ReportScheduleInput) =>
      unwrap(await api.PUT('/api/inspections/{id}/report-schedule', { params: { path: { id: inspectionId } }, body })),
    onSuccess: (schedule) => queryClient.setQueryData(key, schedule),
    // a 409: another officer saved first — show what is stored now
    onError: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
