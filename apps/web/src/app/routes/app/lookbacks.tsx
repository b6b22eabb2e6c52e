import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Spin, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { InspectionPage } from '@/features/inspections/components/inspection-page';
import { useLookbacks } from '@/features/lookbacks/api/get-lookbacks';
import { LookbackList } from '@/features/lookbacks/components/lookback-list';
import { lookbackPermissions } from '@/features/lookbacks/utils/permissions';
import { hasBusinessAccess, isOfficer, roleLabels, useSessionUser } from '@/lib/auth';

// the draw dialog (Form and its validator) loads when 发起回头看 is pressed, not with the list
const CreateLookbackModal = lazy(() =>
  import('@/features/lookbacks/components/create-lookback-modal').then((m) => ({ default: m.CreateLookbackModal })),
);

function Lookbacks({ inspectionId, canCreate }: { inspectionId: string; canCreate: boolean }) {
  const lookbacks = useLookbacks(inspectionId);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const { message } = App.useApp();
  return (
    <Flex vertical gap={12}>
      {canCreate && (
        <Flex justify="flex-end">
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            发起回头看
          </Button>
        </Flex>
      )}
      {lookbacks.isError ? (
        <QueryError error={lookbacks.error} onRetry={() => lookbacks.refetch()} />
      ) : lookbacks.isPending ? (
        <Spin />
      ) : (
        <LookbackList lookbacks={lookbacks.data} loading={lookbacks.isFetching} />
      )}
      {creating && (
        <Suspense fallback={null}>
          <CreateLookbackModal
            inspectionId={inspectionId}
            onClose={() => setCreating(false)}
            onCreated={(lookback) => {
              message.success(`已发起${lookback.number}，抽取 ${lookback.counts.items} 项`);
              setCreating(false);
              navigate(`/lookbacks/${lookback.id}`);
            }}
          />
        </Suspense>
      )}
    </Flex>
  );
}

/** 回头看: an inspection's look-backs at signed-off work; officers draw new ones, supervisors read. */
export function LookbacksRoute() {
  const { data: user } = useSessionUser();
  if (!user) return null;
  if (!hasBusinessAccess(user)) return <NoAccess roleText={roleLabels(user).join('、')} />;
  const permissions = lookbackPermissions(user);
  return (
    <>
      <title>回头看 · 整改工作台</title>
      <InspectionPage title="回头看" tag={isOfficer(user) ? null : <Tag color="default">只读</Tag>}>
        {(inspection) => <Lookbacks inspectionId={inspection.id} canCreate={permissions.create} />}
      </InspectionPage>
    </>
  );
}
