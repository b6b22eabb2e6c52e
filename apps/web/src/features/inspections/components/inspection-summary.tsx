import { Card, Descriptions, Skeleton, Typography, type DescriptionsProps } from 'antd';
import { formatChineseDate, EMPTY_TEXT } from '@/lib/format';
import type { Inspection } from '../api/get-inspections';

const KIND_LABELS: Record<Inspection['kind'], string> = { xunshi: '巡视', xuncha: '巡察' };

export function InspectionSummary({ inspection }: { inspection: Inspection }) {
  const kind = KIND_LABELS[inspection.kind];
  const items: DescriptionsProps['items'] = [
    { key: 'group', label: `${kind}组`, children: inspection.group ?? EMPTY_TEXT },
    { key: 'feedbackDate', label: '反馈时间', children: formatChineseDate(inspection.feedbackDate) },
    { key: 'type', label: `${kind}类型`, children: inspection.inspectionType ?? EMPTY_TEXT },
    { key: 'target', label: `被${kind}单位`, children: inspection.target ?? EMPTY_TEXT },
  ];
  return (
    <Card className="zg-inspection" variant="borderless">
      <Typography.Title level={4} className="zg-inspection-title">
        {inspection.title}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={items} />
    </Card>
  );
}

export function InspectionSummarySkeleton() {
  return (
    <Card variant="borderless" aria-busy="true" aria-label="正在加载巡视信息">
      <Skeleton active title={{ width: '60%' }} paragraph={{ rows: 1 }} />
    </Card>
  );
}
