import { Card, Flex, Segmented, Skeleton, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import {
  useCheckpointReviews,
  type CheckpointReviewItem,
} from '@/features/checkpoint-reviews/api/get-checkpoint-reviews';
import { CheckpointReviewTable } from '@/features/checkpoint-reviews/components/checkpoint-review-table';
import { canReviewCheckpoints } from '@/features/checkpoint-reviews/utils/permissions';
import { InspectionPage } from '@/features/inspections/components/inspection-page';
import { hasBusinessAccess, roleLabels, useSessionUser } from '@/lib/auth';

// the dialog's form (Form, DatePicker, its validator) loads when first opened, not with the page
const ReviewCheckpointModal = lazy(() =>
  import('@/features/checkpoint-reviews/components/review-checkpoint-modal').then((m) => ({
    default: m.ReviewCheckpointModal,
  })),
);

const PAGE_SIZE = 20;
type Status = 'pending' | 'done';

function Reviews({ inspectionId, canReview }: { inspectionId: string; canReview: boolean }) {
  const [status, setStatus] = useState<Status>('pending');
  const [page, setPage] = useState(1);
  const [reviewing, setReviewing] = useState<CheckpointReviewItem | null>(null);
  const reviews = useCheckpointReviews({ inspectionId, status, page, pageSize: PAGE_SIZE });
  return (
    <Flex vertical gap={12}>
      <Segmented<Status>
        value={status}
        onChange={(value) => {
          setStatus(value);
          setPage(1);
        }}
        options={[
          { value: 'pending', label: '待评估' },
          { value: 'done', label: '已评估' },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <Card variant="borderless" size="small">
        {reviews.isError ? (
          <QueryError error={reviews.error} onRetry={() => reviews.refetch()} />
        ) : reviews.isPending ? (
          <Skeleton active paragraph={{ rows: 4 }} />
        ) : (
          <CheckpointReviewTable
            status={status}
            data={reviews.data}
            loading={reviews.isFetching}
            page={page}
            pageSize={PAGE_SIZE}
            onPageChange={setPage}
            onReview={canReview ? setReviewing : undefined}
          />
        )}
      </Card>
      {reviewing && (
        <Suspense fallback={null}>
          <ReviewCheckpointModal item={reviewing} onClose={() => setReviewing(null)} />
        </Suspense>
      )}
    </Flex>
  );
}

/** 检查节点评估: due checkpoints of 视同完成 measures; officers review them, supervisors and units read. */
export function CheckpointReviewsRoute() {
  const { data: user } = useSessionUser();
  if (!user) return null;
  if (!hasBusinessAccess(user)) return <NoAccess roleText={roleLabels(user).join('、')} />;
  const canReview = canReviewCheckpoints(user);
  return (
    <>
      <title>检查节点评估 · 整改工作台</title>
      <InspectionPage title="检查节点评估" tag={canReview ? null : <Tag color="default">只读</Tag>}>
        {(inspection) => <Reviews inspectionId={inspection.id} canReview={canReview} />}
      </InspectionPage>
    </>
  );
}
