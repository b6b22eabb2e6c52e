import { Card, Empty, Flex, Skeleton, Typography } from 'antd';
import {
  LIGHTS,
  MEASURE_TERMS,
  PROBLEM_STATUSES,
  type Light,
  type MeasureTerm,
  type ProblemStatus,
} from '@zhenggai/domain';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { QueryError } from '@/components/errors/query-error';
import { ExportButtons } from '@/features/documents/components/export-buttons';
import { useCategories } from '@/features/inspections/api/get-categories';
import { useInspections, type Inspection } from '@/features/inspections/api/get-inspections';
import { InspectionSummary, InspectionSummarySkeleton } from '@/features/inspections/components/inspection-summary';
import { InspectionSwitcher, pickInspection } from '@/features/inspections/components/inspection-switcher';
import type { Measure } from '@/features/measures/api/get-measures';
import type { MeasureSelection } from '@/features/measures/components/problem-measure-rows';
import { useProblems, type Problem } from '@/features/problems/api/get-problems';
import { ColumnChooser } from '@/features/problems/components/column-chooser';
import { ProblemsFilters, type ProblemFilterValues } from '@/features/problems/components/problems-filters';
import { OPTIONAL_COLUMNS, PAGE_SIZE_OPTIONS, ProblemsTable } from '@/features/problems/components/problems-table';
import { useColumnPreferences } from '@/features/problems/utils/column-preferences';
import { useLeaders } from '@/features/units/api/get-persons';
import { unitOptions as toUnitOptions, useUnits } from '@/features/units/api/get-units';
import { isApiError } from '@/lib/api-client';
import {
  hasBusinessAccess,
  isOfficer,
  isSupervisor,
  isUnitUser,
  roleLabels,
  useSessionUser,
  type SessionUser,
} from '@/lib/auth';

// a problem's measures load when its row is first expanded, the bulk bar once a measure is ticked
const ProblemMeasureRows = lazy(() =>
  import('@/features/measures/components/problem-measure-rows').then((m) => ({ default: m.ProblemMeasureRows })),
);
const BulkActionBar = lazy(() =>
  import('@/features/measures/components/bulk-actions').then((m) => ({ default: m.BulkActionBar })),
);

// the no-access page (Result, its lock icon) loads only for a user the ledger refuses
const NoAccess = lazy(() => import('@/components/errors/no-access').then((m) => ({ default: m.NoAccess })));

const DEFAULT_PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ListParams extends ProblemFilterValues {
  inspectionId?: string;
  page: number;
  pageSize: number;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}

function uuid(value: string | null): string | undefined {
  return value && UUID.test(value) ? value : undefined;
}

