import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type Attachment = Schemas['AttachmentDto'];

// a measure holds at most 50 files (UPLOAD_MAX_FILES_PER_MEASURE), so one page shows them all
export async function getMeasureAttachments(id: string): Promise<Attachment[]> {
  const page = unwrap(
    await api.GET('/api/measures/{id}/attachments', { params: { path: { id }, query: { page: 1, pageSize: 200 } } }),
  );
  return page.items;
}

export const getMeasureAttachmentsQueryOptions = (id: string) =>
  queryOptions({ queryKey: queryKeys.measureRecords(id, 'attachments'), queryFn: () => getMeasureAttachments(id) });

export function useMeasureAttachments(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getMeasureAttachmentsQueryOptions(id), ...options });
}
