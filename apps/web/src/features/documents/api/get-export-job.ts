import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ExportJob } from './create-ledger-export-job';

/** Polled every second while the job is queued or running. */
export const EXPORT_JOB_POLL_MS = 1000;

export async function getExportJob(id: string): Promise<ExportJob> {
  return unwrap(await api.GET('/api/export-jobs/{id}', { params: { path: { id } } }));
}

const isOver = (job: ExportJob | undefined) => job?.status === 'done' || job?.status === 'failed';

export const getExportJobQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['export-jobs', id],
    queryFn: () => getExportJob(id),
    refetchInterval: (query) => (isOver(query.state.data) ? false : EXPORT_JOB_POLL_MS),
  });

export function useExportJob(id: string | null) {
  return useQuery({ ...getExportJobQueryOptions(id ?? ''), enabled: id !== null });
}
