import { Card, Empty, Flex, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { QueryError } from '@/components/errors/query-error';
import { useInspections, type Inspection } from '../api/get-inspections';
import { InspectionSwitcher, pickInspection } from './inspection-switcher';

/**
 * A page about one inspection (巡视/巡察轮次): the heading, the switcher (the choice kept in `?inspectionId=`), and
 * the page's body for the chosen inspection — remounted per inspection, so nothing typed for one carries over.
 */
export function InspectionPage({
  title,
  tag,
  subtitle,
  emptyText = '暂无巡视巡察数据，请先导入整改通报',
  children,
}: {
  title: string;
  /** a tag after the title (e.g. 只读) */
  tag?: ReactNode;
  /** beside the title; by default the chosen inspection's title */
  subtitle?: ReactNode;
  emptyText?: string;
  children: (inspection: Inspection) => ReactNode;
}) {
  const [searchParams, setSearchParams] = useSearchParams();
  const inspections = useInspections();
  if (inspections.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (inspections.isError) return <QueryError error={inspections.error} onRetry={() => inspections.refetch()} />;
  const inspection = pickInspection(inspections.data.items, searchParams.get('inspectionId'));
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={12} wrap className="zg-page-heading">
        <Flex align="baseline" gap={8} wrap style={{ minWidth: 0 }}>
          <Typography.Title level={3} className="zg-page-title">
            {title}
          </Typography.Title>
          {tag}
          {(subtitle ?? inspection?.title) && (
            <Typography.Text type="secondary">{subtitle ?? inspection?.title}</Typography.Text>
          )}
        </Flex>
        {inspection && (
          <InspectionSwitcher
            inspections={inspections.data.items}
            value={inspection.id}
            onChange={(id) => setSearchParams({ inspectionId: id })}
          />
        )}
      </Flex>
      {inspection ? (
        <div key={inspection.id}>{children(inspection)}</div>
      ) : (
        <Card variant="borderless">
          <Empty description={emptyText} />
        </Card>
      )}
    </Flex>
  );
}
