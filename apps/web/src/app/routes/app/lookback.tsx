import { Card, Skeleton } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { useLookback, type Lookback } from '@/features/lookbacks/api/get-lookback';
import { LookbackDetail } from '@/features/lookbacks/components/lookback-detail';
import { lookbackPermissions } from '@/features/lookbacks/utils/permissions';
import { useAllMeasures } from '@/features/measures/api/get-measures';
import { hasBusinessAccess, roleLabels, useSessionUser } from '@/lib/auth';
import { EMPTY_TEXT, measureRef } from '@/lib/format';

// the dialog's form (Form, Select, its validator) loads when first opened, not with the page
const AddItemModal = lazy(() =>
  import('@/features/lookbacks/components/add-item-modal').then((m) => ({ default: m.AddItemModal })),
);

/** 加抽: the inspection's signed-off measures (from the measures feature) not yet in the sample. */
function AddItemDialog({ lookback, onClose }: { lookback: Lookback; onClose: () => void }) {
  const completed = useAllMeasures({ inspectionId: lookback.inspectionId, status: 'completed' });
  const deemed = useAllMeasures({ inspectionId: lookback.inspectionId, status: 'deemed_completed' });
  const options = useMemo(() => {
    const inSample = new Set(lookback.items.map((item) => item.measureId));
    return [...(completed.data ?? []), ...(deemed.data ?? [])]
      .filter((measure) => !inSample.has(measure.id))
      .map((measure) => ({
        value: measure.id,
        label: `${measureRef(measure.problemLabel, measure.seq)} ${measure.text}（${measure.leadUnit?.name ?? EMPTY_TEXT}，${measure.statusLabel}）`,
      }));
  }, [completed.data, deemed.data, lookback.items]);
  return (
    <AddItemModal
      lookbackId={lookback.id}
      options={options}
      loading={completed.isPending || deemed.isPending}
      onClose={onClose}
    />
  );
}

/** 回头看详情 (/lookbacks/:id): the draw, the rebound rate per unit, every item; officers record and finish. */
export function LookbackRoute() {
  const { id = '' } = useParams();
  const { data: user } = useSessionUser();
  const lookback = useLookback(id);
  const [adding, setAdding] = useState(false);

  if (!user) return null;
  if (!hasBusinessAccess(user)) return <NoAccess roleText={roleLabels(user).join('、')} />;
  if (lookback.isPending) {
    return (
      <Card variant="borderless" aria-busy="true" aria-label="正在加载回头看">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (lookback.isError) return <QueryError error={lookback.error} onRetry={() => lookback.refetch()} />;
  const data = lookback.data;
  return (
    <>
      <title>{`${data.number} · 回头看 · 整改工作台`}</title>
      <LookbackDetail lookback={data} permissions={lookbackPermissions(user, data)} onAddItem={() => setAdding(true)} />
      {adding && (
        <Suspense fallback={null}>
          <AddItemDialog lookback={data} onClose={() => setAdding(false)} />
        </Suspense>
      )}
    </>
  );
}
