import { ArrowLeftOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Flex, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { SignoffExportButton } from '@/features/documents/components/export-buttons';
import { MeasureBoard } from '@/features/measures/components/measure-board';
import { actorOf } from '@/features/measures/utils/permissions';
import { EffectivenessCard } from '@/features/outcomes/components/effectiveness-card';
import { OutcomeLedger } from '@/features/outcomes/components/outcome-ledger';
import { useProblem } from '@/features/problems/api/get-problem';
import { ProblemDetailSkeleton, ProblemDetailView } from '@/features/problems/components/problem-detail';
import { unitOptions as toUnitOptions, useUnits } from '@/features/units/api/get-units';
import { isApiError } from '@/lib/api-client';
import { hasBusinessAccess, isOfficer, roleLabels, useSessionUser, type SessionUser } from '@/lib/auth';

function listLink(state: unknown): string {
  const listSearch = (state as { listSearch?: unknown } | null)?.listSearch;
  return typeof listSearch === 'string' && listSearch.startsWith('?') ? `/problems${listSearch}` : '/problems';
}

/** A link to `#measure-<id>` (from the dashboard, the calendar, the task list) scrolls to that measure once drawn. */
function useScrollToMeasure(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash.startsWith('#measure-')) return;
    const target = document.getElementById(hash.slice(1));
    target?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
    target?.classList.add('zg-highlight');
    const timer = setTimeout(() => target?.classList.remove('zg-highlight'), 2400);
    return () => clearTimeout(timer);
  }, [ready, hash]);
}

function ProblemPage({ id, backTo, user }: { id: string; backTo: string; user: SessionUser }) {
  const problem = useProblem(id);
  const officer = isOfficer(user);
  const units = useUnits({ enabled: officer });
  const unitOptions = useMemo(() => (units.data ? toUnitOptions(units.data) : []), [units.data]);
  const actor = useMemo(() => actorOf(user), [user]);
  useScrollToMeasure(problem.isSuccess);

  if (problem.isPending) return <ProblemDetailSkeleton />;
  if (problem.isError) {
    if (isApiError(problem.error) && problem.error.status === 403) return <NoAccess detail={problem.error.message} />;
    return <QueryError error={problem.error} onRetry={() => problem.refetch()} title="问题加载失败" />;
  }
  return (
    <>
      <title>{`${problem.data.label} ${problem.data.title} · 整改工作台`}</title>
      <Breadcrumb
        className="zg-breadcrumb"
        items={[{ title: <Link to={backTo}>整改台账</Link> }, { title: `问题 ${problem.data.label}` }]}
      />
      <Flex vertical gap={16}>
        <ProblemDetailView problem={problem.data} />
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Title level={4} className="zg-section-title">
            整改措施（{problem.data.measures.length}）
          </Typography.Title>
          <SignoffExportButton problemId={problem.data.id} />
        </Flex>
        <MeasureBoard measures={problem.data.measures} actor={actor} unitOptions={unitOptions} />
        <OutcomeLedger problemId={problem.data.id} canEdit={officer} />
        <EffectivenessCard problemId={problem.data.id} canEdit={officer} />
      </Flex>
    </>
  );
}

export function ProblemRoute() {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { data: user } = useSessionUser();
  if (!user) return null;
  if (!hasBusinessAccess(user)) return <NoAccess roleText={roleLabels(user).join('、')} />;
  const backTo = listLink(location.state);
  return (
    <Flex vertical gap={12}>
      <div>
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(backTo)}>
          返回整改台账
        </Button>
      </div>
      <ProblemPage id={id} backTo={backTo} user={user} />
    </Flex>
  );
}
