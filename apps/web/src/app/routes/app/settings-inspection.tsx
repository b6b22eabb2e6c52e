import { Tag } from 'antd';
import { NoAccess } from '@/components/errors/no-access';
import { InspectionPage } from '@/features/inspections/components/inspection-page';
import { InspectionSettingsForm } from '@/features/inspections/components/inspection-settings-form';
import { ReminderPolicyForm } from '@/features/reminders/components/reminder-policy-form';
import { ReportScheduleForm } from '@/features/report-rounds/components/report-schedule-form';
import { isOfficer, isSupervisor, useSessionUser } from '@/lib/auth';

/**
 * 轮次设置: periods, the yellow-light days and the public contact of an inspection, its 催办提醒规则 and its 定期报送计划
 * (officers edit, supervisors read).
 */
export function SettingsInspectionRoute() {
  const { data: user } = useSessionUser();
  if (!user) return null;
  const officer = isOfficer(user);
  if (!officer && !isSupervisor(user))
    return <NoAccess title="无权查看轮次设置" detail="轮次设置仅限整改专班维护，监督人员可查看。" />;
  return (
    <>
      <title>轮次设置 · 整改工作台</title>
      <InspectionPage
        title="轮次设置"
        tag={officer ? null : <Tag color="default">只读</Tag>}
        emptyText="暂无巡视巡察轮次，请先导入整改通报"
      >
        {(inspection) => (
          <>
            <InspectionSettingsForm inspection={inspection} readOnly={!officer} />
            <ReminderPolicyForm key={inspection.id} inspectionId={inspection.id} readOnly={!officer} />
            <ReportScheduleForm key={`schedule-${inspection.id}`} inspectionId={inspection.id} readOnly={!officer} />
          </>
        )}
      </InspectionPage>
    </>
  );
}
