import { Card, Flex, Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { useSupervisionOrder } from '@/features/supervision-orders/api/get-supervision-orders';
import { OrderDetail } from '@/features/supervision-orders/components/order-detail';
import { LazyEvidencePicker as EvidencePicker } from '@/features/measures/components/lazy-evidence-picker';
import { hasBusinessAccess, isUnitUser, roleLabels, useSessionUser } from '@/lib/auth';

// only the unit that may reply sees the reply form (Form, Upload, Select): it loads for them, after the order shows
const ReplyForm = lazy(() =>
  import('@/features/supervision-orders/components/reply-form').then((m) => ({ default: m.ReplyForm })),
);

/** 督办单详情 (/supervision-orders/:id, where a notification leads): the unit's accounts reply here. */
export function SupervisionOrderRoute() {
  const { id = '' } = useParams();
  const { data: user } = useSessionUser();
  const order = useSupervisionOrder(id);

  if (!user) return null;
  if (!hasBusinessAccess(user)) return <NoAccess roleText={roleLabels(user).join('、')} />;
  if (order.isPending) {
    return (
      <Card variant="borderless" aria-busy="true" aria-label="正在加载督办单">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (order.isError) return <QueryError error={order.error} onRetry={() => order.refetch()} />;
  const data = order.data;
  const canReply = isUnitUser(user) && user.unitIds.includes(data.unit.id) && data.status !== 'replied';

  return (
    <>
      <title>{`${data.number} · 整改工作台`}</title>
      <Flex vertical gap={16}>
        <OrderDetail order={data} />
        {canReply && (
          <Suspense
            fallback={
              <Card variant="borderless" aria-busy="true" aria-label="正在加载回复表单">
                <Skeleton active paragraph={{ rows: 4 }} />
              </Card>
            }
          >
            <ReplyForm
              orderId={data.id}
              onRefused={() => order.refetch()}
              evidence={
                <EvidencePicker
                  measures={data.measures.map((measure) => ({
                    id: measure.id,
                    label: `${measure.label} ${measure.text}`,
                  }))}
                />
              }
            />
          </Suspense>
        )}
      </Flex>
    </>
  );
}
