import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { invalidateMeasureData } from '@/lib/query-keys';

export type RefuseExtensionInput = { extensionId: string } & Schemas['DecideExtensionDto'];

/** 不同意延期: the opinion is required. */
export async function refuseExtension({
  extensionId,
  ...body
}: RefuseExtensionInput): Promise<Schemas['ExtensionDto']> {
  return unwrap(await api.POST('/api/extensions/{id}/refuse', { params: { path: { id: extensionId } }, body }));
}

export function useRefuseExtension() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: refuseExtension, onSuccess: () => invalidateMeasureData(queryClient) });
}
