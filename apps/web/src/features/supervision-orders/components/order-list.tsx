import { Card, Empty, Flex, Grid, Pagination, Table, Typography, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import { formatDate, formatDateTime } from '@/lib/format';
import type { SupervisionOrder } from '../api/get-supervision-orders';
import { OrderStatusTag } from './order-status-tag';

interface OrderListProps {
  items: SupervisionOrder[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

const measureLabels = (order: SupervisionOrder) => order.measures.map((measure) => measure.label).join('、');

const COLUMNS: TableColumnsType<SupervisionOrder> = [
  { title: '编号', dataIndex: 'number', key: 'number', width: 160 },
  { title: '督办单位', key: 'unit', render: (_value, order) => order.unit.name },
  { title: '事项', key: 'measures', render: (_value, order) => measureLabels(order) },
  { title: '回复期限', dataIndex: 'replyBy', key: 'replyBy', width: 120, render: (value: string) => formatDate(value) },
  {
    title: '状态',
    key: 'status',
    width: 100,
    render: (_value, order) => <OrderStatusTag status={order.status} label={order.statusLabel} />,
  },
  {
    title: '下发时间',
    dataIndex: 'issuedAt',
    key: 'issuedAt',
    width: 160,
    render: (value: string) => formatDateTime(value),
  },
];

/** The orders as a table on a desktop and as cards at phone width; a click opens the order. */
export function OrderList({ items, total, page, pageSize, loading, onPageChange }: OrderListProps) {
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const open = (order: SupervisionOrder) => navigate(`/supervision-orders/${order.id}`);

  if (!screens.md) {
    return (
      <Flex vertical gap={12}>
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无督办单" />
        ) : (
          <Flex vertical gap={8} role="list" aria-label="督办单">
            {items.map((order) => (
              <Card key={order.id} size="small" role="listitem" hoverable onClick={() => open(order)}>
                <Flex justify="space-between" align="center" gap={8} wrap>
                  <Typography.Text strong>{order.number}</Typography.Text>
                  <OrderStatusTag status={order.status} label={order.statusLabel} />
                </Flex>
                <Typography.Paragraph style={{ margin: '4px 0 0' }}>
                  {order.unit.name} · {measureLabels(order)}
                </Typography.Paragraph>
                <Typography.Text type="secondary">回复期限 {formatDate(order.replyBy)}</Typography.Text>
              </Card>
            ))}
          </Flex>
        )}
        <Pagination
          align="end"
          size="small"
          current={page}
          pageSize={pageSize}
          total={total}
          showTotal={(count) => `共 ${count} 条`}
          onChange={onPageChange}
        />
      </Flex>
    );
  }

  return (
    <section aria-label="督办单列表">
      <Table<SupervisionOrder>
        rowKey="id"
        columns={COLUMNS}
        dataSource={items}
        loading={loading}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无督办单" /> }}
        onRow={(order) => ({ onClick: () => open(order), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize, total, showTotal: (count) => `共 ${count} 条`, onChange: onPageChange }}
      />
    </section>
  );
}
