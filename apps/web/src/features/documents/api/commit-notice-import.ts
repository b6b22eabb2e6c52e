import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { invalidateLedgerData } from '@/lib/query-keys';

export type CommitNoticeBody = Schemas['CommitNoticeDto'];
export type NoticeImportResult = Schemas['NoticeImportResultDto'];

export interface CommitNoticeInput {
  body: CommitNoticeBody;
  /** The same key for every retry of the same reviewed preview, so that a lost answer never imports twice. */
  idempotencyKey: string;
}

/** Creates the inspection, its problems and measures from the reviewed preview, in one transaction. */
export async function commitNoticeImport({ body, idempotencyKey }: CommitNoticeInput): Promise<NoticeImportResult> {
  return unwrap(await api.POST('/api/imports/notice/commit', { body, headers: { 'Idempotency-Key': idempotencyKey } }));
}

export function useCommitNoticeImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: commitNoticeImport,
    onSuccess: () => invalidateLedgerData(queryClient),
  });
}
