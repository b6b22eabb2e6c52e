import { Tag } from 'antd';
import type { SupervisionOrderStatus } from '../api/get-supervision-orders';

const ORDER_STATUS_COLORS: Record<SupervisionOrderStatus, string> = {
  open: 'blue',
  overdue: 'red',
  replied: 'green',
};

/** 待回复 blue, 逾期 red, 已回复 green; the label comes from the API. */
export function OrderStatusTag({ status, label }: { status: SupervisionOrderStatus; label: string }) {
  return (
    <Tag color={ORDER_STATUS_COLORS[status]} className="zg-status-tag">
      {label}
    </Tag>
  );
}
