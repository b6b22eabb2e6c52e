import { Col, DatePicker, Form, Input, InputNumber, Row, Select, type FormInstance, type FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import type { NoticeMetaValues } from '../utils/notice-meta';

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
