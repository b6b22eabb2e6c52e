import { Form, Input, InputNumber } from 'antd';
import { chinaDate, SAMPLE_SEED_PATTERN } from '@zhenggai/domain';
import { useState } from 'react';
import { FormModal } from '@/components/ui/form-modal';
import { errorMessage, isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useCreateLookback } from '../api/create-lookback';
import type { Lookback } from '../api/get-lookback';

interface Values {
  title: string;
  sampleRatePct: number;
  seed?: string;
}

const FIELDS = ['title', 'sampleRatePct', 'seed'] as const;
const TITLE_MAX = 100;
export const DEFAULT_SAMPLE_RATE_PCT = 10;

/**
 * 发起回头看: a name, the share of the signed-off measures to draw (stratified by lead unit, at least one each), and
 * an optional seed — the same seed on the same ledger draws the same sample again.
 */
export function CreateLookbackModal({
  inspectionId,
  onClose,
  onCreated,
}: {
  inspectionId: string;
  onClose: () => void;
  onCreated: (lookback: Lookback) => void;
}) {
  const [form] = Form.useForm<Values>();
  const create = useCreateLookback(inspectionId);
  const [errorText, setErrorText] = useState<string | null>(null);
  const [initialValues] = useState<Values>(() => ({
    title: `${chinaDate(new Date()).slice(0, 4)}年整改“回头看”`,
    sampleRatePct: DEFAULT_SAMPLE_RATE_PCT,
  }));

  const submit = (values: Values) => {
    setErrorText(null);
    const seed = values.seed?.trim();
    create.mutate(
      { title: values.title.trim(), sampleRatePct: values.sampleRatePct, ...(seed ? { seed } : {}) },
      {
        onSuccess: onCreated,
        onError: (error) => {
          const unplaced = applyFieldErrors(form, error, FIELDS);
          const placed = isApiError(error) && Boolean(error.errors);
          if (unplaced.length > 0) setErrorText(unplaced.join('；'));
          else if (!placed) setErrorText(errorMessage(error, '发起回头看失败，请稍后重试'));
        },
      },
    );
  };

  return (
    <FormModal<Values>
      title="发起回头看"
      form={form}
      onFinish={submit}
      onCancel={onClose}
      submitting={create.isPending}
      okText="发起"
      errorText={errorText}
      initialValues={initialValues}
      width={560}
    >
      <Form.Item
        name="title"
        label="名称"
        rules={[
          { required: true, whitespace: true, message: '请填写回头看名称' },
          { max: TITLE_MAX, message: `不能超过 ${TITLE_MAX} 个字` },
        ]}
      >
        <Input maxLength={TITLE_MAX} />
      </Form.Item>
      <Form.Item
        name="sampleRatePct"
        label="抽样比例"
        extra="从已销号（已完成、视同完成）的措施中按单位分层抽取，每个单位至少抽取 1 项"
        rules={[{ required: true, message: '请填写抽样比例' }]}
      >
        <InputNumber min={1} max={100} precision={0} suffix="%" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="seed"
        label="随机种子"
        extra="可不填，由系统随机生成；填写相同的随机种子，对同一台账会重新抽出相同的样本，便于复核"
        rules={[{ pattern: SAMPLE_SEED_PATTERN, message: '随机种子为 1 至 32 位字母、数字、“-”或“_”' }]}
      >
        <Input maxLength={32} placeholder="可选，如 demo2024" allowClear />
      </Form.Item>
    </FormModal>
  );
}
