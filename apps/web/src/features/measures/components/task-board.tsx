import { FormOutlined, RightOutlined, SendOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Collapse, Empty, Flex, Progress, Skeleton, Tag, Typography } from 'antd';
import {
  LIGHT_LABELS,
  UNIT_ROLE_LABELS,
  chinaDate,
  daysBetween,
  type Light,
  measurePermissions,
  ownMeasureShare,
  type MeasureActor,
} from '@zhenggai/domain';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { LightIndicator } from '@/components/ui/light-indicator';
import { MeasureStatusTag } from '@/components/ui/status-tags';
import { formatDate, measureRef } from '@/lib/format';
import type { Measure } from '../api/get-measures';
import { useLazyConflictDialog } from './lazy-conflict-dialog';

// the submit dialog (Form, Upload…) loads when it opens, not with the task list (issue 28, bundle budget)
// the 报送进展 form (Form, Slider, InputNumber) loads when a unit first opens it
const ProgressForm = lazy(() => import('./progress-form').then((m) => ({ default: m.ProgressForm })));
const SubmitModal = lazy(() => import('./workflow-modals').then((m) => ({ default: m.SubmitModal })));

const GROUPS: Array<{ light: Exclude<Light, 'grey'>; title: string; color: string }> = [
  { light: 'red', title: `红灯 · ${LIGHT_LABELS.red}`, color: '#d92d20' },
  { light: 'yellow', title: `黄灯 · ${LIGHT_LABELS.yellow}`, color: '#e6a700' },
  { light: 'green', title: `绿灯 · ${LIGHT_LABELS.green}`, color: '#16a34a' },
];

function deadlineNote(measure: Measure, today: string): string | null {
  if (!measure.deadline || measure.light === 'grey') return null;
  const left = daysBetween(today, measure.deadline);
  if (left < 0) return `已逾期 ${-left} 天`;
  if (left === 0) return '今天到期';
  return `剩 ${left} 天`;
}

function TaskCard({
  measure,
  actor,
  today,
  onSubmit,
}: {
  measure: Measure;
  actor: MeasureActor;
  today: string;
  onSubmit: (measure: Measure) => void;
}) {
  const [reporting, setReporting] = useState(false);
  const can = measurePermissions(measure, actor);
  const share = ownMeasureShare(measure, actor);
  const note = deadlineNote(measure, today);
  const ref = measureRef(measure.problemLabel, measure.seq);
  return (
    <li className="zg-task" aria-label={`措施 ${ref}`}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Link to={`/problems/${measure.problemId}#measure-${measure.id}`} className="zg-task-title">
          <Typography.Text strong>{ref}</Typography.Text> {measure.problemTitle}
        </Link>
        <MeasureStatusTag status={measure.status} label={measure.statusLabel} />
      </Flex>
      <Typography.Paragraph
        className="zg-task-text"
        ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (expanded) => (expanded ? '收起' : '展开') }}
      >
        {measure.lead && <strong className="zg-measure-lead">{measure.lead}</strong>}
        {measure.text}
      </Typography.Paragraph>
      <Flex gap={8} wrap align="center" className="zg-task-meta">
        <LightIndicator light={measure.light} />
        <span>时限 {formatDate(measure.deadline)}</span>
        {note && (
          <Typography.Text
            type={measure.light === 'red' ? 'danger' : measure.light === 'yellow' ? 'warning' : 'secondary'}
          >
            {note}
          </Typography.Text>
        )}
        <Tag>{measure.termLabel}</Tag>
        {share && <Tag color={share.role === 'lead' ? 'red' : 'default'}>本单位{UNIT_ROLE_LABELS[share.role]}</Tag>}
        {share && share.urges > 0 && (
          <Tag color="orange" variant="outlined">
            被催办 {share.urges} 次
          </Tag>
        )}
      </Flex>
      {share && (
        <Progress
          percent={share.progress}
          size="small"
          aria-label={`本单位完成进度 ${share.progress}%`}
          className="zg-task-progress"
        />
      )}
      {reporting ? (
        <div className="zg-task-form">
          <Suspense fallback={<Skeleton active title={false} paragraph={{ rows: 3 }} />}>
            <ProgressForm
              measure={measure}
              initialProgress={share?.progress ?? 0}
              onDone={() => setReporting(false)}
              onCancel={() => setReporting(false)}
            />
          </Suspense>
        </div>
      ) : (
        <Flex gap={8} wrap>
          {can.report && (
            <Button type="primary" size="small" icon={<FormOutlined aria-hidden />} onClick={() => setReporting(true)}>
              报送进展
            </Button>
          )}
          {can.submit && (
            <Button size="small" icon={<SendOutlined aria-hidden />} onClick={() => onSubmit(measure)}>
              提交销号
            </Button>
          )}
          <Link to={`/problems/${measure.problemId}#measure-${measure.id}`} className="zg-task-link">
            查看问题 <RightOutlined aria-hidden />
          </Link>
        </Flex>
      )}
    </li>
  );
}

/** 我的任务: the unit's measures by light (逾期 first), each with a quick progress report. */
export function TaskBoard({ measures, actor }: { measures: Measure[]; actor: MeasureActor }) {
  const today = chinaDate(new Date());
  const { openConflict, dialog } = useLazyConflictDialog(actor);
  const [submitting, setSubmitting] = useState<Measure | null>(null);
  const done = measures.filter((measure) => measure.light === 'grey');
  const card = (measure: Measure) => (
    <TaskCard key={measure.id} measure={measure} actor={actor} today={today} onSubmit={setSubmitting} />
  );
  return (
    <Flex vertical gap={16}>
      {GROUPS.map((group) => {
        const items = measures.filter((measure) => measure.light === group.light);
        return (
          <Card
            key={group.light}
            variant="borderless"
            className={`zg-task-group zg-task-group-${group.light}`}
            title={
              <Flex align="center" gap={8}>
                <Badge color={group.color} />
                <span>{group.title}</span>
                <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                  {items.length} 项
                </Typography.Text>
              </Flex>
            }
          >
            {items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`没有${LIGHT_LABELS[group.light]}的措施`} />
            ) : (
              <ul className="zg-task-list" aria-label={group.title}>
                {items.map(card)}
              </ul>
            )}
          </Card>
        );
      })}
      {done.length > 0 && (
        <Collapse
          items={[
            {
              key: 'done',
              label: `已完成（含视同完成） ${done.length} 项`,
              children: (
                <ul className="zg-task-list" aria-label="已完成">
                  {done.map(card)}
                </ul>
              ),
            },
          ]}
        />
      )}
      <Suspense fallback={null}>
        {submitting && (
          <SubmitModal measure={submitting} onClose={() => setSubmitting(null)} onConflict={openConflict} />
        )}
      </Suspense>
      {dialog}
    </Flex>
  );
}
