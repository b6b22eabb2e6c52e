import { Alert, App, Checkbox, DatePicker, Empty, Flex, Form, Input, Radio, Skeleton, Typography } from 'antd';
import {
  APPROVAL_OUTCOME_LABELS,
  MEASURE_ACTION_LABELS,
  ROLL_UP_RULE,
  chinaDate,
  validateApproval,
  validateReason,
  type ApprovalOutcome,
} from '@zhenggai/domain';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '@/components/ui/form-modal';
import { formatDate, formatFileSize, measureRef } from '@/lib/format';
import { useApproveMeasure } from '../api/approve-measure';
import { useMeasureAttachments } from '../api/get-measure-attachments';
import type { Measure } from '../api/get-measures';
import { useReopenMeasure } from '../api/reopen-measure';
import { useReturnMeasure } from '../api/return-measure';
import { useSubmitMeasure } from '../api/submit-measure';
import { handleSaveError, type ConflictContext } from '../utils/save-errors';
import { AttachmentUploader } from './attachment-uploader';
import type { ConflictState } from './conflict-dialog';

interface ModalProps {
  measure: Measure;
  onClose: () => void;
  onConflict: (state: ConflictState) => void;
  onDone?: () => void;
}

function MeasureHeading({ measure }: { measure: Measure }) {
  return (
    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 16 }}>
      措施 {measureRef(measure.problemLabel, measure.seq)}：{measure.lead}
      {measure.text}
    </Typography.Paragraph>
  );
}

interface SubmitValues {
  note: string;
  attachmentIds: string[];
}

