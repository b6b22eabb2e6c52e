import { Card, Flex, Skeleton, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { useAllMeasures } from '@/features/measures/api/get-measures';
import { TaskBoard } from '@/features/measures/components/task-board';
import { actorOf } from '@/features/measures/utils/permissions';
import { usePendingReports } from '@/features/report-rounds/api/get-pending-reports';
import { PendingReports } from '@/features/report-rounds/components/pending-reports';
import { hasBusinessAccess, isUnitUser, roleLabels, useSessionUser, type SessionUser } from '@/lib/auth';

function TasksPage({ user }: { user: SessionUser }) {
  // the API answers only the unit's own measures; earliest deadline first
  const measures = useAllMeasures({ sort: 'deadline' });
  const actor = useMemo(() => actorOf(user), [user]);
  const pendingReports = usePendingReports();
  if (measures.isPending) {
    return (
      <Card variant="borderless" aria-busy="true" aria-label="正在加载我的任务">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (measures.isError) return <QueryError error={measures.error} onRetry={() => measures.refetch()} />;
  const all = measures.data;
  const count = (light: string) => all.filter((measure) => measure.light === light).length;
  const pending = all.filter((measure) => measure.status === 'pending_review').length;
  return (
    <Flex vertical gap={16}>
      <Card variant="borderless" size="small">
        <Flex gap={24} wrap>
          <Statistic title="逾期" value={count('red')} suffix="项" styles={{ content: { color: '#d92d20' } }} />
          <Statistic title="临期" value={count('yellow')} suffix="项" styles={{ content: { color: '#d97706' } }} />
          <Statistic title="正常推进" value={count('green')} suffix="项" styles={{ content: { color: '#16a34a' } }} />
          <Statistic title="待审核" value={pending} suffix="项" />
        </Flex>
      </Card>
      {pendingReports.data && pendingReports.data.length > 0 && (
        <PendingReports reports={pendingReports.data} showUnit={user.unitIds.length > 1} />
      )}
      <TaskBoard measures={all} actor={actor} />
    </Flex>
  );
}

export function TasksRoute() {
  const { data: user } = useSessionUser();
  if (!user) return null;
  if (!hasBusinessAccess(user)) return <NoAccess roleText={roleLabels(user).join('、')} />;
  if (!isUnitUser(user)) {
    return (
      <NoAccess
        title="此页面供责任单位使用"
        detail="“我的任务”列出本单位承担的整改措施。整改专班请在“待我审核”和“整改台账”中办理。"
      />
    );
  }
  return (
    <>
      <title>我的任务 · 整改工作台</title>
      <Flex align="baseline" gap={8} wrap className="zg-page-heading">
        <Typography.Title level={3} className="zg-page-title">
          我的任务
        </Typography.Title>
        <Typography.Text type="secondary">{user.unitName}承担的整改措施，按时限排列</Typography.Text>
      </Flex>
      <TasksPage user={user} />
    </>
  );
}
