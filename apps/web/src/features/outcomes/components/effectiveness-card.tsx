import { EditOutlined } from '@ant-design/icons';
import type { EffectivenessRating } from '@zhenggai/domain';
import { Button, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { formatDateTime } from '@/lib/format';
import { useEffectiveness } from '../api/effectiveness';

const COLORS: Record<EffectivenessRating, string> = { good: 'green', fair: 'blue', average: 'gold', poor: 'red' };

// the form (Form, Radio, TextArea) loads when the officer opens it
const EvaluationForm = lazy(() => import('./effectiveness-form').then((m) => ({ default: m.EvaluationForm })));

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
        <Suspense fallback={<Skeleton active paragraph={{ rows: 2 }} />}>
          <EvaluationForm current={current} onDone={() => setEditing(false)} />
        </Suspense>
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
