import { CheckCircleOutlined, CloseCircleOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Pagination, Skeleton, Tag, Typography } from 'antd';
import { type ApprovalOutcome, canTransitionMeasure, type MeasureActor } from '@zhenggai/domain';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '@/components/errors/query-error';
import { LightIndicator } from '@/components/ui/light-indicator';
import { EMPTY_TEXT, formatDate, formatDateTime, measureRef } from '@/lib/format';
import type { Extension, ExtensionPage } from '../api/get-extensions';
import { useMeasureAttachments } from '../api/get-measure-attachments';
import { useMeasureHistory, type MeasureEvent } from '../api/get-measure-history';
import type { Measure, MeasurePage } from '../api/get-measures';
import { AttachmentList } from './attachment-list';
import { useLazyConflictDialog } from './lazy-conflict-dialog';

// the decision dialogs (Form, DatePicker, Upload…) load when one opens, not with the queue (issue 28, bundle budget)
const ExtensionDecisionModal = lazy(() =>
  import('./extension-modals').then((m) => ({ default: m.ExtensionDecisionModal })),
);
const ApproveModal = lazy(() => import('./workflow-modals').then((m) => ({ default: m.ApproveModal })));
const ReasonModal = lazy(() => import('./workflow-modals').then((m) => ({ default: m.ReasonModal })));

// the submissions of the current round: newest first, up to the last decision that closed the previous one
function currentSubmissions(history: MeasureEvent[]): MeasureEvent[] {
  const round: MeasureEvent[] = [];
  for (const event of history) {
    if (event.action === 'return' || event.action === 'reopen' || event.action === 'approve') break;
    if (event.action === 'submit') round.push(event);
  }
  return round;
}

/** What the units handed in: each unit's note and the evidence it chose. */
function SubmissionDetails({ measure, actor }: { measure: Measure; actor: MeasureActor }) {
  const history = useMeasureHistory(measure.id);
  const attachments = useMeasureAttachments(measure.id);
  if (history.isPending || attachments.isPending) return <Skeleton active title={false} paragraph={{ rows: 2 }} />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => history.refetch()} />;
  if (attachments.isError) return <QueryError error={attachments.error} onRetry={() => attachments.refetch()} />;
  const submissions = currentSubmissions(history.data);
  // items imported with their status carry no submission record
  if (submissions.length === 0) {
    if (attachments.data.length === 0) {
      return (
        <Typography.Text type="secondary">无销号申请记录和佐证材料（导入的历史数据），请核实后审核。</Typography.Text>
      );
    }
    return (
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">无销号申请记录。本措施现有佐证材料：</Typography.Text>
        <AttachmentList attachments={attachments.data} actor={actor} />
      </Flex>
    );
  }
  return (
    <Flex vertical gap={12}>
      {submissions.map((submission) => {
        const evidence = attachments.data.filter((attachment) => submission.attachmentIds.includes(attachment.id));
        return (
          <div key={submission.id} className="zg-submission">
            <Typography.Text type="secondary">
              {submission.unit?.name ?? EMPTY_TEXT} · {submission.actor?.name ?? EMPTY_TEXT} 于{' '}
              {formatDateTime(submission.occurredAt)} 提交
            </Typography.Text>
            <Typography.Paragraph className="zg-prose" style={{ margin: '4px 0 8px' }}>
              {submission.opinion ?? EMPTY_TEXT}
            </Typography.Paragraph>
            <AttachmentList attachments={evidence} actor={actor} emptyText="所附佐证材料已删除" />
          </div>
        );
      })}
    </Flex>
  );
}

type Decision = { measure: Measure; kind: 'approve'; outcome: ApprovalOutcome } | { measure: Measure; kind: 'return' };

