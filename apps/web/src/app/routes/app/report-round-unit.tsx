import { Card, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { useReportRound } from '@/features/report-rounds/api/get-report-rounds';
import { useSubmission } from '@/features/report-rounds/api/get-submission';
import { SnapshotView } from '@/features/report-rounds/components/snapshot-view';
import { roundPermissions } from '@/features/report-rounds/utils/permissions';
import { hasBusinessAccess, roleLabels, useSessionUser } from '@/lib/auth';

/** 单位报送内容 (/report-rounds/:id/units/:unitId): the frozen report and its attempts; officers 退回 it here. */
export function ReportRoundUnitRoute() {
  const { id = '', unitId = '' } = useParams();
  const { data: user } = useSessionUser();
  const round = useReportRound(id);
  const submissions = useSubmission(id, unitId);

  if (!user) return null;
  if (!hasBusinessAccess(user)) return <NoAccess roleText={roleLabels(user).join('、')} />;
  if (round.isPending || submissions.isPending) {
    return (
      <Card variant="borderless" aria-busy="true" aria-label="正在加载报送内容">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (round.isError) return <QueryError error={round.error} onRetry={() => round.refetch()} />;
  if (submissions.isError) return <QueryError error={submissions.error} onRetry={() => submissions.refetch()} />;
  return (
    <>
      <title>{`${submissions.data.unit.name} · ${round.data.number} · 整改工作台`}</title>
      <SnapshotView
        submissions={submissions.data}
        heading={`${round.data.number} ${round.data.title}`}
        canReturn={roundPermissions(user, round.data).returnReport}
      />
    </>
  );
}
