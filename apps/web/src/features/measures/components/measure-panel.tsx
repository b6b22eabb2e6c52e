import { QuestionCircleOutlined } from '@ant-design/icons';
import {
  Card,
  Descriptions,
  Flex,
  Progress,
  Skeleton,
  Tabs,
  Tag,
  Tooltip,
  Typography,
  type DescriptionsProps,
} from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { UNIT_ROLE_LABELS, type MeasureStatus, measurePermissions, type MeasureActor } from '@zhenggai/domain';
import { LightIndicator } from '@/components/ui/light-indicator';
import { MeasureStatusTag } from '@/components/ui/status-tags';
import { EMPTY_TEXT, formatDate, formatDateTime } from '@/lib/format';
import type { Measure } from '../api/get-measures';
import { measureNumber } from '../utils/measure-number';
import type { ConflictState } from './conflict-dialog';
import type { UnitOption } from './edit-modals';
import { MeasureActions } from './measure-actions';
import { ProgressTimeline } from './progress-timeline';

export { measureNumber } from '../utils/measure-number';

// the tabs after 整改进展 (佐证材料 with its uploader and image preview, 延期申请 with its decision dialog, 检查节点,
// 变更记录's table) load when one is first opened: antd renders a tab's pane only once it is active
const MeasureEvidence = lazy(() => import('./measure-records').then((m) => ({ default: m.MeasureEvidence })));
const ExtensionRecords = lazy(() => import('./measure-records').then((m) => ({ default: m.ExtensionRecords })));
const CheckpointRecords = lazy(() => import('./measure-records').then((m) => ({ default: m.CheckpointRecords })));
const HistoryRecords = lazy(() => import('./measure-records').then((m) => ({ default: m.HistoryRecords })));

function LaterTab({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Skeleton active title={false} paragraph={{ rows: 3 }} />}>{children}</Suspense>;
}

/** Each unit's own share: 牵头/配合, its status and progress, and how they roll up into the measure's status. */
function UnitShares({ measure }: { measure: Measure }) {
  return (
    <section aria-label="责任单位进度" className="zg-unit-shares">
      <Flex align="center" gap={6} className="zg-subheading">
        <Typography.Text strong>责任单位进度</Typography.Text>
        <Tooltip title={measure.rollUpRule}>
          <QuestionCircleOutlined aria-label="状态汇总规则" style={{ color: '#98a2b3' }} />
        </Tooltip>
      </Flex>
      <ul className="zg-unit-share-list">
        {measure.units.map((unit) => (
          <li key={unit.id} className="zg-unit-share">
            <span className="zg-unit-share-name">
              <Tag color={unit.role === 'lead' ? 'red' : 'default'} variant="outlined">
                {UNIT_ROLE_LABELS[unit.role]}
              </Tag>
              {unit.name}
            </span>
            <MeasureStatusTag status={unit.status as MeasureStatus} label={unit.statusLabel} />
            {unit.urges > 0 && (
              <Tag color="orange" variant="outlined">
                被催办 {unit.urges} 次
              </Tag>
            )}
            <Progress
              percent={unit.progress}
              size="small"
              className="zg-unit-share-progress"
              aria-label={`${unit.name}完成进度 ${unit.progress}%`}
            />
          </li>
        ))}
      </ul>
      <Typography.Text type="secondary" className="zg-help-text">
        {measure.rollUpRule}
      </Typography.Text>
    </section>
  );
}

/** One measure on the problem page: what, who, by when, its state, the actions and its records. */
export function MeasurePanel({
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
  const can = measurePermissions(measure, actor);
  const deemed = measure.status === 'deemed_completed';
  const items: DescriptionsProps['items'] = [
    { key: 'leader', label: '责任领导', children: measure.responsibleLeader?.name ?? EMPTY_TEXT },
    { key: 'person', label: '责任人', children: measure.responsiblePerson?.name ?? EMPTY_TEXT },
    {
      key: 'deadline',
      label: '完成时限',
      children: (
        <span>
          {formatDate(measure.deadline)}
          <Typography.Text type="secondary">（{measure.termLabel}）</Typography.Text>
        </span>
      ),
    },
    ...(measure.nextCheckpoint
      ? [{ key: 'checkpoint', label: '下一检查节点', children: formatDate(measure.nextCheckpoint) }]
      : []),
    ...(measure.submittedAt
      ? [{ key: 'submitted', label: '提交销号', children: formatDateTime(measure.submittedAt) }]
      : []),
    ...(measure.completedAt
      ? [{ key: 'completed', label: '审核通过', children: formatDateTime(measure.completedAt) }]
      : []),
    ...(measure.remarks ? [{ key: 'remarks', label: '备注', children: measure.remarks }] : []),
  ];
  const tabs = [
    { key: 'progress', label: '整改进展', children: <ProgressTimeline measureId={measure.id} /> },
    {
      key: 'evidence',
      label: '佐证材料',
      children: (
        <LaterTab>
          <MeasureEvidence measure={measure} actor={actor} canUpload={can.upload} />
        </LaterTab>
      ),
    },
    {
      key: 'extensions',
      label: '延期申请',
      children: (
        <LaterTab>
          <ExtensionRecords measureId={measure.id} canDecide={can.decideExtension} />
        </LaterTab>
      ),
    },
    ...(measure.term === 'long_term' || deemed
      ? [
          {
            key: 'checkpoints',
            label: '检查节点',
            children: (
              <LaterTab>
                <CheckpointRecords measureId={measure.id} />
              </LaterTab>
            ),
          },
        ]
      : []),
    {
      key: 'history',
      label: '变更记录',
      children: (
        <LaterTab>
          <HistoryRecords measureId={measure.id} />
        </LaterTab>
      ),
    },
  ];

  return (
    <Card
      id={`measure-${measure.id}`}
      className="zg-measure-panel"
      variant="borderless"
      title={
        <Flex align="center" gap={8} wrap className="zg-measure-panel-title">
          <span>{measureNumber(measure)}</span>
          {measure.lead && <Typography.Text strong>{measure.lead}</Typography.Text>}
        </Flex>
      }
      extra={
        <Flex gap={8} align="center">
          <MeasureStatusTag status={measure.status} label={measure.statusLabel} />
          <LightIndicator light={measure.light} />
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph className="zg-measure-text" style={{ marginBottom: 0 }}>
          {measure.text}
        </Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
        {deemed && (
          <Descriptions
            size="small"
            bordered
            column={1}
            title="视同完成情况"
            items={[
              { key: 'stage', label: '阶段性成果', children: measure.stageOutcome ?? EMPTY_TEXT },
              { key: 'mechanism', label: '长效机制', children: measure.longTermMechanism ?? EMPTY_TEXT },
            ]}
          />
        )}
        <UnitShares measure={measure} />
        <MeasureActions measure={measure} actor={actor} unitOptions={unitOptions} onConflict={onConflict} />
        <Tabs size="small" items={tabs} className="zg-measure-tabs" />
      </Flex>
    </Card>
  );
}
