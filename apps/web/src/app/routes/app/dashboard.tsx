import { AuditOutlined, EyeOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { SectionErrorBoundary } from '@/components/errors/section-error-boundary';
import { AlertLists, OutcomeSummary } from '@/features/dashboard/components/alert-lists';
import {
  getInspectionStatisticsQueryOptions,
  useInspectionStatistics,
} from '@/features/dashboard/api/get-inspection-statistics';
import { KpiCards, KpiCardsSkeleton } from '@/features/dashboard/components/kpi-cards';
import { UnitRanking, type UnitRankingScores } from '@/features/dashboard/components/unit-ranking';
import { UrgeButton } from '@/features/measures/components/urge-button';
import { useInspections, type Inspection } from '@/features/inspections/api/get-inspections';
import { InspectionSwitcher, pickInspection } from '@/features/inspections/components/inspection-switcher';
import { useExtensions } from '@/features/measures/api/get-extensions';
import { useMeasures } from '@/features/measures/api/get-measures';
import { getUnitScoresQueryOptions, useUnitScores, type UnitScores } from '@/features/scoring/api/get-unit-scores';
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
import { formatChineseDate } from '@/lib/format';

// ECharts is only downloaded when the dashboard draws its charts.
const DashboardCharts = lazy(() => import('@/features/dashboard/components/charts/dashboard-charts'));

function ChartsSkeleton() {
  return (
    <Row gutter={[16, 16]} aria-busy="true" aria-label="正在加载统计图表">
      <Col xs={24} lg={9}>
        <Card variant="borderless">
          <Skeleton.Node active style={{ width: '100%', height: 260 }} />
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 7 }} />
        </Card>
      </Col>
    </Row>
  );
}

/** What needs the officer now: submissions and extension requests waiting for a decision. */
function OfficerInbox() {
  const navigate = useNavigate();
  const pending = useMeasures({ status: 'pending_review', pageSize: 1 });
  const extensions = useExtensions({ status: 'pending', pageSize: 1 });
  const reviews = pending.data?.total ?? 0;
  const requests = extensions.data?.total ?? 0;
  return (
    <Alert
      type={reviews + requests > 0 ? 'warning' : 'success'}
      showIcon
      icon={<AuditOutlined aria-hidden />}
      title={
        reviews + requests > 0
          ? `待我审核：销号申请 ${reviews} 项，延期申请 ${requests} 项`
          : '目前没有待审核的销号申请和延期申请'
      }
      action={
        reviews + requests > 0 && (
          <Button size="small" type="primary" onClick={() => navigate('/reviews')}>
            去审核
          </Button>
        )
      }
    />
  );
}

function UnitInbox({ user }: { user: SessionUser }) {
  const navigate = useNavigate();
  const red = useMeasures({ light: 'red', pageSize: 1 });
  const yellow = useMeasures({ light: 'yellow', pageSize: 1 });
  const overdue = red.data?.total ?? 0;
  const dueSoon = yellow.data?.total ?? 0;
  return (
    <Alert
      type={overdue > 0 ? 'error' : dueSoon > 0 ? 'warning' : 'info'}
      showIcon
      icon={<ScheduleOutlined aria-hidden />}
      title={`${user.unitName ?? '本单位'}：逾期措施 ${overdue} 项，临期措施 ${dueSoon} 项`}
      action={
        <Button size="small" type="primary" onClick={() => navigate('/tasks')}>
          我的任务
        </Button>
      }
    />
  );
}

// the dashboard ranks the units by the same 考核 score as 考核排名 (features do not import each other)
const rankingScores = (scores: UnitScores | undefined): UnitRankingScores | undefined =>
  scores && {
    formulaText: scores.formula.text,
    items: scores.items.map((item) => ({ unitId: item.unit.id, score: item.score, rank: item.rank })),
  };

function scopeText(user: SessionUser): string {
  if (isOfficer(user)) return '全部责任单位';
  if (isUnitUser(user)) return `${user.unitName ?? '本单位'}（仅本单位）`;
  return '全部责任单位（只读）';
}

