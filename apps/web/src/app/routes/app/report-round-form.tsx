import { Alert, Card, Flex, Skeleton, Typography } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { LazyEvidencePicker as EvidencePicker } from '@/features/measures/components/lazy-evidence-picker';
import { useReportForm } from '@/features/report-rounds/api/get-report-form';
import { ReportForm } from '@/features/report-rounds/components/report-form';
import { canSubmitFor } from '@/features/report-rounds/utils/permissions';
import { hasBusinessAccess, roleLabels, useSessionUser } from '@/lib/auth';
import { formatDate } from '@/lib/format';

/** 报送整改进展 (/report-rounds/:id/form, from 我的任务 › 待报送): the unit leader's report, on a phone too. */
export function ReportRoundFormRoute() {
  const { id = '' } = useParams();
  const [searchParams] = useSearchParams();
  const { data: user } = useSessionUser();
  const form = useReportForm(id, searchParams.get('unitId') ?? undefined);
  const navigate = useNavigate();

  if (!user) return null;
  if (!hasBusinessAccess(user)) return <NoAccess roleText={roleLabels(user).join('、')} />;
  if (form.isPending) {
    return (
      <Card variant="borderless" aria-busy="true" aria-label="正在加载报送表">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (form.isError) return <QueryError error={form.error} onRetry={() => form.refetch()} />;
  const data = form.data;
  const mayReport = canSubmitFor(user, data.unit.id, data.round) && data.canSubmit;
  const snapshot = `/report-rounds/${data.round.id}/units/${data.unit.id}`;

  return (
    <>
      <title>{`报送整改进展 · ${data.round.number} · 整改工作台`}</title>
      <Flex vertical gap={12}>
        <Flex vertical gap={4} className="zg-page-heading">
          <Typography.Title level={3} className="zg-page-title">
            {data.round.number} {data.round.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {data.unit.name} · 统计截至 {formatDate(data.round.periodEnd)} · 截止报送 {formatDate(data.round.dueDate)}
          </Typography.Text>
        </Flex>
        {!mayReport && (
          <Alert
            type="info"
            showIcon
            title={
              data.round.status === 'closed'
                ? '本轮报送已结束'
                : data.status === 'submitted' || data.status === 'late'
                  ? '本单位本期已报送'
                  : '仅本单位负责人可以报送'
            }
            description={
              data.status === 'submitted' || data.status === 'late' ? <Link to={snapshot}>查看报送内容</Link> : null
            }
          />
        )}
        <ReportForm
          data={{ ...data, canSubmit: mayReport }}
          evidence={(item) => (
            <EvidencePicker measures={[{ id: item.measureId, label: `${item.label} ${item.text}` }]} />
          )}
          onSubmitted={() => navigate(snapshot)}
          onRefused={() => form.refetch()}
        />
      </Flex>
    </>
  );
}
