import { EditOutlined } from '@ant-design/icons';
import { EFFECTIVENESS_RATING_LABELS, EFFECTIVENESS_RATINGS, type EffectivenessRating } from '@zhenggai/domain';
import { App, Button, Card, Flex, Form, Input, Radio, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, isApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useEffectiveness, useUpdateEffectiveness, type Effectiveness } from '../api/effectiveness';

const COLORS: Record<EffectivenessRating, string> = { good: 'green', fair: 'blue', average: 'gold', poor: 'red' };

interface Values {
  rating: EffectivenessRating;
  text: string;
}

function EvaluationForm({ current, onDone }: { current: Effectiveness; onDone: () => void }) {
  const update = useUpdateEffectiveness(current.problemId);
  const { message } = App.useApp();
  // the version the officer started from: a background refetch must not move it (a stale save is 409)
  const [version] = useState(current.version);
  const submit = (values: Values) =>
    update.mutate(
      { version, rating: values.rating, text: values.text },
      {
        onSuccess: () => {
          message.success('成效评估已保存');
          onDone();
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            message.warning('该评估已被他人修改，已载入最新评估，请核对后重新保存');
            onDone();
          } else message.error(errorMessage(error, '保存失败，请稍后重试'));
        },
      },
    );
  return (
    <Form<Values>
      layout="vertical"
      aria-label="成效评估"
      initialValues={{ rating: current.rating ?? undefined, text: current.text ?? '' }}
      onFinish={submit}
    >
      <Form.Item name="rating" label="整改成效" rules={[{ required: true, message: '请选择整改成效' }]}>
        <Radio.Group
          optionType="button"
          options={EFFECTIVENESS_RATINGS.map((rating) => ({
            value: rating,
            label: EFFECTIVENESS_RATING_LABELS[rating],
          }))}
        />
      </Form.Item>
      <Form.Item
        name="text"
        label="评估意见"
        rules={[
          { required: true, whitespace: true, message: '请填写评估意见' },
          { max: 2000, message: '评估意见不超过 2000 字' },
        ]}
      >
        <Input.TextArea rows={3} placeholder="整改是否到位、群众是否满意、长效机制是否建立等" />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          保存评估
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Flex>
    </Form>
  );
}

/** 成效评估 of a signed-off problem: shown to all who see the problem; officers rate it (好, 较好, 一般, 差). */
export function EffectivenessCard({ problemId, canEdit }: { problemId: string; canEdit: boolean }) {
  const effectiveness = useEffectiveness(problemId);
  const [editing, setEditing] = useState(false);
  if (effectiveness.isPending) {
    return (
      <Card variant="borderless" title="成效评估">
        <Skeleton active paragraph={{ rows: 2 }} />
      </Card>
    );
  }
  if (effectiveness.isError) return null;
  const current = effectiveness.data;
  if (!current.evaluable && !current.rating) return null;
  return (
    <Card
      variant="borderless"
      title="成效评估"
      extra={
        canEdit &&
        current.evaluable &&
        !editing && (
          <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
            {current.rating ? '修改评估' : '开展评估'}
          </Button>
        )
      }
    >
      {editing ? (
        <EvaluationForm current={current} onDone={() => setEditing(false)} />
      ) : current.rating ? (
        <Flex vertical gap={4}>
          <Flex gap={8} align="center">
            <Tag color={COLORS[current.rating]}>成效{current.ratingLabel}</Tag>
            <Typography.Text type="secondary">
              {current.evaluatedBy?.name} · {formatDateTime(current.evaluatedAt)}
            </Typography.Text>
          </Flex>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {current.text}
          </Typography.Paragraph>
        </Flex>
      ) : (
        <Typography.Text type="secondary">该问题已销号，尚未开展成效评估。</Typography.Text>
      )}
    </Card>
  );
}
