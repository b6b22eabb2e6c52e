import { Alert, App, Button, Card, Flex, Form, InputNumber, Typography } from 'antd';
import {
  checkScoringWeights,
  DEDUCTION_WEIGHT_FIELDS,
  describeScoringFormula,
  MAX_SCORING_DEDUCTION,
  POSITIVE_WEIGHT_FIELDS,
  SCORING_SCALE,
  SCORING_WEIGHT_FIELDS,
  SCORING_WEIGHT_LABELS,
  type ScoringWeightField,
  type ScoringWeights,
} from '@zhenggai/domain';
import { useState } from 'react';
import { QueryError } from '@/components/errors/query-error';
import { errorMessage, isApiError, isVersionConflict } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useScoringPolicy, type ScoringPolicy } from '../api/get-scoring-policy';
import { useUpdateScoringPolicy } from '../api/update-scoring-policy';

type WeightValues = Record<ScoringWeightField, number | null>;

const toValues = (weights: ScoringWeights): WeightValues => ({ ...weights });

// a cleared input counts as 0 in the preview; the check still refuses it
const toWeights = (values: Partial<WeightValues>): ScoringWeights =>
  Object.fromEntries(SCORING_WEIGHT_FIELDS.map((field) => [field, values[field] ?? 0])) as unknown as ScoringWeights;

const checkValues = (values: Partial<WeightValues>): Record<string, string[]> =>
  checkScoringWeights(
    Object.fromEntries(SCORING_WEIGHT_FIELDS.map((field) => [field, values[field]])) as unknown as ScoringWeights,
  );

/**
 * 评分权重 of an inspection (officers): one number per weight, the formula previewed and checked as typed by the
 * same rule the API applies. The form keeps the version it started from; a 409 loads what another officer saved.
 */
export function ScoringWeightsForm({ inspectionId }: { inspectionId: string }) {
  const policy = useScoringPolicy(inspectionId);
  if (policy.isError) return <QueryError error={policy.error} onRetry={() => policy.refetch()} />;
  if (!policy.data) return <Card title="评分权重" loading />;
  return (
    <WeightsEditor
      inspectionId={inspectionId}
      initial={policy.data}
      reload={async () => (await policy.refetch()).data}
    />
  );
}

function WeightsEditor({
  inspectionId,
  initial,
  reload,
}: {
  inspectionId: string;
  /** the policy as first read: a background refetch must not move the version the user started from */
  initial: ScoringPolicy;
  reload: () => Promise<ScoringPolicy | undefined>;
}) {
  const update = useUpdateScoringPolicy(inspectionId);
  const [form] = Form.useForm<WeightValues>();
  const { message } = App.useApp();
  const [base, setBase] = useState<ScoringPolicy>(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const watched = Form.useWatch([], form) as Partial<WeightValues> | undefined;
  const values = watched ?? toValues(base.weights);
  const errors = checkValues(values);
  const valid = Object.keys(errors).length === 0;

  const load = (data: ScoringPolicy) => {
    setBase(data);
    setProblems([]);
    form.setFieldsValue(toValues(data.weights));
  };

  const onFinish = (input: WeightValues) => {
    if (Object.keys(checkValues(input)).length > 0) return;
    update.mutate(
      { version: base.version, weights: toWeights(input) },
      {
        onSuccess: (saved) => {
          load(saved);
          message.success('评分权重已保存，排名已按新权重计算');
        },
        onError: async (error) => {
          if (isVersionConflict(error)) {
            message.warning('评分权重已被其他人修改，已载入最新权重，请确认后再保存');
            const fresh = await reload();
            if (fresh) load(fresh);
            return;
          }
          setProblems(isApiError(error) && error.errors ? Object.values(error.errors).flat() : [errorMessage(error)]);
        },
      },
    );
  };

  const field = (name: ScoringWeightField, positive: boolean) => (
    <Form.Item
      key={name}
      name={name}
      label={positive ? `${SCORING_WEIGHT_LABELS[name]}（满分）` : `${SCORING_WEIGHT_LABELS[name]}（每次扣分）`}
      validateStatus={errors[name] ? 'error' : undefined}
      help={errors[name]?.join('；')}
    >
      <InputNumber
        min={0}
        max={positive ? SCORING_SCALE : MAX_SCORING_DEDUCTION}
        precision={positive ? 0 : undefined}
        suffix="分"
        style={{ width: 150 }}
      />
    </Form.Item>
  );

  return (
    <Card title="评分权重" variant="borderless">
      <Typography.Paragraph type="secondary">
        完成率、按期率、报送及时率为满分分值（整数，合计 {SCORING_SCALE} 分）；退回、反弹、被催办为每次扣分（0 至{' '}
        {MAX_SCORING_DEDUCTION} 分，最多一位小数）。
      </Typography.Paragraph>
      <Alert
        type={valid ? 'info' : 'warning'}
        showIcon
        title={describeScoringFormula(toWeights(values))}
        aria-label="公式预览"
        style={{ marginBottom: 16 }}
      />
      {(errors.weights || problems.length > 0) && (
        <Alert
          type="error"
          showIcon
          title={[...(errors.weights ?? []), ...problems].join('；')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<WeightValues>
        form={form}
        layout="vertical"
        aria-label="评分权重"
        initialValues={toValues(initial.weights)}
        onFinish={onFinish}
      >
        <Flex gap={16} wrap>
          {POSITIVE_WEIGHT_FIELDS.map((name) => field(name, true))}
        </Flex>
        <Flex gap={16} wrap>
          {DEDUCTION_WEIGHT_FIELDS.map((name) => field(name, false))}
        </Flex>
        <Flex gap={12} align="center" wrap>
          <Button type="primary" htmlType="submit" loading={update.isPending} disabled={!valid}>
            保存权重
          </Button>
          <Button onClick={() => load(base)} disabled={update.isPending}>
            重置
          </Button>
          <Typography.Text type="secondary">
            {base.isDefault
              ? '当前为默认权重'
              : base.updatedBy && `${base.updatedBy.name} 于 ${formatDateTime(base.updatedAt)} 修改`}
          </Typography.Text>
        </Flex>
      </Form>
    </Card>
  );
}
