import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Progress, Tabs, Tag, Tooltip, Typography, type DescriptionsProps } from 'antd';
import { UNIT_ROLE_LABELS, type MeasureStatus, measurePermissions, type MeasureActor } from '@zhenggai/domain';
import { LightIndicator } from '@/components/ui/light-indicator';
import { MeasureStatusTag } from '@/components/ui/status-tags';
import { EMPTY_TEXT, formatDate, formatDateTime } from '@/lib/format';
import type { Measure } from '../api/get-measures';
import { measureNumber } from '../utils/measure-number';
import type { ConflictState } from './conflict-dialog';
import type { UnitOption } from './edit-modals';
import { MeasureActions } from './measure-actions';
import {
  CheckpointRecords,
  ExtensionRecords,
  HistoryRecords,
  MeasureEvidence,
  ProgressTimeline,
} from './measure-records';

export { measureNumber } from '../utils/measure-number';

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
      children: <MeasureEvidence measure={measure} actor={actor} canUpload={can.upload} />,
    },
    {
      key: 'extensions',
      label: '延期申请',
      children: <ExtensionRecords measureId={measure.id} canDecide={can.decideExtension} />,
    },
    ...(measure.term === 'long_term' || deemed
      ? [{ key: 'checkpoints', label: '检查节点', children: <CheckpointRecords measureId={measure.id} /> }]
      : []),
    { key: 'history', label: '变更记录', children: <HistoryRecords measureId={measure.id} /> },
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
