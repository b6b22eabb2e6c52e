import dayjs, { type Dayjs } from 'dayjs';
import type { PreviewInspection } from '../api/preview-notice-import';

// The notice-import review form's values and their conversions, apart from the form (notice-meta-form.tsx), which the
// import page loads only when the review step is reached

export interface NoticeMetaValues {
  title: string;
  issuer: string;
  kind: 'xunshi' | 'xuncha' | null;
  term: string;
  issuingCommittee: string;
  round: number | null;
  group: string;
  inspectionType: string;
  target: string;
  onSiteFrom: Dayjs | null;
  onSiteTo: Dayjs | null;
  feedbackDate: Dayjs | null;
  publicityFrom: Dayjs | null;
  publicityTo: Dayjs | null;
  contactPhone: string;
  contactHours: string;
  contactEmail: string;
  defaultLeadUnitId?: string;
}

const TEXT_FIELDS = [
  'title',
  'issuer',
  'term',
  'issuingCommittee',
  'group',
  'inspectionType',
  'target',
  'contactPhone',
  'contactHours',
  'contactEmail',
] as const;
const DATE_FIELDS = ['onSiteFrom', 'onSiteTo', 'feedbackDate', 'publicityFrom', 'publicityTo'] as const;

/** The names of the form's fields, for the API's field messages (inspection.issuer → issuer). */
export const NOTICE_META_FIELDS: readonly string[] = [
  ...TEXT_FIELDS,
  ...DATE_FIELDS,
  'kind',
  'round',
  'defaultLeadUnitId',
];

const day = (value: string | null | undefined) => (value && dayjs(value).isValid() ? dayjs(value) : null);

export function noticeMetaValues(inspection: PreviewInspection): NoticeMetaValues {
  return {
    title: inspection.title ?? '',
    issuer: inspection.issuer ?? '',
    kind: inspection.kind,
    term: inspection.term ?? '',
    issuingCommittee: inspection.issuingCommittee ?? '',
    round: inspection.round,
    group: inspection.group ?? '',
    inspectionType: inspection.inspectionType ?? '',
    target: inspection.target ?? '',
    onSiteFrom: day(inspection.onSiteFrom),
    onSiteTo: day(inspection.onSiteTo),
    feedbackDate: day(inspection.feedbackDate),
    publicityFrom: day(inspection.publicityFrom),
    publicityTo: day(inspection.publicityTo),
    contactPhone: inspection.contactPhone ?? '',
    contactHours: inspection.contactHours ?? '',
    contactEmail: inspection.contactEmail ?? '',
  };
}

/** The reviewed metadata as the commit expects it: blank text and dates are null; the publication time is kept. */
export function inspectionFromMeta(values: NoticeMetaValues, original: PreviewInspection): PreviewInspection {
  const text = (value: string | undefined) => value?.trim() || null;
  const date = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
  return {
    title: text(values.title),
    issuer: text(values.issuer),
    kind: values.kind ?? null,
    term: text(values.term),
    issuingCommittee: text(values.issuingCommittee),
    round: values.round ?? null,
    group: text(values.group),
    inspectionType: text(values.inspectionType),
    target: text(values.target),
    onSiteFrom: date(values.onSiteFrom),
    onSiteTo: date(values.onSiteTo),
    feedbackDate: date(values.feedbackDate),
    publishedAt: original.publishedAt,
    publicityFrom: date(values.publicityFrom),
    publicityTo: date(values.publicityTo),
    contactPhone: text(values.contactPhone),
    contactHours: text(values.contactHours),
    contactEmail: text(values.contactEmail),
    // the commit does not store the signature date: it goes back as read
    signedOn: original.signedOn ?? null,
  };
}
