import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Segmented, Spin, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { useAllMeasures } from '@/features/measures/api/get-measures';
import {
  useSupervisionOrders,
  type SupervisionOrdersQuery,
} from '@/features/supervision-orders/api/get-supervision-orders';
import { OrderList } from '@/features/supervision-orders/components/order-list';
import { unitOptions, useUnits } from '@/features/units/api/get-units';
import { hasBusinessAccess, isOfficer, roleLabels, useSessionUser } from '@/lib/auth';
import { measureRef } from '@/lib/format';

type Filter = 'all' | 'open' | 'overdue' | 'replied';

const FILTERS: Array<{ value: Filter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'open', label: '待回复' },
  { value: 'overdue', label: '逾期' },
  { value: 'replied', label: '已回复' },
];

// the dialog's form (Form, DatePicker, its validator) loads when first opened, not with the page
const IssueOrderModal = lazy(() =>
  import('@/features/supervision-orders/components/issue-order-modal').then((m) => ({ default: m.IssueOrderModal })),
);

const FINISHED = new Set(['completed', 'deemed_completed']);

/** The issue dialog, fed by the units and measures features (features do not import each other). */
function IssueOrderDialog({ onClose }: { onClose: () => void }) {
  const [unitId, setUnitId] = useState<string | null>(null);
  const units = useUnits();
  const measures = useAllMeasures({ unitId: unitId ?? undefined, sort: 'official' }, { enabled: Boolean(unitId) });
  const navigate = useNavigate();
  const { message } = App.useApp();
  const measureOptions = useMemo(
    () =>
      (unitId ? (measures.data ?? []) : [])
        .filter((measure) => !FINISHED.has(measure.status))
        .map((measure) => ({
          value: measure.id,
          label: `${measureRef(measure.problemLabel, measure.seq)} ${measure.text}`,
        })),
    [measures.data, unitId],
  );
  return (
    <IssueOrderModal
      unitOptions={unitOptions(units.data ?? [])}
      unitsLoading={units.isPending}
      measureOptions={measureOptions}
      measuresLoading={Boolean(unitId) && measures.isFetching}
      onUnitChange={setUnitId}
      onClose={onClose}
      onIssued={(order) => {
        message.success(`已下发${order.number}`);
        onClose();
        navigate(`/supervision-orders/${order.id}`);
      }}
    />
  );
}

/** 督办单: the orders the task force issued (a unit sees its own), by status; officers issue new ones here. */
export function SupervisionOrdersRoute() {
  const { data: user } = useSessionUser();
  const [filter, setFilter] = useState<Filter>('all');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [issuing, setIssuing] = useState(false);
  const query: SupervisionOrdersQuery = { ...paging, ...(filter === 'all' ? {} : { status: filter }) };
  const business = Boolean(user && hasBusinessAccess(user));
  const orders = useSupervisionOrders(query);

  if (!user) return null;
  if (!business) return <NoAccess roleText={roleLabels(user).join('、')} />;
  const officer = isOfficer(user);

  return (
    <>
      <title>督办单 · 整改工作台</title>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          督办单
        </Typography.Title>
        <Flex gap={8} wrap align="center">
          <Segmented<Filter>
            aria-label="按状态筛选"
            value={filter}
            options={FILTERS}
            onChange={(value) => {
              setFilter(value);
              setPaging((prev) => ({ ...prev, page: 1 }));
            }}
          />
          {officer && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setIssuing(true)}>
              下发督办单
            </Button>
          )}
        </Flex>
      </Flex>
      {orders.isError ? (
        <QueryError error={orders.error} onRetry={() => orders.refetch()} />
      ) : orders.isPending ? (
        <Spin />
      ) : (
        <OrderList
          items={orders.data.items}
          total={orders.data.total}
          page={paging.page}
          pageSize={paging.pageSize}
          loading={orders.isFetching}
          onPageChange={(page, pageSize) => setPaging({ page, pageSize })}
        />
      )}
      {issuing && (
        <Suspense fallback={null}>
          <IssueOrderDialog onClose={() => setIssuing(false)} />
        </Suspense>
      )}
    </>
  );
}
