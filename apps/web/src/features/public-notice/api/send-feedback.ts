import { useMutation } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';

export type FeedbackInput = Schemas['SubmitFeedbackDto'];

export async function sendFeedback(slug: string, input: FeedbackInput): Promise<void> {
  await unwrap(await api.POST('/api/public/notices/{slug}/feedback', { params: { path: { slug } }, body: input }));
}

export function useSendFeedback(slug: string) {
  return useMutation({ mutationFn: (input: FeedbackInput) => sendFeedback(slug, input) });
}