/** 提交销号: the unit's completion note and its evidence, chosen from the measure's files (at least one). */
export function SubmitModal({ measure, onClose, onConflict, onDone }: ModalProps) {
  const [form] = Form.useForm<SubmitValues>();
  const { message } = App.useApp();
  const submit = useSubmitMeasure();
  const attachments = useMeasureAttachments(measure.id);
  const [errorText, setErrorText] = useState<string | null>(null);

  const onFinish = (values: SubmitValues) => {
    setErrorText(null);
    const body = { note: values.note.trim(), attachmentIds: values.attachmentIds };
    const conflict: ConflictContext = {
      open: onConflict,
      state: {
        seen: measure,
        actionLabel: MEASURE_ACTION_LABELS.submit,
        action: 'submit',
        changes: [{ label: '状态', value: '提交销号申请' }],
        reapply: (version) => submit.mutateAsync({ measureId: measure.id, version, ...body }),
      },
    };
    submit.mutate(
      { measureId: measure.id, version: measure.version, ...body },
      {
        onSuccess: () => {
          message.success('已提交销号申请，等待整改专班审核');
          onDone?.();
          onClose();
        },
        onError: (error) =>
          handleSaveError({
            error,
            form,
            fieldNames: ['note', 'attachmentIds'],
            setErrorText,
            conflict,
            closeForm: onClose,
          }),
      },
    );
  };

  return (
    <FormModal<SubmitValues>
      title="提交销号申请"
      form={form}
      onFinish={onFinish}
      onCancel={onClose}
      submitting={submit.isPending}
      okText="提交销号"
      errorText={errorText}
      initialValues={{ note: '', attachmentIds: [] }}
      width={640}
    >
      <MeasureHeading measure={measure} />
      <Form.Item
        label="完成情况说明"
        name="note"
        rules={[
          { required: true, whitespace: true, message: '请填写完成情况说明' },
          { max: 2000, message: '完成情况说明不能超过 2000 字' },
        ]}
      >
        <Input.TextArea
          rows={4}
          showCount
          maxLength={2000}
          placeholder="说明整改完成情况、取得的成效和佐证材料的内容"
        />
      </Form.Item>
      <Form.Item
        label="佐证材料"
        name="attachmentIds"
        extra="至少选择一份本措施的佐证材料；可在下方继续上传"
        rules={[{ type: 'array', min: 1, message: '请至少选择一份佐证材料' }]}
      >
        {attachments.isPending ? (
          <Skeleton active title={false} paragraph={{ rows: 2 }} />
        ) : (attachments.data ?? []).length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本措施还没有佐证材料，请先上传" />
        ) : (
          <Checkbox.Group style={{ width: '100%' }}>
            <Flex vertical gap={6}>
              {(attachments.data ?? []).map((attachment) => (
                <Checkbox key={attachment.id} value={attachment.id}>
                  {attachment.name}
                  <Typography.Text type="secondary"> （{formatFileSize(attachment.size)}）</Typography.Text>
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        )}
      </Form.Item>
      <AttachmentUploader
        measureId={measure.id}
        compact
        onUploaded={(attachment) =>
          form.setFieldValue('attachmentIds', [...(form.getFieldValue('attachmentIds') ?? []), attachment.id])
        }
      />
    </FormModal>
  );
}

interface ApproveValues {
  outcome: ApprovalOutcome;
  opinion?: string;
  stageOutcome?: string;
  longTermMechanism?: string;
  nextCheckpoint?: Dayjs | null;
}

/** 审核通过: 已完成, or 视同完成 with its stage outcome, long-term mechanism and next checkpoint (validateApproval). */
export function ApproveModal({
  measure,
  onClose,
  onConflict,
  onDone,
  defaultOutcome = 'completed',
}: ModalProps & { defaultOutcome?: ApprovalOutcome }) {
  const [form] = Form.useForm<ApproveValues>();
  const { message } = App.useApp();
  const approve = useApproveMeasure();
  const [errorText, setErrorText] = useState<string | null>(null);
  const outcome = Form.useWatch('outcome', form) ?? defaultOutcome;
  const deemed = outcome === 'deemed_completed';
  const today = chinaDate(new Date());

  const onFinish = (values: ApproveValues) => {
    setErrorText(null);
    const nextCheckpoint = values.nextCheckpoint ? values.nextCheckpoint.format('YYYY-MM-DD') : undefined;
    const input = {
      outcome: values.outcome,
      opinion: values.opinion?.trim() || undefined,
      ...(values.outcome === 'deemed_completed'
        ? {
            stageOutcome: values.stageOutcome?.trim(),
            longTermMechanism: values.longTermMechanism?.trim(),
            nextCheckpoint,
          }
        : {}),
    };
    // the same rule the API applies, so the user learns what is missing before anything is sent
    const errors = validateApproval(input, today);
    if (Object.keys(errors).length > 0) {
      form.setFields(
        Object.entries(errors).map(([name, messages]) => ({ name: name as keyof ApproveValues, errors: messages })),
      );
      return;
    }
    const label = `审核通过（${APPROVAL_OUTCOME_LABELS[values.outcome]}）`;
    const conflict: ConflictContext = {
      open: onConflict,
      state: {
        seen: measure,
        actionLabel: label,
        action: 'approve',
        changes: [
          { label: '状态', value: APPROVAL_OUTCOME_LABELS[values.outcome] },
          ...(input.opinion ? [{ label: '审核意见', value: input.opinion }] : []),
        ],
        reapply: (version) => approve.mutateAsync({ measureId: measure.id, version, ...input }),
      },
    };
    approve.mutate(
      { measureId: measure.id, version: measure.version, ...input },
      {
        onSuccess: () => {
          message.success(`已审核通过，措施${APPROVAL_OUTCOME_LABELS[values.outcome]}`);
          onDone?.();
          onClose();
        },
        onError: (error) =>
          handleSaveError({
            error,
            form,
            fieldNames: ['outcome', 'opinion', 'stageOutcome', 'longTermMechanism', 'nextCheckpoint'],
            setErrorText,
            conflict,
            closeForm: onClose,
          }),
      },
    );
  };

  return (
    <FormModal<ApproveValues>
      title="审核销号申请"
      form={form}
      onFinish={onFinish}
      onCancel={onClose}
      submitting={approve.isPending}
      okText="审核通过"
      errorText={errorText}
      initialValues={{ outcome: defaultOutcome }}
      width={640}
    >
      <MeasureHeading measure={measure} />
      <Form.Item label="审核结果" name="outcome" rules={[{ required: true, message: '请选择审核结果' }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'completed', label: '已完成，同意销号' },
            { value: 'deemed_completed', label: '视同完成，持续整改' },
          ]}
        />
      </Form.Item>
      {deemed && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="视同完成须写明阶段性成果、长效机制和下一检查节点，措施转为长期坚持并按节点检查。"
          />
          <Form.Item label="阶段性成果" name="stageOutcome" required>
            <Input.TextArea rows={3} maxLength={2000} showCount placeholder="已取得的阶段性整改成果" />
          </Form.Item>
          <Form.Item label="长效机制" name="longTermMechanism" required>
            <Input.TextArea rows={3} maxLength={2000} showCount placeholder="建立的制度、机制和持续整改安排" />
          </Form.Item>
          <Form.Item label="下一检查节点" name="nextCheckpoint" required>
            <DatePicker
              style={{ width: '100%' }}
              placeholder="选择日期（须晚于今天）"
              disabledDate={(date) => date.format('YYYY-MM-DD') <= today}
            />
          </Form.Item>
        </>
      )}
      <Form.Item label="审核意见" name="opinion" rules={[{ max: 2000, message: '审核意见不能超过 2000 字' }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder="选填" />
      </Form.Item>
    </FormModal>
  );
}

interface ReasonValues {
  reason: string;
}

const reasonRules = [
  {
    validator: (_: unknown, value: string | undefined) => {
      const problem = validateReason(value);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  },
  { max: 2000, message: '理由不能超过 2000 字' },
];

/** 退回 (a submission) or 重新打开 (a signed-off measure): both need a reason (validateReason). */
export function ReasonModal({
  measure,
  onClose,
  onConflict,
  onDone,
  kind,
}: ModalProps & { kind: 'return' | 'reopen' }) {
  const [form] = Form.useForm<ReasonValues>();
  const { message } = App.useApp();
  const returnMeasure = useReturnMeasure();
  const reopenMeasure = useReopenMeasure();
  const mutation = kind === 'return' ? returnMeasure : reopenMeasure;
  const [errorText, setErrorText] = useState<string | null>(null);
  const label = MEASURE_ACTION_LABELS[kind];

  const onFinish = ({ reason }: ReasonValues) => {
    setErrorText(null);
    const body = { reason: reason.trim() };
    const conflict: ConflictContext = {
      open: onConflict,
      state: {
        seen: measure,
        actionLabel: label,
        action: kind,
        changes: [
          { label: '状态', value: kind === 'return' ? '退回，继续整改' : '重新打开，继续整改' },
          { label: '理由', value: body.reason },
        ],
        reapply: (version) => mutation.mutateAsync({ measureId: measure.id, version, ...body }),
      },
    };
    mutation.mutate(
      { measureId: measure.id, version: measure.version, ...body },
      {
        onSuccess: () => {
          message.success(kind === 'return' ? '已退回，责任单位将继续整改' : '已重新打开，措施转为推进中');
          onDone?.();
          onClose();
        },
        onError: (error) =>
          handleSaveError({ error, form, fieldNames: ['reason'], setErrorText, conflict, closeForm: onClose }),
      },
    );
  };

  return (
    <FormModal<ReasonValues>
      title={kind === 'return' ? '退回销号申请' : '重新打开措施'}
      form={form}
      onFinish={onFinish}
      onCancel={onClose}
      submitting={mutation.isPending}
      okText={label}
      okDanger
      errorText={errorText}
    >
      <MeasureHeading measure={measure} />
      {kind === 'reopen' && (
        <Typography.Paragraph type="secondary">
          重新打开后措施回到“推进中”，各责任单位须重新报送进展并提交销号。{ROLL_UP_RULE}。
        </Typography.Paragraph>
      )}
      <Form.Item label={kind === 'return' ? '退回理由' : '重新打开理由'} name="reason" rules={reasonRules} required>
        <Input.TextArea
          rows={4}
          maxLength={2000}
          showCount
          placeholder={kind === 'return' ? '说明需要补充或整改的内容' : '如回头看发现问题反弹等'}
        />
      </Form.Item>
      {measure.deadline && (
        <Typography.Text type="secondary">当前完成时限：{formatDate(measure.deadline)}</Typography.Text>
      )}
    </FormModal>
  );
}

export { reasonRules };
