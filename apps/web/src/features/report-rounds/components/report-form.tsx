import { Alert, App, Button, Card, Collapse, Flex, Form, Input, Tag, Typography } from 'antd';
import { LIGHTS, type Light } from '@zhenggai/domain';
import type { ReactElement } from 'react';
import { LightIndicator } from '@/components/ui/light-indicator';
import { errorMessage, isApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import type { ReportForm as ReportFormData, ReportFormItem } from '../api/get-report-form';
import type { UnitSubmissions } from '../api/get-submission';
import { useSubmitReport } from '../api/submit-report';

const PROGRESS_MAX = 2000;

type Values = { items: Record<string, { progress: string; evidenceIds?: string[] }> };

const isLight = (value: string): value is Light => (LIGHTS as readonly string[]).includes(value);

function ItemHeading({ item }: { item: ReportFormItem }) {
  return (
    <Flex vertical gap={4}>
      <Flex gap={8} wrap align="center">
        <Typography.Text strong>{item.label}</Typography.Text>
        <Tag>{item.statusLabel}</Tag>
        {isLight(item.light) ? <LightIndicator light={item.light} /> : item.lightLabel}
        <Typography.Text type="secondary">时限 {formatDate(item.deadline)}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary">{item.problemTitle}</Typography.Text>
      <Typography.Paragraph style={{ margin: 0 }}>{item.text}</Typography.Paragraph>
    </Flex>
  );
}

/**
 * The unit's report for a round (unit leader): one card per measure, pre-filled with its current state; every open
 * measure needs this period's progress (本期进展). One column, so it works on a phone. `evidence` renders the control
 * that chooses and uploads a measure's evidence (given by the page; a form control of attachment ids).
 */
export function ReportForm({
  data,
  evidence,
  onSubmitted,
  onRefused,
}: {
  data: ReportFormData;
  evidence?: (item: ReportFormItem) => ReactElement;
  onSubmitted: (result: UnitSubmissions) => void;
  onRefused: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const submit = useSubmitReport(data.round.id);
  const { message } = App.useApp();
  const open = data.items.filter((item) => item.open);
  const done = data.items.filter((item) => !item.open);
  const initialValues: Values = {
    items: Object.fromEntries(
      open.map((item) => [item.measureId, { progress: item.progress, evidenceIds: item.evidenceIds }]),
    ),
  };

  const onFinish = () => {
    // every stored value, the evidence of a panel never opened included
    const values = form.getFieldsValue(true) as Values;
    submit.mutate(
      {
        unitId: data.unit.id,
        items: open.map((item) => ({
          measureId: item.measureId,
          progress: (values.items[item.measureId]?.progress ?? '').trim(),
          evidenceIds: values.items[item.measureId]?.evidenceIds ?? [],
        })),
      },
      {
        onSuccess: (result) => {
          message.success(`${data.round.number}进展已报送`);
          onSubmitted(result);
        },
        onError: (error) => {
          message.error(errorMessage(error, '报送失败，请稍后重试'));
          if (isApiError(error) && error.status === 409) onRefused();
        },
      },
    );
  };

  return (
    <Flex vertical gap={12}>
      {data.status === 'returned' && data.returnReason && (
        <Alert
          type="warning"
          showIcon
          title={`本期报送已被退回：${data.returnReason}`}
          description="请修改后重新报送"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        aria-label="报送整改进展"
        initialValues={initialValues}
        onFinish={onFinish}
        disabled={submit.isPending || !data.canSubmit}
        scrollToFirstError
      >
        <Flex vertical gap={12} role="list" aria-label="整改措施">
          {open.map((item) => (
            <Card key={item.measureId} size="small" role="listitem" aria-label={`${item.label} ${item.text}`}>
              <ItemHeading item={item} />
              <Form.Item
                name={['items', item.measureId, 'progress']}
                label={`本期进展（${item.label}）`}
                style={{ margin: '12px 0 0' }}
                rules={[
                  { required: true, whitespace: true, message: '请填写本期进展' },
                  { max: PROGRESS_MAX, message: `不能超过 ${PROGRESS_MAX} 个字` },
                ]}
              >
                <Input.TextArea
                  rows={4}
                  maxLength={PROGRESS_MAX}
                  showCount
                  placeholder="本期完成了哪些工作，下一步安排"
                />
              </Form.Item>
              {evidence && data.canSubmit && (
                <Collapse
                  ghost
                  size="small"
                  style={{ marginTop: 8 }}
                  items={[
                    {
                      key: 'evidence',
                      label: `佐证材料（可选${item.evidenceIds.length > 0 ? `，已选 ${item.evidenceIds.length} 份` : ''}）`,
                      children: (
                        <Form.Item name={['items', item.measureId, 'evidenceIds']} noStyle>
                          {evidence(item)}
                        </Form.Item>
                      ),
                    },
                  ]}
                />
              )}
            </Card>
          ))}
          {done.map((item) => (
            <Card key={item.measureId} size="small" role="listitem" aria-label={`${item.label} ${item.text}`}>
              <ItemHeading item={item} />
              <Typography.Text type="secondary">已完成，无需填报本期进展</Typography.Text>
            </Card>
          ))}
        </Flex>
        {data.canSubmit && (
          <Button type="primary" htmlType="submit" loading={submit.isPending} block style={{ marginTop: 16 }}>
            提交报送
          </Button>
        )}
      </Form>
    </Flex>
  );
}
