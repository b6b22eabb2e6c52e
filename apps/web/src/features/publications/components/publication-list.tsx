import { Badge, Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { formatDate, formatDateTime } from '@/lib/format';
import type { PublicationSummary } from '../api/get-publications';
import { PublicationStatusTag } from './publication-status';

/** The notices of an inspection, newest first; the one shown below is highlighted. */
export function PublicationList({
  items,
  selectedId,
  loading,
  onSelect,
}: {
  items: PublicationSummary[];
  selectedId: string | null;
  loading: boolean;
  onSelect: (id: string) => void;
}) {
  const columns: TableColumnsType<PublicationSummary> = [
    {
      key: 'title',
      title: '标题',
      render: (_, item) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => onSelect(item.id)}
        >
          {item.title}
        </Button>
      ),
    },
    { key: 'status', title: '状态', width: 88, render: (_, item) => <PublicationStatusTag publication={item} /> },
    {
      key: 'period',
      title: '公开期限',
      width: 200,
      render: (_, item) => `${formatDate(item.publicityFrom)} 至 ${formatDate(item.publicityTo)}`,
    },
    {
      key: 'feedback',
      title: '意见建议',
      width: 112,
      render: (_, item) => (
        <Flex align="center" gap={8}>
          <span>{item.feedbackCount} 条</span>
          {item.unreadFeedbackCount > 0 && (
            <Badge count={item.unreadFeedbackCount} size="small" aria-label={`${item.unreadFeedbackCount} 条未处理`} />
          )}
        </Flex>
      ),
    },
    {
      key: 'updated',
      title: '最近更新',
      width: 150,
      render: (_, item) => (
        <Typography.Text type="secondary">{formatDateTime(item.publishedAt ?? item.updatedAt)}</Typography.Text>
      ),
    },
  ];
  return (
    <Table<PublicationSummary>
      aria-label="通报公开记录"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      rowClassName={(item) => (item.id === selectedId ? 'ant-table-row-selected' : '')}
      onRow={(item) => ({ onClick: () => onSelect(item.id), style: { cursor: 'pointer' } })}
    />
  );
}
