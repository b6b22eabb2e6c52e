import { Button, Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatDateTime, EMPTY_TEXT } from '@/lib/format';
import type { CheckpointReviewItem, CheckpointReviewPage } from '../api/get-checkpoint-reviews';

function columns(status: 'pending' | 'done', onReview?: (item: CheckpointReviewItem) => void) {
  const list: TableColumnsType<CheckpointReviewItem> = [
    {
      title: '措施',
      key: 'measure',
      render: (_value, item) => (
        <Link to={`/problems/${item.problemId}#measure-${item.measureId}`}>
          {item.measureLabel} {item.measureText}
        </Link>
      ),
    },
    {
      title: '单位',
      key: 'units',
      width: 160,
      render: (_value, item) => item.units.map((unit) => unit.name).join('、') || EMPTY_TEXT,
    },
    { title: '检查节点', key: 'title', width: 140, render: (_value, item) => item.title ?? '阶段检查' },
    { title: '到期日', dataIndex: 'dueOn', key: 'dueOn', width: 110, render: (value: string) => formatDate(value) },
    {
      title: '逾期天数',
      dataIndex: 'daysOverdue',
      key: 'daysOverdue',
      width: 90,
      render: (value: number) =>
        value > 0 ? (
          <Typography.Text type="danger">{value} 天</Typography.Text>
        ) : (
          <Typography.Text>当天</Typography.Text>
        ),
    },
  ];
  if (status === 'done') {
    list.push({
      title: '评估结论',
      key: 'outcome',
      render: (_value, item) => (
        <Flex vertical gap={2}>
          <span>
            <Tag color={item.outcome === 'reached' ? 'green' : 'red'}>{item.outcomeLabel ?? EMPTY_TEXT}</Tag>
            {item.measureStatusLabel}
          </span>
          {item.opinion && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{item.opinion}</Typography.Text>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.reviewedBy?.name ?? EMPTY_TEXT} · {formatDateTime(item.reviewedAt)}
          </Typography.Text>
        </Flex>
      ),
    });
  } else if (onReview) {
    list.push({
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_value, item) => (
        <Button size="small" type="primary" onClick={() => onReview(item)} aria-label={`评估${item.measureLabel}`}>
          评估
        </Button>
      ),
    });
  }
  return list;
}

/** The due checkpoints, a page at a time; officers open 评估 from a pending row. */
export function CheckpointReviewTable({
  status,
  data,
  loading,
  page,
  pageSize,
  onPageChange,
  onReview,
}: {
  status: 'pending' | 'done';
  data: CheckpointReviewPage;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  onReview?: (item: CheckpointReviewItem) => void;
}) {
  return (
    <Table<CheckpointReviewItem>
      rowKey="checkpointId"
      size="small"
      aria-label={status === 'pending' ? '待评估检查节点' : '已评估检查节点'}
      columns={columns(status, onReview)}
      dataSource={data.items}
      loading={loading}
      scroll={{ x: 860 }}
      pagination={{
        current: page,
        pageSize,
        total: data.total,
        showSizeChanger: false,
        hideOnSinglePage: true,
        onChange: onPageChange,
      }}
      locale={{
        emptyText: (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={status === 'pending' ? '暂无待评估的检查节点' : '暂无已评估的检查节点'}
          />
        ),
      }}
    />
  );
}
