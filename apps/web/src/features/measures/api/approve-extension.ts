import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { invalidateMeasureData } from '@/lib/query-keys';

export type ApproveExtensionInput = { extensionId: string } & Schemas['DecideExtensionDto'];

/** 同意延期: the measure's deadline becomes the requested one. */
export async function approveExtension({
  extensionId,
  ...body
}: ApproveExtensionInput): Promise<Schemas['ExtensionDto']> {
  return unwrap(await api.POST('/api/extensions/{id}/approve', { params: { path: { id: extensionId } }, body }));
}

export function useApproveExtension() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: approveExtension, onSuccess: () => invalidateMeasureData(queryClient) });
}
