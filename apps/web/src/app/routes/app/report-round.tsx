import { Alert, Button, Card, Flex, Skeleton } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { useMissingReports } from '@/features/report-rounds/api/get-missing-reports';
import { useReportRound } from '@/features/report-rounds/api/get-report-rounds';
import { useRoundCompilation } from '@/features/report-rounds/api/get-round-compilation';
import { RoundChanges } from '@/features/report-rounds/components/round-changes';
import { RoundDetail } from '@/features/report-rounds/components/round-detail';
import { canSubmitFor, roundPermissions } from '@/features/report-rounds/utils/permissions';
import { hasBusinessAccess, roleLabels, useSessionUser } from '@/lib/auth';

/**
 * 报送轮次详情 (/report-rounds/:id): every unit's status, who still owes, 催报 and 关闭轮次 for officers, the changes since
 * the round before, the report as Word and Excel.
 */
export function ReportRoundRoute() {
  const { id = '' } = useParams();
  const { data: user } = useSessionUser();
  const round = useReportRound(id);
  const missing = useMissingReports(id);
  const compilation = useRoundCompilation(id);
  const navigate = useNavigate();

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
  const data = round.data;
  // a unit leader comes here from the round's notifications (opened, urged, returned): the way to the form
  const owed = data.units.filter(
    (row) => (row.status === 'pending' || row.status === 'returned') && canSubmitFor(user, row.unit.id, data),
  );
  return (
    <>
      <title>{`${data.number} · 定期报送 · 整改工作台`}</title>
      <Flex vertical gap={16}>
        {owed.map((row) => (
          <Alert
            key={row.unit.id}
            type={row.status === 'returned' ? 'warning' : 'info'}
            showIcon
            title={
              row.status === 'returned'
                ? `${row.unit.name}的报送已被退回${row.returnReason ? `：${row.returnReason}` : ''}，请修改后重新报送`
                : `${row.unit.name}尚未报送${data.number}整改进展`
            }
            action={
              <Button
                type="primary"
                size="small"
                onClick={() => navigate(`/report-rounds/${data.id}/form?unitId=${encodeURIComponent(row.unit.id)}`)}
              >
                去报送
              </Button>
            }
          />
        ))}
        <RoundDetail round={data} missing={missing.data} permissions={roundPermissions(user, data)} />
        {compilation.data && <RoundChanges compilation={compilation.data} />}
      </Flex>
    </>
  );
}