function DashboardBody({
  user,
  inspection,
  inspectionQuery,
}: {
  user: SessionUser;
  inspection: Inspection;
  inspectionQuery: string;
}) {
  const stats = useInspectionStatistics(inspection.id);
  const scores = useUnitScores(inspection.id);
  const officer = isOfficer(user);
  const unitUser = isUnitUser(user);
  return (
    <Flex vertical gap={16}>
      {officer && <OfficerInbox />}
      {unitUser && <UnitInbox user={user} />}
      {stats.isPending ? (
        <>
          <KpiCardsSkeleton />
          <ChartsSkeleton />
        </>
      ) : stats.isError ? (
        <QueryError error={stats.error} onRetry={() => stats.refetch()} title="统计数据加载失败" />
      ) : (
        <>
          <Typography.Text type="secondary" className="zg-data-note">
            统计口径：{scopeText(user)}；数据截至 {formatChineseDate(stats.data.today)}
          </Typography.Text>
          <KpiCards stats={stats.data} inspectionQuery={inspectionQuery} reviewsPath={officer ? '/reviews' : null} />
          <SectionErrorBoundary title="统计图表加载失败">
            <Suspense fallback={<ChartsSkeleton />}>
              <DashboardCharts stats={stats.data} />
            </Suspense>
          </SectionErrorBoundary>
          <AlertLists
            stats={stats.data}
            inspectionQuery={inspectionQuery}
            overdueAction={
              officer && (
                <UrgeButton
                  measureIds={stats.data.overdueList.map((item) => item.id)}
                  subject={`${stats.data.overdueList.length} 项逾期措施`}
                />
              )
            }
          />
          <UnitRanking units={stats.data.byUnit} scores={rankingScores(scores.data)} scoresFailed={scores.isError} />
          <OutcomeSummary stats={stats.data} />
        </>
      )}
    </Flex>
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * No request waterfall: everything the first paint needs starts together with the inspection list, not after its
 * answer. The inbox counts never depended on it; the figures of an inspection named in the URL need only its id.
 * Only the default inspection (none in the URL) waits for the list, because the list is what names it.
 */
function useDashboardQueries(user: SessionUser, requestedId: string | null) {
  const officer = isOfficer(user);
  const unitUser = isUnitUser(user);
  useMeasures({ status: 'pending_review', pageSize: 1 }, { enabled: officer });
  useExtensions({ status: 'pending', pageSize: 1 }, { enabled: officer });
  useMeasures({ light: 'red', pageSize: 1 }, { enabled: unitUser });
  useMeasures({ light: 'yellow', pageSize: 1 }, { enabled: unitUser });
  const named = requestedId && UUID.test(requestedId) ? requestedId : '';
  useQuery({ ...getInspectionStatisticsQueryOptions(named), enabled: Boolean(named) });
  useQuery({ ...getUnitScoresQueryOptions(named), enabled: Boolean(named) });
}

function DashboardPage({ user }: { user: SessionUser }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const inspections = useInspections();
  useDashboardQueries(user, searchParams.get('inspectionId'));
  if (inspections.isPending) {
    return (
      <Flex vertical gap={16}>
        <KpiCardsSkeleton />
        <ChartsSkeleton />
      </Flex>
    );
  }
  if (inspections.isError) {
    if (isApiError(inspections.error) && inspections.error.status === 403)
      return <NoAccess detail={inspections.error.message} />;
    return <QueryError error={inspections.error} onRetry={() => inspections.refetch()} />;
  }
  const requested = searchParams.get('inspectionId');
  const inspection = pickInspection(inspections.data.items, requested);
  if (!inspection) {
    return (
      <Card variant="borderless">
        <Empty description="暂无巡视巡察数据" />
      </Card>
    );
  }
  // the ledger links keep the chosen inspection only when the user chose one
  const inspectionQuery = requested === inspection.id ? `inspectionId=${inspection.id}` : '';
  return (
    <Flex vertical gap={16}>
      <Card variant="borderless" className="zg-dashboard-head">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={4} className="zg-inspection-title" style={{ marginBottom: 4 }}>
              {inspection.title}
            </Typography.Title>
            <Typography.Text type="secondary">
              {[inspection.group, inspection.feedbackDate && `${formatChineseDate(inspection.feedbackDate)}反馈`]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </div>
          <InspectionSwitcher
            inspections={inspections.data.items}
            value={inspection.id}
            onChange={(id) => setSearchParams({ inspectionId: id })}
          />
        </Flex>
      </Card>
      <DashboardBody user={user} inspection={inspection} inspectionQuery={inspectionQuery} />
    </Flex>
  );
}

export function DashboardRoute() {
  const { data: user } = useSessionUser();
  if (!user) return null;
  if (!hasBusinessAccess(user)) {
    // the admins' home is their own page
    if (user.roles.includes('system_admin') || user.roles.includes('security_admin'))
      return <Navigate to="/admin/users" replace />;
    if (user.roles.includes('audit_admin')) return <Navigate to="/admin/audit" replace />;
    return <NoAccess roleText={roleLabels(user).join('、')} />;
  }
  return (
    <>
      <title>工作台 · 整改工作台</title>
      <Flex align="center" gap={8} wrap className="zg-page-heading">
        <Typography.Title level={3} className="zg-page-title">
          工作台
        </Typography.Title>
        {isSupervisor(user) && !isOfficer(user) && (
          <Tag icon={<EyeOutlined aria-hidden />} color="default">
            监督查看 · 只读
          </Tag>
        )}
      </Flex>
      <DashboardPage user={user} />
    </>
  );
}
