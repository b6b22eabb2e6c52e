import { measurePermissions, ownMeasureShare, type MeasureActor } from '@zhenggai/domain';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  EditOutlined,
  FormOutlined,
  PartitionOutlined,
  RedoOutlined,
  RollbackOutlined,
  SendOutlined,
  SoundOutlined,
} from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { lazy, Suspense, useState } from 'react';
import type { Measure } from '../api/get-measures';
import type { ConflictState } from './conflict-dialog';
import type { UnitOption } from './edit-modals';

// the dialogs (Form, DatePicker, Upload, Select…) load when one opens, not with the page (issue 28, bundle budget)
const EditMeasureModal = lazy(() => import('./edit-modals').then((m) => ({ default: m.EditMeasureModal })));
const AssignUnitsModal = lazy(() => import('./edit-modals').then((m) => ({ default: m.AssignUnitsModal })));
const RequestExtensionModal = lazy(() =>
  import('./extension-modals').then((m) => ({ default: m.RequestExtensionModal })),
);
const ProgressModal = lazy(() => import('./progress-form').then((m) => ({ default: m.ProgressModal })));
const UrgeModal = lazy(() => import('./urge-modal').then((m) => ({ default: m.UrgeModal })));
const SubmitModal = lazy(() => import('./workflow-modals').then((m) => ({ default: m.SubmitModal })));
const ApproveModal = lazy(() => import('./workflow-modals').then((m) => ({ default: m.ApproveModal })));
const ReasonModal = lazy(() => import('./workflow-modals').then((m) => ({ default: m.ReasonModal })));

type Dialog = 'progress' | 'submit' | 'approve' | 'return' | 'reopen' | 'extension' | 'edit' | 'assign' | 'urge';

/** The buttons a user may press on this measure now (checkTransition), and their dialogs. */
export function MeasureActions({
  measure,
  actor,
  unitOptions,
  onConflict,
}: {
  measure: Measure;
  actor: MeasureActor;
  unitOptions: UnitOption[];
  onConflict: (state: ConflictState) => void;
}) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const can = measurePermissions(measure, actor);
  const officer = actor.roles.includes('task_force_officer');
  const unitRole = actor.roles.includes('unit_leader') || actor.roles.includes('unit_staff');
  const share = unitRole ? ownMeasureShare(measure, actor) : null;
  const close = () => setDialog(null);

  const buttons = [
    can.report && (
      <Button key="progress" type="primary" icon={<FormOutlined aria-hidden />} onClick={() => setDialog('progress')}>
        报送进展
      </Button>
    ),
    can.submit && (
      <Button key="submit" type="primary" ghost icon={<SendOutlined aria-hidden />} onClick={() => setDialog('submit')}>
        提交销号
      </Button>
    ),
    can.approve && (
      <Button
        key="approve"
        type="primary"
        icon={<CheckCircleOutlined aria-hidden />}
        onClick={() => setDialog('approve')}
      >
        审核通过
      </Button>
    ),
    can.return && (
      <Button key="return" danger icon={<RollbackOutlined aria-hidden />} onClick={() => setDialog('return')}>
        退回
      </Button>
    ),
    can.reopen && (
      <Button key="reopen" icon={<RedoOutlined aria-hidden />} onClick={() => setDialog('reopen')}>
        重新打开
      </Button>
    ),
    can.requestExtension && (
      <Button key="extension" icon={<ClockCircleOutlined aria-hidden />} onClick={() => setDialog('extension')}>
        申请延期
      </Button>
    ),
    can.assign && (
      <Button key="assign" icon={<PartitionOutlined aria-hidden />} onClick={() => setDialog('assign')}>
        分办
      </Button>
    ),
    can.urge && (
      <Button key="urge" icon={<SoundOutlined aria-hidden />} onClick={() => setDialog('urge')}>
        催办
      </Button>
    ),
    (can.edit || share !== null) && (
      <Button key="edit" icon={<EditOutlined aria-hidden />} onClick={() => setDialog('edit')}>
        {officer ? '修改' : '备注'}
      </Button>
    ),
  ].filter(Boolean);

  if (buttons.length === 0) return null;

  return (
    <>
      <Flex gap={8} wrap className="zg-measure-actions" role="group" aria-label="办理">
        {buttons}
      </Flex>
      <Suspense fallback={null}>
        {dialog === 'progress' && (
          <ProgressModal measure={measure} initialProgress={share?.progress ?? 0} onClose={close} />
        )}
        {dialog === 'submit' && <SubmitModal measure={measure} onClose={close} onConflict={onConflict} />}
        {dialog === 'approve' && <ApproveModal measure={measure} onClose={close} onConflict={onConflict} />}
        {(dialog === 'return' || dialog === 'reopen') && (
          <ReasonModal measure={measure} kind={dialog} onClose={close} onConflict={onConflict} />
        )}
        {dialog === 'extension' && <RequestExtensionModal measure={measure} onClose={close} />}
        {dialog === 'edit' && (
          <EditMeasureModal measure={measure} officer={officer} onClose={close} onConflict={onConflict} />
        )}
        {dialog === 'urge' && (
          <UrgeModal
            target={{ measureId: measure.id }}
            subject={`${measure.problemLabel}(${measure.seq}) ${measure.text.slice(0, 30)}`}
            onClose={close}
          />
        )}
        {dialog === 'assign' && (
          <AssignUnitsModal measure={measure} unitOptions={unitOptions} onClose={close} onConflict={onConflict} />
        )}
      </Suspense>
    </>
  );
}
