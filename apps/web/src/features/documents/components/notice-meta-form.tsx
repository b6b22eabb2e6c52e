import { Col, DatePicker, Form, Input, InputNumber, Row, Select, type FormInstance, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PreviewInspection } from '../api/preview-notice-import';

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

const max = (length: number): FormRule => ({ max: length, message: `不能超过 ${length} 个字` });

/** The later date of a pair may not come before the earlier one (the API refuses it too). */
const notBefore =
  (field: keyof NoticeMetaValues, message: string): FormRule =>
  ({ getFieldValue }) => ({
    validator: (_rule, value: Dayjs | null) => {
      const earlier = getFieldValue(field) as Dayjs | null;
      return value && earlier && value.isBefore(earlier, 'day')
        ? Promise.reject(new Error(message))
        : Promise.resolve();
    },
  });

function TextItem({ name, label, length }: { name: keyof NoticeMetaValues; label: string; length: number }) {
  return (
    <Form.Item name={name} label={label} rules={[max(length)]}>
      <Input allowClear />
    </Form.Item>
  );
}

function DateItem({
  name,
  label,
  after,
}: {
  name: keyof NoticeMetaValues;
  label: string;
  /** the field this date may not come before, and the message when it does */
  after?: [keyof NoticeMetaValues, string];
}) {
  return (
    <Form.Item
      name={name}
      label={label}
      dependencies={after ? [after[0]] : undefined}
      rules={after ? [notBefore(after[0], after[1])] : undefined}
    >
      <DatePicker style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** The inspection as read from the notice (巡视轮次, 巡视组, dates, contact), for the reviewer to correct. */
export function NoticeMetaForm({
  form,
  initialValues,
  unitOptions,
}: {
  form: FormInstance<NoticeMetaValues>;
  initialValues: NoticeMetaValues;
  unitOptions: Array<{ value: string; label: string }>;
}) {
  const col = { xs: 24, md: 12, xl: 8 };
  return (
    <Form<NoticeMetaValues> form={form} layout="vertical" initialValues={initialValues} scrollToFirstError>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <TextItem name="title" label="通报标题" length={200} />
        </Col>
        <Col {...col}>
          <TextItem name="issuer" label="发布单位" length={100} />
        </Col>
        <Col {...col}>
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择巡视或巡察' }]}>
            <Select
              aria-label="类型"
              placeholder="巡视或巡察"
              options={[
                { value: 'xunshi', label: '巡视' },
                { value: 'xuncha', label: '巡察' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <TextItem name="term" label="届次" length={20} />
        </Col>
        <Col {...col}>
          <TextItem name="issuingCommittee" label="派出党委" length={20} />
        </Col>
        <Col {...col}>
          <Form.Item name="round" label="轮次">
            <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <TextItem name="group" label="巡视（巡察）组" length={100} />
        </Col>
        <Col {...col}>
          <TextItem name="inspectionType" label="巡视（巡察）方式" length={50} />
        </Col>
        <Col {...col}>
          <TextItem name="target" label="被巡视（巡察）党组织" length={200} />
        </Col>
        <Col {...col}>
          <DateItem name="onSiteFrom" label="进驻开始日期" />
        </Col>
        <Col {...col}>
          <DateItem name="onSiteTo" label="进驻结束日期" after={['onSiteFrom', '进驻结束日期不能早于开始日期']} />
        </Col>
        <Col {...col}>
          <DateItem name="feedbackDate" label="反馈日期" after={['onSiteTo', '反馈日期不能早于进驻结束日期']} />
        </Col>
        <Col {...col}>
          <DateItem name="publicityFrom" label="公开开始日期" />
        </Col>
        <Col {...col}>
          <DateItem name="publicityTo" label="公开结束日期" after={['publicityFrom', '公开结束日期不能早于开始日期']} />
        </Col>
        <Col {...col}>
          <TextItem name="contactPhone" label="联系电话" length={50} />
        </Col>
        <Col {...col}>
          <TextItem name="contactHours" label="接听时间" length={100} />
        </Col>
        <Col {...col}>
          <TextItem name="contactEmail" label="电子邮箱" length={100} />
        </Col>
        <Col xs={24} xl={16}>
          <Form.Item
            name="defaultLeadUnitId"
            label="措施默认牵头单位（可选）"
            extra="不选择时，导入的措施暂不分办，可在整改台账中批量分办。"
          >
            <Select
              aria-label="措施默认牵头单位"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="暂不分办"
              options={unitOptions}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
