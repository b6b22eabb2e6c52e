import { Card, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { useMissingReports } from '@/features/report-rounds/api/get-missing-reports';
import { useReportRound } from '@/features/report-rounds/api/get-report-rounds';
import { RoundDetail } from '@/features/report-rounds/components/round-detail';
import { roundPermissions } from '@/features/report-rounds/utils/permissions';
import { hasBusinessAccess, roleLabels, useSessionUser } from '@/lib/auth';

/** 报送轮次详情 (/report-rounds/:id): every unit's status, who still owes, 催报 and 关闭轮次 for officers. */
export function ReportRoundRoute() {
  const { id = '' } = useParams();
  const { data: user } = useSessionUser();
  const round = useReportRound(id);
  const missing = useMissingReports(id);

  if (!user) return null;
  if (!hasBusinessAccess(user)) return <NoAccess roleText={roleLabels(user).join('、')} />;
  if (round.isPending) {
    return (
      <Card variant="borderless" aria-busy="true" aria-label="正在加载报送轮次">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (round.isError) return <QueryError error={round.error} onRetry={() => round.refetch()} />;
  return (
    <>
      <title>{`${round.data.number} · 定期报送 · 整改工作台`}</title>
      <RoundDetail round={round.data} missing={missing.data} permissions={roundPermissions(user, round.data)} />
    </>
  );
}
