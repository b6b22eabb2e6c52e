import { Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { QueryError } from '@/components/errors/query-error';
import { EMPTY_TEXT, formatDate } from '@/lib/format';
import { useMeasureProgress } from '../api/get-measure-progress';

const loading = <Skeleton active title={false} paragraph={{ rows: 3 }} />;

/** 整改进展: the units' reports, newest first. */
export function ProgressTimeline({ measureId }: { measureId: string }) {
  const progress = useMeasureProgress(measureId);
  if (progress.isPending) return loading;
  if (progress.isError) return <QueryError error={progress.error} onRetry={() => progress.refetch()} />;
  if (progress.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无进展报送" />;
  return (
    <Timeline
      className="zg-timeline"
      items={progress.data.map((update) => ({
        key: update.id,
        content: (
          <div>
            <Typography.Text strong>{formatDate(update.reportedOn)}</Typography.Text>
            <Typography.Text type="secondary">
              {' '}
              {update.unit?.name ?? EMPTY_TEXT}
              {update.author && ` · ${update.author.name}`}
            </Typography.Text>
            <Typography.Paragraph className="zg-prose" style={{ margin: '4px 0 0' }}>
              {update.text}
            </Typography.Paragraph>
            {update.facts.length > 0 && (
              <Flex gap={6} wrap style={{ marginTop: 4 }}>
                {update.facts.map((fact) => (
                  <Tag key={fact.label}>
                    {fact.label}
                    {fact.done !== undefined && `：${fact.done}`}
                    {fact.total !== undefined && `/${fact.total}`}
                    {fact.unit}
                  </Tag>
                ))}
              </Flex>
            )}
          </div>
        ),
      }))}
    />
  );
}
