import { Badge, Card, Flex, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { useExtensions } from '@/features/measures/api/get-extensions';
import { useMeasures } from '@/features/measures/api/get-measures';
import { ExtensionQueue, ReviewQueueSkeleton, SignOffQueue } from '@/features/measures/components/review-queue';
import { actorOf } from '@/features/measures/utils/permissions';
import { hasBusinessAccess, isOfficer, roleLabels, useSessionUser, type SessionUser } from '@/lib/auth';

const PAGE_SIZE = 20;

function positive(value: string | null): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : 1;
}

function ReviewsPage({ user }: { user: SessionUser }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = searchParams.get('tab') === 'extensions' ? 'extensions' : 'signoff';
  const page = positive(searchParams.get('page'));
  const actor = useMemo(() => actorOf(user), [user]);
  // earliest deadline first: the most urgent submissions are decided first
  const submissions = useMeasures({
    status: 'pending_review',
    sort: 'deadline',
    page: tab === 'signoff' ? page : 1,
    pageSize: PAGE_SIZE,
  });
  const extensions = useExtensions({ status: 'pending', page: tab === 'extensions' ? page : 1, pageSize: PAGE_SIZE });
  const go = (next: { tab?: string; page?: number }) => {
    const params = new URLSearchParams();
    const nextTab = next.tab ?? tab;
    if (nextTab === 'extensions') params.set('tab', 'extensions');
    if (next.page && next.page > 1) params.set('page', String(next.page));
    setSearchParams(params);
  };
  const label = (text: string, count: number | undefined) => (
    <Flex align="center" gap={6}>
      {text}
      <Badge count={count ?? 0} showZero color={count ? '#d92d20' : '#98a2b3'} overflowCount={999} />
    </Flex>
  );
  return (
    <Card variant="borderless">
      <Tabs
        activeKey={tab}
        onChange={(key) => go({ tab: key, page: 1 })}
        items={[
          {
            key: 'signoff',
            label: label('销号审核', submissions.data?.total),
            children: submissions.isPending ? (
              <ReviewQueueSkeleton />
            ) : submissions.isError ? (
              <QueryError error={submissions.error} onRetry={() => submissions.refetch()} />
            ) : (
              <SignOffQueue
                page={submissions.data}
                actor={actor}
                pageNumber={page}
                onPageChange={(next) => go({ page: next })}
              />
            ),
          },
          {
            key: 'extensions',
            label: label('延期审批', extensions.data?.total),
            children: extensions.isPending ? (
              <ReviewQueueSkeleton />
            ) : extensions.isError ? (
              <QueryError error={extensions.error} onRetry={() => extensions.refetch()} />
            ) : (
              <ExtensionQueue page={extensions.data} pageNumber={page} onPageChange={(next) => go({ page: next })} />
            ),
          },
        ]}
      />
    </Card>
  );
}

export function ReviewsRoute() {
  const { data: user } = useSessionUser();
  if (!user) return null;
  if (!hasBusinessAccess(user)) return <NoAccess roleText={roleLabels(user).join('、')} />;
  if (!isOfficer(user)) {
    return (
      <NoAccess
        title="此页面供整改专班使用"
        detail="销号审核和延期审批由整改专班办理。您可以在“整改台账”中查看各项措施的审核情况。"
      />
    );
  }
  return (
    <>
      <title>待我审核 · 整改工作台</title>
      <Flex align="baseline" gap={8} wrap className="zg-page-heading">
        <Typography.Title level={3} className="zg-page-title">
          待我审核
        </Typography.Title>
        <Typography.Text type="secondary">责任单位提交的销号申请和延期申请</Typography.Text>
      </Flex>
      <ReviewsPage user={user} />
    </>
  );
}