/** 待审核的销号申请, decided in place with the same dialogs (and rules) as the problem page. */
export function SignOffQueue({
  page,
  actor,
  pageNumber,
  onPageChange,
}: {
  page: MeasurePage;
  actor: MeasureActor;
  pageNumber: number;
  onPageChange: (page: number) => void;
}) {
  const { openConflict, dialog } = useLazyConflictDialog(actor);
  const [decision, setDecision] = useState<Decision | null>(null);
  if (page.items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待审核的销号申请" />;
  }
  return (
    <>
      <ul className="zg-review-list" aria-label="销号申请">
        {page.items.map((measure) => {
          const ref = measureRef(measure.problemLabel, measure.seq);
          const allowed = canTransitionMeasure('approve', measure, actor).ok;
          return (
            <li key={measure.id} className="zg-review" aria-label={`销号申请 ${ref}`}>
              <Flex justify="space-between" align="flex-start" gap={8} wrap>
                <Link to={`/problems/${measure.problemId}#measure-${measure.id}`} className="zg-review-title">
                  <Typography.Text strong>{ref}</Typography.Text> {measure.problemTitle}
                </Link>
                <Flex gap={8} align="center">
                  <Tag color="gold">待审核</Tag>
                  <LightIndicator light={measure.light} />
                </Flex>
              </Flex>
              <Typography.Paragraph ellipsis={{ rows: 2, tooltip: measure.text }} style={{ margin: '6px 0' }}>
                {measure.lead && <strong className="zg-measure-lead">{measure.lead}</strong>}
                {measure.text}
              </Typography.Paragraph>
              <Typography.Text type="secondary" className="zg-row-meta">
                {measure.units.map((unit) => unit.name).join('、')} · 时限 {formatDate(measure.deadline)}（
                {measure.termLabel}）· 提交于 {formatDateTime(measure.submittedAt)}
              </Typography.Text>
              <div className="zg-review-details">
                <SubmissionDetails measure={measure} actor={actor} />
              </div>
              {allowed && (
                <Flex gap={8} wrap className="zg-review-actions">
                  <Button
                    type="primary"
                    icon={<CheckCircleOutlined aria-hidden />}
                    onClick={() => setDecision({ measure, kind: 'approve', outcome: 'completed' })}
                  >
                    通过（已完成）
                  </Button>
                  <Button
                    icon={<CheckCircleOutlined aria-hidden />}
                    onClick={() => setDecision({ measure, kind: 'approve', outcome: 'deemed_completed' })}
                  >
                    通过（视同完成）
                  </Button>
                  <Button
                    danger
                    icon={<RollbackOutlined aria-hidden />}
                    onClick={() => setDecision({ measure, kind: 'return' })}
                  >
                    退回
                  </Button>
                </Flex>
              )}
            </li>
          );
        })}
      </ul>
      {page.total > page.pageSize && (
        <Pagination
          current={pageNumber}
          pageSize={page.pageSize}
          total={page.total}
          onChange={onPageChange}
          showTotal={(count) => `共 ${count} 项`}
          size="small"
          style={{ marginTop: 12 }}
        />
      )}
      <Suspense fallback={null}>
        {decision?.kind === 'approve' && (
          <ApproveModal
            measure={decision.measure}
            defaultOutcome={decision.outcome}
            onClose={() => setDecision(null)}
            onConflict={openConflict}
          />
        )}
        {decision?.kind === 'return' && (
          <ReasonModal
            measure={decision.measure}
            kind="return"
            onClose={() => setDecision(null)}
            onConflict={openConflict}
          />
        )}
      </Suspense>
      {dialog}
    </>
  );
}

/** 待审批的延期申请: 同意 moves the measure's deadline, 不同意 needs a reason. */
export function ExtensionQueue({
  page,
  pageNumber,
  onPageChange,
}: {
  page: ExtensionPage;
  pageNumber: number;
  onPageChange: (page: number) => void;
}) {
  const [deciding, setDeciding] = useState<{ extension: Extension; decision: 'approve' | 'refuse' } | null>(null);
  if (page.items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待审批的延期申请" />;
  return (
    <>
      <ul className="zg-review-list" aria-label="延期申请">
        {page.items.map((extension) => (
          <li key={extension.id} className="zg-review" aria-label={`延期申请 ${extension.measureRef}`}>
            <Flex justify="space-between" align="flex-start" gap={8} wrap>
              <Typography.Text strong>措施 {extension.measureRef}</Typography.Text>
              <Tag color="gold">{extension.statusLabel}</Tag>
            </Flex>
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: extension.measureText }} style={{ margin: '6px 0' }}>
              {extension.measureText}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {extension.unit.name}申请将时限由 {formatDate(extension.previousDeadline)} 延至{' '}
              <Typography.Text strong>{formatDate(extension.requestedDeadline)}</Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph className="zg-prose" style={{ marginBottom: 4 }}>
              理由：{extension.reason}
            </Typography.Paragraph>
            <Typography.Text type="secondary" className="zg-row-meta">
              {extension.requestedBy?.name ?? EMPTY_TEXT} 于 {formatDateTime(extension.createdAt)} 申请
            </Typography.Text>
            <Flex gap={8} wrap className="zg-review-actions">
              <Button
                type="primary"
                icon={<CheckCircleOutlined aria-hidden />}
                onClick={() => setDeciding({ extension, decision: 'approve' })}
              >
                同意
              </Button>
              <Button
                danger
                icon={<CloseCircleOutlined aria-hidden />}
                onClick={() => setDeciding({ extension, decision: 'refuse' })}
              >
                不同意
              </Button>
            </Flex>
          </li>
        ))}
      </ul>
      {page.total > page.pageSize && (
        <Pagination
          current={pageNumber}
          pageSize={page.pageSize}
          total={page.total}
          onChange={onPageChange}
          showTotal={(count) => `共 ${count} 项`}
          size="small"
          style={{ marginTop: 12 }}
        />
      )}
      <Suspense fallback={null}>
        {deciding && (
          <ExtensionDecisionModal
            extension={deciding.extension}
            decision={deciding.decision}
            onClose={() => setDeciding(null)}
          />
        )}
      </Suspense>
    </>
  );
}

export function ReviewQueueSkeleton() {
  return <Skeleton active paragraph={{ rows: 6 }} />;
}
