import { Col, Form, Input, InputNumber, Row, Typography, type FormInstance } from 'antd';
import { useImperativeHandle, type Ref } from 'react';
import { LEDGER_IMPORT_COLUMNS, type LedgerMappingValues } from '../utils/ledger-mapping';

/**
 * Where the columns are, for a workbook whose headers the import does not recognise: a column letter (E), a number
 * (5) or the header text as written in the file; and the header row. Left blank, both are detected.
 * The page validates it through `formRef` while it is shown; `onChange` reports every change, so values typed once
 * come back (`initialValues`) when the form is drawn again.
 */
export function LedgerMappingForm({
  formRef,
  initialValues,
  onChange,
}: {
  formRef: Ref<FormInstance<LedgerMappingValues> | null>;
  initialValues: LedgerMappingValues;
  onChange: (values: LedgerMappingValues) => void;
}) {
  const [form] = Form.useForm<LedgerMappingValues>();
  useImperativeHandle(formRef, () => form, [form]);
  return (
    <Form<LedgerMappingValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={(_, values) => onChange(values)}
    >
      <Typography.Paragraph type="secondary">
        仅在表头无法自动识别时填写：填写列字母（如 E）、列号（如 5）或表格中的表头文字；未填写的列按表头自动识别。
      </Typography.Paragraph>
      <Row gutter={12}>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="headerRow" label="表头所在行">
            <InputNumber min={1} max={1000} precision={0} placeholder="自动" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {LEDGER_IMPORT_COLUMNS.map((name) => (
          <Col key={name} xs={12} md={6} xl={4}>
            <Form.Item name={['columns', name]} label={name} rules={[{ max: 100, message: '不能超过 100 个字' }]}>
              <Input placeholder="自动" allowClear />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Form>
  );
}
