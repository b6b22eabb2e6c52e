import { App, Checkbox, DatePicker, Form, Input, Radio, Typography } from 'antd';
import { chinaDate } from '@zhenggai/domain';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '@/components/ui/form-modal';
import { errorMessage, isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { formatDate } from '@/lib/format';
import type { CheckpointReviewItem } from '../api/get-checkpoint-reviews';
import { useReviewCheckpoint } from '../api/review-checkpoint';

interface Values {
  outcome: 'reached' | 'missed';
  opinion: string;
  complete?: boolean;
  nextDueOn?: Dayjs;
  nextTitle?: string;
}

const OPINION_MAX = 2000;
const DAY = 'YYYY-MM-DD';

/**
 * 评估 one due checkpoint against the measure's version from the list: 达到阶段目标 sets the next checkpoint or turns
 * the measure 已完成; 未达到 sends it back to 推进中.
 */
export function ReviewCheckpointModal({ item, onClose }: { item: CheckpointReviewItem; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const review = useReviewCheckpoint();
  const { message } = App.useApp();
  const [errorText, setErrorText] = useState<string | null>(null);
  const outcome = Form.useWatch('outcome', form);
  const complete = Form.useWatch('complete', form);
  const today = chinaDate(new Date());

  const submit = (values: Values) => {
    setErrorText(null);
    const reached = values.outcome === 'reached';
    const nextTitle = values.nextTitle?.trim();
    review.mutate(
      {
        measureId: item.measureId,
        checkpointId: item.checkpointId,
        body: {
          version: item.measureVersion,
          outcome: values.outcome,
          opinion: values.opinion.trim(),
          ...(reached && values.complete ? { complete: true } : {}),
          ...(reached && !values.complete && values.nextDueOn
            ? { nextCheckpoint: { dueOn: values.nextDueOn.format(DAY), ...(nextTitle ? { title: nextTitle } : {}) } }
            : {}),
        },
      },
      {
        onSuccess: () => {
          message.success(
            !reached
              ? '已评估为未达到，措施已退回推进中'
              : values.complete
                ? '已评估，措施转为已完成'
                : '已评估，已设下一检查节点',
          );
          onClose();
        },
        onError: (error) => {
          // stale version, already reviewed, or no longer 视同完成: the list reloads what is stored now
          if (isApiError(error) && error.status === 409) {
            message.error(error.message);
            onClose();
            return;
          }
          const unplaced = applyFieldErrors(form, error, ['outcome', 'opinion', 'complete']);
          const placed = isApiError(error) && Boolean(error.errors);
          if (unplaced.length > 0) setErrorText(unplaced.join('；'));
          else if (!placed) setErrorText(errorMessage(error, '评估失败，请稍后重试'));
        },
      },
    );
  };

  return (
    <FormModal<Values>
      title="检查节点评估"
      form={form}
      onFinish={submit}
      onCancel={onClose}
      submitting={review.isPending}
      okText="提交评估"
      errorText={errorText}
      initialValues={{ outcome: 'reached', complete: false }}
      width={600}
    >
      <Typography.Paragraph>
        <Typography.Text strong>{item.measureLabel}</Typography.Text> {item.measureText}
        <br />
        <Typography.Text type="secondary">
          检查节点：{item.title ?? '阶段检查'} · {formatDate(item.dueOn)}
        </Typography.Text>
      </Typography.Paragraph>
      <Form.Item name="outcome" label="评估结论" rules={[{ required: true, message: '请选择评估结论' }]}>
        <Radio.Group
          options={[
            { value: 'reached', label: '达到阶段目标' },
            { value: 'missed', label: '未达到' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="opinion"
        label="评估意见"
        rules={[
          { required: true, whitespace: true, message: '请填写评估意见' },
          { max: OPINION_MAX, message: `不能超过 ${OPINION_MAX} 字` },
        ]}
        extra={outcome === 'missed' ? '未达到阶段目标的，措施及各责任单位退回“推进中”继续整改' : undefined}
      >
        <Input.TextArea rows={4} maxLength={OPINION_MAX} showCount />
      </Form.Item>
      {outcome === 'reached' && (
        <>
          <Form.Item name="complete" valuePropName="checked">
            <Checkbox>转为已完成（不再设检查节点）</Checkbox>
          </Form.Item>
          {!complete && (
            <>
              <Form.Item
                name="nextDueOn"
                label="下一检查节点日期"
                rules={[{ required: true, message: '请选择下一检查节点日期，或勾选转为已完成' }]}
              >
                <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.format(DAY) <= today} />
              </Form.Item>
              <Form.Item name="nextTitle" label="下一检查节点名称" rules={[{ max: 200, message: '不能超过 200 字' }]}>
                <Input maxLength={200} placeholder="可选，如：第二阶段检查" />
              </Form.Item>
            </>
          )}
        </>
      )}
    </FormModal>
  );
}
