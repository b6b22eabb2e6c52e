import { ArrowLeftOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Flex } from 'antd';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { useProblem } from '@/features/problems/api/get-problem';
import { ProblemDetailSkeleton, ProblemDetailView } from '@/features/problems/components/problem-detail';
import { isApiError } from '@/lib/api-client';
import { hasBusinessAccess, roleLabels, useSessionUser } from '@/lib/auth';

function listLink(state: unknown): string {
  const listSearch = (state as { listSearch?: unknown } | null)?.listSearch;
  return typeof listSearch === 'string' && listSearch.startsWith('?') ? `/problems${listSearch}` : '/problems';
}

function ProblemPage({ id, backTo }: { id: string; backTo: string }) {
  const problem = useProblem(id);
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
        items={[{ title: <Link to={backTo}>问题清单</Link> }, { title: `问题 ${problem.data.label}` }]}
      />
      <ProblemDetailView problem={problem.data} />
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
          返回问题清单
        </Button>
      </div>
      <ProblemPage id={id} backTo={backTo} />
    </Flex>
  );
}
