import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';
import { invalidateMeasureData } from '@/lib/query-keys';

type NullableFields = 'lead' | 'deadline' | 'responsibleLeaderId' | 'responsiblePersonId' | 'remarks';

// The generated type declares the nullable fields as objects (the API's decorators give them no `type`);
// the API itself takes strings or null, as its DTO says.
export type UpdateMeasureInput = { measureId: string } & Omit<Schemas['UpdateMeasureDto'], NullableFields> &
  Partial<Record<NullableFields, string | null>>;

/** Officers edit the measure's content and deadline; units only its remarks. */
export async function updateMeasure({ measureId, ...body }: UpdateMeasureInput): Promise<Schemas['MeasureDto']> {
  return unwrap(
    await api.PATCH('/api/measures/{id}', {
      params: { path: { id: measureId } },
      body: body as Schemas['UpdateMeasureDto'],
    }),
  );
}

export function useUpdateMeasure() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateMeasure, onSuccess: () => invalidateMeasureData(queryClient) });
}
