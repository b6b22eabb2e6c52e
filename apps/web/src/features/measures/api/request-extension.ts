import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { invalidateMeasureData } from '@/lib/query-keys';

export type RequestExtensionInput = { measureId: string } & Schemas['RequestExtensionDto'];

/** A unit asks for a later deadline (申请延期). */
export async function requestExtension({
  measureId,
  ...body
}: RequestExtensionInput): Promise<Schemas['ExtensionDto']> {
  return unwrap(await api.POST('/api/measures/{id}/extensions', { params: { path: { id: measureId } }, body }));
}

export function useRequestExtension() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: requestExtension, onSuccess: () => invalidateMeasureData(queryClient) });
}
