import { Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { useInspections } from '@/features/inspections/api/get-inspections';
import { InspectionSettingsForm } from '@/features/inspections/components/inspection-settings-form';
import { InspectionSwitcher, pickInspection } from '@/features/inspections/components/inspection-switcher';
import { isOfficer, isSupervisor, useSessionUser, type SessionUser } from '@/lib/auth';

function SettingsPage({ user }: { user: SessionUser }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const inspections = useInspections();
  if (inspections.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (inspections.isError) return <QueryError error={inspections.error} onRetry={() => inspections.refetch()} />;
  const inspection = pickInspection(inspections.data.items, searchParams.get('inspectionId'));
  if (!inspection) {
    return (
      <Card variant="borderless">
        <Empty description="暂无巡视巡察轮次，请先导入整改通报或新建轮次" />
      </Card>
    );
  }
  return (
    <Flex vertical gap={16}>
      <Card variant="borderless">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Typography.Text strong style={{ minWidth: 0 }}>
            {inspection.title}
          </Typography.Text>
          <InspectionSwitcher
            inspections={inspections.data.items}
            value={inspection.id}
            onChange={(id) => setSearchParams({ inspectionId: id })}
          />
        </Flex>
      </Card>
      {/* a different inspection is a different form: nothing typed for one carries over to the other */}
      <InspectionSettingsForm key={inspection.id} inspection={inspection} readOnly={!isOfficer(user)} />
    </Flex>
  );
}

/** 轮次设置: periods, the yellow-light days and the public contact of an inspection (officers edit, supervisors read). */
export function SettingsInspectionRoute() {
  const { data: user } = useSessionUser();
  if (!user) return null;
  const officer = isOfficer(user);
  if (!officer && !isSupervisor(user))
    return <NoAccess title="无权查看轮次设置" detail="轮次设置仅限整改专班维护，监督人员可查看。" />;
  return (
    <>
      <title>轮次设置 · 整改工作台</title>
      <Flex align="center" gap={8} wrap className="zg-page-heading">
        <Typography.Title level={3} className="zg-page-title">
          轮次设置
        </Typography.Title>
        {!officer && <Tag color="default">只读</Tag>}
      </Flex>
      <SettingsPage user={user} />
    </>
  );
}
