import { App, DatePicker, Descriptions, Form, Input, Typography } from 'antd';
import { chinaDate, validateReason } from '@zhenggai/domain';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '@/components/ui/form-modal';
import { errorMessage, isVersionConflict } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { formatDate, formatDateTime, measureRef } from '@/lib/format';
import { useApproveExtension } from '../api/approve-extension';
import type { Extension } from '../api/get-extensions';
import type { Measure } from '../api/get-measures';
import { useRefuseExtension } from '../api/refuse-extension';
import { useRequestExtension } from '../api/request-extension';

interface RequestValues {
  requestedDeadline: Dayjs | null;
  reason: string;
}

/** 申请延期: a later date than today and than the current deadline, and a reason. */
export function RequestExtensionModal({ measure, onClose }: { measure: Measure; onClose: () => void }) {
  const [form] = Form.useForm<RequestValues>();
  const { message } = App.useApp();
  const request = useRequestExtension();
  const [errorText, setErrorText] = useState<string | null>(null);
  const today = chinaDate(new Date());
  const floor = measure.deadline && measure.deadline > today ? measure.deadline : today;

  const onFinish = (values: RequestValues) => {
    setErrorText(null);
    request.mutate(
      {
        measureId: measure.id,
        requestedDeadline: values.requestedDeadline!.format('YYYY-MM-DD'),
        reason: values.reason.trim(),
      },
      {
        onSuccess: () => {
          message.success('已提交延期申请，等待整改专班审批');
          onClose();
        },
        onError: (error) => {
          const unplaced = applyFieldErrors(form, error, ['requestedDeadline', 'reason']);
          setErrorText(unplaced.length > 0 ? unplaced.join('；') : errorMessage(error));
        },
      },
    );
  };

  return (
    <FormModal<RequestValues>
      title="申请延期"
      form={form}
      onFinish={onFinish}
      onCancel={onClose}
      submitting={request.isPending}
      okText="提交申请"
      errorText={errorText}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
        措施 {measureRef(measure.problemLabel, measure.seq)}：{measure.text}
      </Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={[{ key: 'deadline', label: '现有时限', children: formatDate(measure.deadline) }]}
      />
      <Form.Item
        label="申请延至"
        name="requestedDeadline"
        rules={[
          { required: true, message: '请选择延期后的完成时限' },
          {
            validator: (_, value: Dayjs | null) =>
              value && value.format('YYYY-MM-DD') <= floor
                ? Promise.reject(new Error('延期后的时限须晚于今天和现有时限'))
                : Promise.resolve(),
          },
        ]}
      >
        <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.format('YYYY-MM-DD') <= floor} />
      </Form.Item>
      <Form.Item
        label="延期理由"
        name="reason"
        required
        rules={[
          {
            validator: (_, value: string | undefined) => {
              const problem = validateReason(value);
              return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
            },
          },
          { max: 2000, message: '延期理由不能超过 2000 字' },
        ]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder="说明不能按期完成的原因和后续安排" />
      </Form.Item>
    </FormModal>
  );
}

interface DecisionValues {
  opinion?: string;
}

/** 同意 / 不同意 a deadline extension; refusing needs an opinion. */
export function ExtensionDecisionModal({
  extension,
  decision,
  onClose,
}: {
  extension: Extension;
  decision: 'approve' | 'refuse';
  onClose: () => void;
}) {
  const [form] = Form.useForm<DecisionValues>();
  const { message } = App.useApp();
  const approve = useApproveExtension();
  const refuse = useRefuseExtension();
  const mutation = decision === 'approve' ? approve : refuse;
  const [errorText, setErrorText] = useState<string | null>(null);

  const onFinish = (values: DecisionValues) => {
    setErrorText(null);
    mutation.mutate(
      { extensionId: extension.id, version: extension.version, opinion: values.opinion?.trim() || undefined },
      {
        onSuccess: () => {
          message.success(
            decision === 'approve' ? `已同意延期至 ${formatDate(extension.requestedDeadline)}` : '已不同意延期',
          );
          onClose();
        },
        onError: (error) => {
          const unplaced = applyFieldErrors(form, error, ['opinion']);
          // someone decided first: the list refreshes and shows their decision
          setErrorText(
            isVersionConflict(error)
              ? '该延期申请已被他人处理或修改，请关闭后查看最新状态'
              : unplaced.length > 0
                ? unplaced.join('；')
                : errorMessage(error),
          );
        },
      },
    );
  };

  return (
    <FormModal<DecisionValues>
      title={decision === 'approve' ? '同意延期' : '不同意延期'}
      form={form}
      onFinish={onFinish}
      onCancel={onClose}
      submitting={mutation.isPending}
      okText={decision === 'approve' ? '同意' : '不同意'}
      okDanger={decision === 'refuse'}
      errorText={errorText}
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'measure', label: '措施', children: `${extension.measureRef} ${extension.measureText}` },
          { key: 'unit', label: '申请单位', children: extension.unit.name },
          {
            key: 'by',
            label: '申请人',
            children: `${extension.requestedBy?.name ?? '—'}（${formatDateTime(extension.createdAt)}）`,
          },
          {
            key: 'dates',
            label: '时限',
            children: `${formatDate(extension.previousDeadline)} → ${formatDate(extension.requestedDeadline)}`,
          },
          { key: 'reason', label: '理由', children: extension.reason },
        ]}
      />
      <Form.Item
        label="审批意见"
        name="opinion"
        rules={[
          ...(decision === 'refuse' ? [{ required: true, whitespace: true, message: '请填写不同意的理由' }] : []),
          { max: 2000, message: '审批意见不能超过 2000 字' },
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder={decision === 'refuse' ? '必填' : '选填'} />
      </Form.Item>
    </FormModal>
  );
}
