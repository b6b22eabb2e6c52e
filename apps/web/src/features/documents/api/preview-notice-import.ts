import { useMutation } from '@tanstack/react-query';
import type { Schemas } from '@zhenggai/api-client';
import { api, unwrap } from '@/lib/api-client';

export type NoticePreview = Schemas['NoticePreviewDto'];
export type PreviewInspection = Schemas['PreviewInspectionDto'];
export type PreviewProblem = Schemas['PreviewProblemDto'];
export type PreviewMeasure = Schemas['PreviewMeasureDto'];

/** Pasted text (JSON), or an uploaded .txt, .docx or .html file (multipart field `file`). */
export type NoticeSource = { kind: 'text'; text: string } | { kind: 'file'; file: File };

/** Reads a published notice into an editable preview; the API writes nothing. */
export async function previewNoticeImport(source: NoticeSource): Promise<NoticePreview> {
  if (source.kind === 'text') {
    return unwrap(await api.POST('/api/imports/notice', { body: { text: source.text } }));
  }
  return unwrap(
    await api.POST('/api/imports/notice', {
      // the generated type describes the multipart fields; the serializer below builds the real form
      body: { file: '' },
      bodySerializer: () => {
        const form = new FormData();
        form.append('file', source.file, source.file.name);
        return form;
      },
    }),
  );
}

export function usePreviewNoticeImport() {
  return useMutation({ mutationFn: previewNoticeImport });
}