// The filters live in the URL, so a filtered ledger can be bookmarked, shared and restored with the back button.
function readListParams(searchParams: URLSearchParams): ListParams {
  const q = searchParams.get('q')?.trim();
  const page = Number(searchParams.get('page'));
  const pageSize = Number(searchParams.get('pageSize'));
  return {
    inspectionId: uuid(searchParams.get('inspectionId')),
    categoryId: uuid(searchParams.get('categoryId')),
    status: oneOf<ProblemStatus>(PROBLEM_STATUSES, searchParams.get('status')),
    unitId: uuid(searchParams.get('unitId')),
    leaderId: uuid(searchParams.get('leaderId')),
    light: oneOf<Light>(LIGHTS, searchParams.get('light')),
    term: oneOf<MeasureTerm>(MEASURE_TERMS, searchParams.get('term')),
    q: q ? q.slice(0, 100) : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE_OPTIONS.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

function writeListParams(params: ListParams): URLSearchParams {
  const search = new URLSearchParams();
  const keys = ['inspectionId', 'categoryId', 'status', 'unitId', 'leaderId', 'light', 'term', 'q'] as const;
  for (const key of keys) if (params[key]) search.set(key, params[key]);
  if (params.page > 1) search.set('page', String(params.page));
  if (params.pageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(params.pageSize));
  return search;
}

function LedgerSection({
  user,
  inspection,
  params,
}: {
  user: SessionUser;
  inspection: Inspection;
  params: ListParams;
}) {
  const [searchParams, setSearchParams] = useSearchParams();
  const officer = isOfficer(user);
  const unitUser = isUnitUser(user);
  const { inspectionId: _ignored, page, pageSize, ...filters } = params;
  const rows = useProblems({ ...filters, inspectionId: inspection.id, page, pageSize });
  const categories = useCategories(inspection.id);
  const units = useUnits({ enabled: !unitUser });
  const leaders = useLeaders({ enabled: !unitUser });
  const [visibleColumns, setVisibleColumns] = useColumnPreferences();
  const [selected, setSelected] = useState<Map<string, Measure>>(new Map());
  // the bulk bar mounts at the first tick and stays, so that its result dialog outlives the cleared selection
  const [bulkMounted, setBulkMounted] = useState(false);
  const listSearch = searchParams.toString() ? `?${searchParams.toString()}` : '';
  const unitOptions = useMemo(() => (units.data ? toUnitOptions(units.data) : []), [units.data]);
  const leaderOptions = useMemo(
    () =>
      (leaders.data ?? []).map((leader) => ({
        value: leader.id,
        label: [leader.name, leader.title].filter(Boolean).join(' '),
      })),
    [leaders.data],
  );
  // an inspection without categories (方面) gets no 方面 column: it would read 未分类 on every row
  const available = OPTIONAL_COLUMNS.map((column) => column.key).filter(
    (key) => key !== 'category' || (categories.data ?? []).length > 0,
  );
  const shownColumns = new Set([...visibleColumns].filter((key) => available.includes(key)));

  // the URL as last written: a second change before the first has rendered builds on it, not on stale props
  const written = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    written.current = null;
  }, [searchParams]);
  const update = (change: (current: ListParams) => ListParams) => {
    const next = writeListParams(change(readListParams(written.current ?? searchParams)));
    written.current = next;
    setSearchParams(next);
  };
  const onFiltersChange = (change: ProblemFilterValues | null) =>
    update((current) =>
      change === null
        ? { inspectionId: current.inspectionId, page: 1, pageSize: current.pageSize }
        : { ...current, ...change, page: 1 },
    );
  const onPageChange = (page: number, pageSize: number) =>
    update((current) => ({ ...current, page: pageSize === current.pageSize ? page : 1, pageSize }));

  const onSelect = useCallback<MeasureSelection['onChange']>((_problemId, picked, all) => {
    if (picked.length > 0) setBulkMounted(true);
    setSelected((current) => {
      const next = new Map(current);
      for (const measure of all) next.delete(measure.id);
      for (const measure of picked) next.set(measure.id, measure);
      return next;
    });
  }, []);
  const selection: MeasureSelection | undefined = officer
    ? { selectedIds: new Set(selected.keys()), onChange: onSelect }
    : undefined;

  const filterValue: ProblemFilterValues = {
    categoryId: params.categoryId,
    status: params.status,
    unitId: params.unitId,
    leaderId: params.leaderId,
    light: params.light,
    term: params.term,
    q: params.q,
  };

  return (
    <Card variant="borderless">
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="flex-start" gap={8} wrap>
          <ProblemsFilters
            value={filterValue}
            onChange={onFiltersChange}
            categoryOptions={(categories.data ?? []).map((category) => ({
              value: category.id,
              label: [category.label, category.title].filter(Boolean).join(''),
            }))}
            unitOptions={unitUser ? null : unitOptions}
            leaderOptions={unitUser ? null : leaderOptions}
          />
          <ColumnChooser value={visibleColumns} onChange={setVisibleColumns} available={available} />
        </Flex>
        {officer && bulkMounted && (
          <Suspense fallback={null}>
            <BulkActionBar
              selected={[...selected.values()]}
              unitOptions={unitOptions}
              onClear={() => setSelected(new Map())}
            />
          </Suspense>
        )}
        {rows.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : rows.isError ? (
          <QueryError error={rows.error} onRetry={() => rows.refetch()} />
        ) : (
          <ProblemsTable
            items={rows.data?.items ?? []}
            total={rows.data?.total ?? 0}
            page={params.page}
            pageSize={params.pageSize}
            loading={rows.isFetching}
            listSearch={listSearch}
            onPageChange={onPageChange}
            visibleColumns={shownColumns}
            renderMeasures={(problem: Problem) => (
              <Suspense fallback={<Skeleton active title={false} paragraph={{ rows: 2 }} />}>
                <ProblemMeasureRows problemId={problem.id} selection={selection} />
              </Suspense>
            )}
          />
        )}
        {officer && (
          <Typography.Text type="secondary" className="zg-help-text">
            展开问题可查看其整改措施；勾选措施后可批量分办或批量调整时限。
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

function LedgerPage({ user }: { user: SessionUser }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readListParams(searchParams);
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
      return (
        <Suspense fallback={null}>
          <NoAccess detail={inspections.error.message} />
        </Suspense>
      );
    return <QueryError error={inspections.error} onRetry={() => inspections.refetch()} />;
  }
  const inspection = pickInspection(inspections.data.items, params.inspectionId ?? null);
  if (!inspection) {
    return (
      <Card variant="borderless">
        <Empty description="暂无巡视巡察数据" />
      </Card>
    );
  }
  const canExport = isOfficer(user) || isSupervisor(user);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={12} wrap className="zg-page-heading">
        <Flex align="baseline" gap={8} wrap>
          <Typography.Title level={3} className="zg-page-title">
            整改台账
          </Typography.Title>
          {isUnitUser(user) && (
            <Typography.Text type="secondary">仅显示{user.unitName ?? '本单位'}承担的问题</Typography.Text>
          )}
        </Flex>
        <Flex gap={8} wrap>
          <InspectionSwitcher
            inspections={inspections.data.items}
            value={inspection.id}
            onChange={(id) => setSearchParams({ inspectionId: id })}
          />
          {canExport && (
            <ExportButtons
              inspectionId={inspection.id}
              ledgerQuery={{ unitId: params.unitId, light: params.light, q: params.q }}
            />
          )}
        </Flex>
      </Flex>
      <InspectionSummary inspection={inspection} />
      <LedgerSection key={inspection.id} user={user} inspection={inspection} params={params} />
    </Flex>
  );
}

export function ProblemsRoute() {
  const { data: user } = useSessionUser();
  if (!user) return null;
  if (!hasBusinessAccess(user)) {
    return (
      <Suspense fallback={null}>
        <NoAccess roleText={roleLabels(user).join('、')} />
      </Suspense>
    );
  }
  return (
    <>
      <title>整改台账 · 整改工作台</title>
      <LedgerPage user={user} />
    </>
  );
}
