import type { AttachmentKind } from '../api/upload-attachment';

// the kinds of evidence, apart from the uploader (Upload, Select) so that a list of attachments does not load it
export const ATTACHMENT_KIND_OPTIONS: Array<{ value: AttachmentKind; label: string }> = [
  { value: 'document', label: '文件材料' },
  { value: 'minutes', label: '会议纪要' },
  { value: 'photo', label: '照片' },
  { value: 'ledger', label: '台账' },
  { value: 'rule', label: '制度' },
];

export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = Object.fromEntries(
  ATTACHMENT_KIND_OPTIONS.map((option) => [option.value, option.label]),
) as Record<AttachmentKind, string>;
