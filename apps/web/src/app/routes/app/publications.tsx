import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import type { Inspection } from '@/features/inspections/api/get-inspections';
import { InspectionPage } from '@/features/inspections/components/inspection-page';
import { usePublications } from '@/features/publications/api/get-publications';
import { PublicationDetail, preloadPublicationTab } from '@/features/publications/components/publication-detail';
import { PublicationList } from '@/features/publications/components/publication-list';
import { hasBusinessAccess, isOfficer, roleLabels, useSessionUser } from '@/lib/auth';

// the dialog's form loads when first opened, not with the page
const CreatePublicationModal = lazy(() =>
  import('@/features/publications/components/create-publication-modal').then((m) => ({
    default: m.CreatePublicationModal,
  })),
);

function InspectionPublications({ inspection }: { inspection: Inspection }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const publications = usePublications(inspection.id);
  const [creating, setCreating] = useState(false);

  const select = (publicationId: string) => setSearchParams({ inspectionId: inspection.id, publicationId });
  const requested = searchParams.get('publicationId');
  // the notice named in the URL, else the newest
  const selected = publications.data?.find((item) => item.id === requested) ?? publications.data?.[0] ?? null;
  // the tab the notice opens on (a draft's form, else the preview) is fetched alongside the notice itself
  const selectedStatus = selected?.status;
  useEffect(() => {
    if (selectedStatus) preloadPublicationTab(selectedStatus);
  }, [selectedStatus]);

  if (publications.isPending) {
    return (
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 4 }} />
      </Card>
    );
  }
  if (publications.isError) {
    return (
      <Card variant="borderless">
        <QueryError error={publications.error} onRetry={() => publications.refetch()} />
      </Card>
    );
  }
  const items = publications.data;

  return (
    <>
      <Card
        variant="borderless"
        title="通报公开记录"
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            生成公开稿
          </Button>
        }
      >
        {items.length === 0 ? (
          <Empty description="尚未生成通报公开稿。公开稿按整改台账的最新数据生成，发布前可修改和预览。" />
        ) : (
          <PublicationList
            items={items}
            selectedId={selected?.id ?? null}
            loading={publications.isFetching}
            onSelect={select}
          />
        )}
      </Card>
      {selected && <PublicationDetail key={selected.id} publicationId={selected.id} />}
      {creating && (
        <Suspense fallback={null}>
          <CreatePublicationModal
            inspectionId={inspection.id}
            onClose={() => setCreating(false)}
            onCreated={(publication) => {
              setCreating(false);
              select(publication.id);
            }}
          />
        </Suspense>
      )}
    </>
  );
}

function PublicationsPage() {
  return (
    <InspectionPage title="公开通报" subtitle="整改进展情况通报的公开稿、发布和公众意见建议">
      {(inspection) => <InspectionPublications inspection={inspection} />}
    </InspectionPage>
  );
}

/** 公开通报: drafts generated from the ledger, edited, previewed masked, published and withdrawn; the feedback inbox. */
export function PublicationsRoute() {
  const { data: user } = useSessionUser();
  if (!user) return null;
  if (!hasBusinessAccess(user)) return <NoAccess roleText={roleLabels(user).join('、')} />;
  if (!isOfficer(user))
    return <NoAccess title="此页面供整改专班使用" detail="通报的公开、撤回和意见建议办理由整改专班负责。" />;
  return (
    <>
      <title>公开通报 · 整改工作台</title>
      <PublicationsPage />
    </>
  );
}
