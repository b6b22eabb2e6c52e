import { Alert, App, DatePicker, Form, Input, Radio, Typography } from 'antd';
import { chinaDate } from '@zhenggai/domain';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '@/components/ui/form-modal';
import { errorMessage, isApiError, isVersionConflict } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import type { LookbackItem } from '../api/get-lookback';
import { useRecordLookbackResult } from '../api/record-lookback-result';

interface Values {
  result: 'consolidated' | 'rebounded';
  finding: string;
  deadline?: Dayjs;
}

const FIELDS = ['result', 'finding', 'deadline'] as const;
const FINDING_MAX = 2000;
const DAY = 'YYYY-MM-DD';

/**
 * 登记核查结果 for one item: 巩固 or 反弹 with what the check found; a 反弹 needs the reopened measure's new deadline.
 * The look-back's version is the one read when the dialog opened.
 */
export function RecordResultModal({
  lookbackId,
  version,
  item,
  onClose,
}: {
  lookbackId: string;
  version: number;
  item: LookbackItem;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const record = useRecordLookbackResult(lookbackId);
  const { message } = App.useApp();
  const [errorText, setErrorText] = useState<string | null>(null);
  const result = Form.useWatch('result', form);
  const today = chinaDate(new Date());

  const submit = (values: Values) => {
    setErrorText(null);
    const rebounded = values.result === 'rebounded';
    record.mutate(
      {
        itemId: item.id,
        body: {
          result: values.result,
          finding: values.finding.trim(),
          ...(rebounded && values.deadline ? { deadline: values.deadline.format(DAY) } : {}),
          version,
        },
      },
      {
        onSuccess: () => {
          message.success(
            rebounded ? `已登记反弹，措施 ${item.label} 已重新打开` : `已登记 ${item.label} 整改成果巩固`,
          );
          onClose();
        },
        onError: (error) => {
          // someone else recorded first: the page reloads what is stored now
          if (isVersionConflict(error)) {
            message.error('回头看已被他人更新，已刷新，请核对后重新登记');
            onClose();
            return;
          }
          if (isApiError(error) && error.status === 409) {
            message.error(error.message);
            onClose();
            return;
          }
          const unplaced = applyFieldErrors(form, error, FIELDS);
          const placed = isApiError(error) && Boolean(error.errors);
          if (unplaced.length > 0) setErrorText(unplaced.join('；'));
          else if (!placed) setErrorText(errorMessage(error, '登记失败，请稍后重试'));
        },
      },
    );
  };

  return (
    <FormModal<Values>
      title="登记核查结果"
      form={form}
      onFinish={submit}
      onCancel={onClose}
      submitting={record.isPending}
      okText="登记"
      errorText={errorText}
      initialValues={{ result: 'consolidated' }}
      width={600}
    >
      <Typography.Paragraph>
        <Typography.Text strong>{item.label}</Typography.Text> {item.text}
        {item.unit && <Typography.Text type="secondary">（{item.unit.name}）</Typography.Text>}
      </Typography.Paragraph>
      <Form.Item name="result" label="核查结果" rules={[{ required: true, message: '请选择核查结果' }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'consolidated', label: '巩固' },
            { value: 'rebounded', label: '反弹' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="finding"
        label="核查情况"
        rules={[
          { required: true, whitespace: true, message: '请填写核查情况' },
          { min: 2, message: '请填写核查情况' },
          { max: FINDING_MAX, message: `不能超过 ${FINDING_MAX} 字` },
        ]}
      >
        <Input.TextArea rows={4} maxLength={FINDING_MAX} showCount />
      </Form.Item>
      {result === 'rebounded' && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="登记反弹后，该措施及各责任单位将重新打开，状态回到“推进中”，按新整改时限继续整改"
          />
          <Form.Item name="deadline" label="新整改时限" rules={[{ required: true, message: '请选择新整改时限' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.format(DAY) < today} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
