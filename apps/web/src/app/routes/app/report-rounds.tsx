import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Spin, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { lazy, Suspense, useState } from 'react';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { InspectionPage } from '@/features/inspections/components/inspection-page';
import { useReportRounds } from '@/features/report-rounds/api/get-report-rounds';
import { RoundList } from '@/features/report-rounds/components/round-list';
import { roundPermissions } from '@/features/report-rounds/utils/permissions';
import { unitOptions, useUnits } from '@/features/units/api/get-units';
import { hasBusinessAccess, isOfficer, roleLabels, useSessionUser } from '@/lib/auth';

// the dialog's form (Form, DatePicker, its validator) loads when first opened, not with the page
const OpenRoundModal = lazy(() =>
  import('@/features/report-rounds/components/open-round-modal').then((m) => ({ default: m.OpenRoundModal })),
);

/** The open dialog, fed by the units feature (features do not import each other). */
function OpenRoundDialog({ inspectionId, onClose }: { inspectionId: string; onClose: () => void }) {
  const units = useUnits();
  const navigate = useNavigate();
  const { message } = App.useApp();
  return (
    <OpenRoundModal
      inspectionId={inspectionId}
      unitOptions={unitOptions(units.data ?? [])}
      unitsLoading={units.isPending}
      onClose={onClose}
      onOpened={(round) => {
        message.success(`已发起${round.number}报送`);
        onClose();
        navigate(`/report-rounds/${round.id}`);
      }}
    />
  );
}

function Rounds({ inspectionId, canOpen }: { inspectionId: string; canOpen: boolean }) {
  const rounds = useReportRounds(inspectionId);
  const [opening, setOpening] = useState(false);
  return (
    <Flex vertical gap={12}>
      {canOpen && (
        <Flex justify="flex-end">
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpening(true)}>
            发起报送
          </Button>
        </Flex>
      )}
      {rounds.isError ? (
        <QueryError error={rounds.error} onRetry={() => rounds.refetch()} />
      ) : rounds.isPending ? (
        <Spin />
      ) : (
        <RoundList rounds={rounds.data} loading={rounds.isFetching} />
      )}
      {opening && (
        <Suspense fallback={null}>
          <OpenRoundDialog inspectionId={inspectionId} onClose={() => setOpening(false)} />
        </Suspense>
      )}
    </Flex>
  );
}

/** 定期报送: an inspection's reporting rounds (报送轮次); officers open new ones, supervisors read. */
export function ReportRoundsRoute() {
  const { data: user } = useSessionUser();
  if (!user) return null;
  if (!hasBusinessAccess(user)) return <NoAccess roleText={roleLabels(user).join('、')} />;
  const permissions = roundPermissions(user);
  return (
    <>
      <title>定期报送 · 整改工作台</title>
      <InspectionPage title="定期报送" tag={isOfficer(user) ? null : <Tag color="default">只读</Tag>}>
        {(inspection) => <Rounds inspectionId={inspection.id} canOpen={permissions.open} />}
      </InspectionPage>
    </>
  );
}
