import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Slider } from 'antd';
import { useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { measureRef } from '@/lib/format';
import type { Measure } from '../api/get-measures';
import { useReportProgress } from '../api/report-progress';

interface ProgressValues {
  text: string;
  progress: number;
}

// the API's rules for CreateProgressDto: text 1–5000 characters, progress an integer 0–100
const textRules = [
  { required: true, whitespace: true, message: '请填写整改进展情况' },
  { max: 5000, message: '进展情况不能超过 5000 字' },
];
const progressRules = [
  { required: true, message: '请填写完成进度' },
  { type: 'integer' as const, min: 0, max: 100, message: '完成进度应为 0 到 100 之间的整数' },
];

/** 报送进展: what was done, and the unit's progress in percent. Used inline (我的任务) and in a dialog. */
export function ProgressForm({
  measure,
  initialProgress,
  onDone,
  onCancel,
  layout = 'vertical',
}: {
  measure: Measure;
  initialProgress: number;
  onDone?: () => void;
  onCancel?: () => void;
  layout?: 'vertical' | 'inline';
}) {
  const [form] = Form.useForm<ProgressValues>();
  const { message } = App.useApp();
  const report = useReportProgress();
  const [errorText, setErrorText] = useState<string | null>(null);
  const progress = Form.useWatch('progress', form) ?? initialProgress;

  const onFinish = (values: ProgressValues) => {
    setErrorText(null);
    report.mutate(
      { measureId: measure.id, text: values.text.trim(), progress: values.progress },
      {
        onSuccess: () => {
          message.success(`已报送措施 ${measureRef(measure.problemLabel, measure.seq)} 的进展`);
          form.resetFields();
          onDone?.();
        },
        onError: (error) => {
          const unplaced = applyFieldErrors(form, error, ['text', 'progress']);
          setErrorText(unplaced.length > 0 ? unplaced.join('；') : errorMessage(error));
        },
      },
    );
  };

  return (
    <Form<ProgressValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ text: '', progress: initialProgress }}
      disabled={report.isPending}
      className={layout === 'inline' ? 'zg-progress-form zg-progress-form-inline' : 'zg-progress-form'}
      aria-label={`报送措施 ${measureRef(measure.problemLabel, measure.seq)} 的进展`}
    >
      {errorText && <Alert type="error" showIcon title={errorText} style={{ marginBottom: 12 }} role="alert" />}
      <Form.Item label="进展情况" name="text" rules={textRules}>
        <Input.TextArea rows={3} maxLength={5000} showCount placeholder="本期完成的工作、取得的成效、下一步安排" />
      </Form.Item>
      <Form.Item label="本单位完成进度（%）" required>
        <Flex gap={12} align="center">
          <Slider
            min={0}
            max={100}
            step={5}
            value={typeof progress === 'number' ? progress : 0}
            onChange={(value) => form.setFieldValue('progress', value)}
            style={{ flex: 1 }}
            aria-hidden
          />
          <Form.Item name="progress" rules={progressRules} noStyle>
            <InputNumber aria-label="完成进度" min={0} max={100} precision={0} suffix="%" style={{ width: 96 }} />
          </Form.Item>
        </Flex>
      </Form.Item>
      <Flex gap={8} justify="flex-end">
        {onCancel && <Button onClick={onCancel}>取消</Button>}
        <Button type="primary" htmlType="submit" loading={report.isPending}>
          报送进展
        </Button>
      </Flex>
    </Form>
  );
}

export function ProgressModal({
  measure,
  initialProgress,
  onClose,
}: {
  measure: Measure;
  initialProgress: number;
  onClose: () => void;
}) {
  return (
    <Modal
      open
      title="报送整改进展"
      footer={null}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      width={600}
    >
      <ProgressForm measure={measure} initialProgress={initialProgress} onDone={onClose} onCancel={onClose} />
    </Modal>
  );
}
