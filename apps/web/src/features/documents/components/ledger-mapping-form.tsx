import { Col, Form, Input, InputNumber, Row, Typography, type FormInstance } from 'antd';
import type { LedgerMapping } from '../api/import-ledger';

// the columns the import reads (the others, such as 整改进展 and 完成情况, are only ever exported)
export const LEDGER_IMPORT_COLUMNS = [
  '问题编号',
  '序号',
  '措施序号',
  '整改措施',
  '牵头单位',
  '责任单位',
  '配合单位',
  '责任领导',
  '责任人',
  '完成时限',
  '备注',
] as const;

export interface LedgerMappingValues {
  headerRow?: number | null;
  columns?: Partial<Record<string, string>>;
}

/** The form as the API's mapping: blank entries left out, a bare number read as a column number. */
export function mappingFromValues(values: LedgerMappingValues): LedgerMapping | undefined {
  const columns: Record<string, string | number> = {};
  for (const [name, raw] of Object.entries(values.columns ?? {})) {
    const text = raw?.trim();
    if (text) columns[name] = /^\d{1,3}$/.test(text) ? Number(text) : text;
  }
  const headerRow = values.headerRow ?? undefined;
  if (Object.keys(columns).length === 0 && headerRow === undefined) return undefined;
  return { columns, ...(headerRow !== undefined ? { headerRow } : {}) };
}

/**
 * Where the columns are, for a workbook whose headers the import does not recognise: a column letter (E), a number
 * (5) or the header text as written in the file; and the header row. Left blank, both are detected.
 */
export function LedgerMappingForm({
  form,
  onChange,
}: {
  form: FormInstance<LedgerMappingValues>;
  onChange: () => void;
}) {
  return (
    <Form<LedgerMappingValues> form={form} layout="vertical" onValuesChange={onChange}>
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
