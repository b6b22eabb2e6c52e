import { Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { PROBLEM_STATUSES, type ProblemStatus } from '@zhenggai/domain';
import { useSearchParams } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { useInspections } from '@/features/inspections/api/get-inspections';
import { InspectionSummary, InspectionSummarySkeleton } from '@/features/inspections/components/inspection-summary';
import { useProblems } from '@/features/problems/api/get-problems';
import { ProblemsFilters, type ProblemFilterValues } from '@/features/problems/components/problems-filters';
import { PAGE_SIZE_OPTIONS, ProblemsTable } from '@/features/problems/components/problems-table';
import { isApiError } from '@/lib/api-client';
import { hasBusinessAccess, roleLabels, useSessionUser } from '@/lib/auth';

const DEFAULT_PAGE_SIZE = 50;

interface ListParams extends ProblemFilterValues {
  page: number;
  pageSize: number;
}

// The filters live in the URL, so a filtered list can be bookmarked, shared and restored with the back button.
function readListParams(searchParams: URLSearchParams): ListParams {
  const status = searchParams.get('status');
  const q = searchParams.get('q')?.trim();
  const page = Number(searchParams.get('page'));
  const pageSize = Number(searchParams.get('pageSize'));
  return {
    status: PROBLEM_STATUSES.includes(status as ProblemStatus) ? (status as ProblemStatus) : undefined,
    q: q ? q.slice(0, 100) : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE_OPTIONS.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

function writeListParams({ status, q, page, pageSize }: ListParams): URLSearchParams {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  if (pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(pageSize));
  return params;
}

function ProblemsSection({ inspectionId }: { inspectionId: string }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readListParams(searchParams);
  const problems = useProblems({ inspectionId, ...params });
  const listSearch = searchParams.toString() ? `?${searchParams.toString()}` : '';

  const onFiltersChange = (filters: ProblemFilterValues) =>
    setSearchParams(writeListParams({ ...params, ...filters, page: 1 }));
  const onPageChange = (page: number, pageSize: number) =>
    setSearchParams(writeListParams({ ...params, page: pageSize === params.pageSize ? page : 1, pageSize }));

  return (
    <Card variant="borderless">
      <Flex vertical gap={16}>
        <ProblemsFilters value={{ status: params.status, q: params.q }} onChange={onFiltersChange} />
        {problems.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : problems.isError ? (
          <QueryError error={problems.error} onRetry={() => problems.refetch()} />
        ) : (
          <ProblemsTable
            items={problems.data.items}
            total={problems.data.total}
            page={params.page}
            pageSize={params.pageSize}
            loading={problems.isFetching}
            listSearch={listSearch}
            onPageChange={onPageChange}
          />
        )}
      </Flex>
    </Card>
  );
}

function ProblemsPage() {
  const inspections = useInspections();
  if (inspections.isPending) {
    return (
      <Flex vertical gap={16}>
        <InspectionSummarySkeleton />
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </Flex>
    );
  }
  if (inspections.isError) {
    if (isApiError(inspections.error) && inspections.error.status === 403)
      return <NoAccess detail={inspections.error.message} />;
    return <QueryError error={inspections.error} onRetry={() => inspections.refetch()} />;
  }
  const inspection = inspections.data.items[0];
  if (!inspection) {
    return (
      <Card variant="borderless">
        <Empty description="暂无巡视巡察数据" />
      </Card>
    );
  }
  return (
    <Flex vertical gap={16}>
      <InspectionSummary inspection={inspection} />
      <ProblemsSection inspectionId={inspection.id} />
    </Flex>
  );
}

export function ProblemsRoute() {
  const { data: user } = useSessionUser();
  if (!user) return null;
  if (!hasBusinessAccess(user)) return <NoAccess roleText={roleLabels(user).join('、')} />;
  return (
    <>
      <title>问题清单 · 整改工作台</title>
      <Typography.Title level={3} className="zg-page-title">
        问题清单
      </Typography.Title>
      <ProblemsPage />
    </>
  );
}
