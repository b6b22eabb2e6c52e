import { Card, Flex, Tag, Typography } from 'antd';
import { chinaDate } from '@zhenggai/domain';
import { Link } from 'react-router';
import { formatDate } from '@/lib/format';
import type { PendingReport } from '../api/get-pending-reports';

const formPath = (report: PendingReport) =>
  `/report-rounds/${report.round.id}/form?unitId=${encodeURIComponent(report.unit.id)}`;

/** 待报送 (我的任务): the open rounds the unit still owes, with the due date and the way to the form. */
export function PendingReports({ reports, showUnit }: { reports: PendingReport[]; showUnit: boolean }) {
  const today = chinaDate(new Date());
  return (
    <Card variant="borderless" size="small" title={`待报送（${reports.length}）`}>
      <Flex vertical gap={12} role="list" aria-label="待报送">
        {reports.map((report) => (
          <Flex
            key={`${report.round.id}:${report.unit.id}`}
            role="listitem"
            justify="space-between"
            align="center"
            gap={12}
            wrap
          >
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>
                  {report.round.number} {report.round.title}
                </Typography.Text>
                {report.status === 'returned' && <Tag color="red">已退回</Tag>}
                {report.round.dueDate < today && <Tag color="red">逾期</Tag>}
              </Flex>
              <Typography.Text type="secondary">
                {showUnit ? `${report.unit.name} · ` : ''}截止报送 {formatDate(report.round.dueDate)}
              </Typography.Text>
              {report.status === 'returned' && report.returnReason && (
                <Typography.Text type="danger">退回原因：{report.returnReason}</Typography.Text>
              )}
            </Flex>
            <Link to={formPath(report)} aria-label={`去报送${report.round.number}`}>
              去报送
            </Link>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
