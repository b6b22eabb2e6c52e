import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type Job = Schemas['JobDto'];
export type JobRun = Schemas['JobRunDto'];
export type JobRunState = Schemas['JobRunDto']['state'];
export type JobRunsQuery = { page?: number; pageSize?: number; name?: string; state?: JobRunState };

/** The background jobs, their schedules and latest runs; refreshed every 10 s while the page is open. */
export function useJobs() {
  return useQuery({
    queryKey: [...queryKeys.jobs, 'overview'],
    queryFn: async () => unwrap(await api.GET('/api/jobs')),
    refetchInterval: 10_000,
  });
}

/** The runs of the background jobs, newest first, a page at a time. */
export function useJobRuns(query: JobRunsQuery) {
  return useQuery({
    queryKey: [...queryKeys.jobs, 'runs', query],
    queryFn: async () => unwrap(await api.GET('/api/jobs/runs', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
}
