import { Card, Descriptions, Flex, Skeleton, Typography, type DescriptionsProps } from 'antd';
import { MEASURE_TERM_LABELS } from '@zhenggai/domain';
import { LightIndicator } from '@/components/ui/light-indicator';
import { EMPTY_TEXT, formatDate } from '@/lib/format';
import type { ProblemDetail } from '../api/get-problem';
import { ProblemStatusTag } from '@/components/ui/status-tags';

/** The problem itself: its number, title, state, who leads it, what it is and how its rectification stands. */
export function ProblemDetailView({ problem }: { problem: ProblemDetail }) {
  const items: DescriptionsProps['items'] = [
    { key: 'category', label: '问题类别', children: problem.categoryTitle ?? EMPTY_TEXT },
    { key: 'leadUnit', label: '牵头单位', children: problem.leadUnit?.name ?? EMPTY_TEXT },
    { key: 'leadLeader', label: '牵头领导', children: problem.leadLeader?.name ?? EMPTY_TEXT },
    { key: 'deadline', label: '最近时限', children: formatDate(problem.deadline) },
    { key: 'term', label: '整改类型', children: MEASURE_TERM_LABELS[problem.term] ?? EMPTY_TEXT },
    {
      key: 'progress',
      label: '措施完成',
      children: `${problem.completedMeasureCount}/${problem.measureCount}`,
    },
  ];
  return (
    <Card variant="borderless">
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Typography.Title level={4} className="zg-problem-title">
          <span className="zg-problem-label">{problem.label}</span>
          {problem.title}
        </Typography.Title>
        <Flex gap={8} align="center">
          <ProblemStatusTag status={problem.status} label={problem.statusLabel} />
          <LightIndicator light={problem.light} />
        </Flex>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
      {problem.description && (
        <section className="zg-text-section">
          <Typography.Title level={5}>问题表现</Typography.Title>
          <Typography.Paragraph className="zg-prose">{problem.description}</Typography.Paragraph>
        </section>
      )}
      {problem.overview && (
        <section className="zg-text-section">
          <Typography.Title level={5}>整改情况</Typography.Title>
          <Typography.Paragraph className="zg-prose">{problem.overview}</Typography.Paragraph>
        </section>
      )}
    </Card>
  );
}

export function ProblemDetailSkeleton() {
  return (
    <Flex vertical gap={16} aria-busy="true" aria-label="正在加载问题详情">
      <Card variant="borderless">
        <Skeleton active title={{ width: '50%' }} paragraph={{ rows: 3 }} />
      </Card>
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    </Flex>
  );
}
