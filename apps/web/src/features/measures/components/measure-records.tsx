import { Button, Empty, Flex, Skeleton, Table, Tag, Timeline, Typography } from 'antd';
import { MEASURE_STATUS_LABELS, type MeasureStatus, type MeasureActor } from '@zhenggai/domain';
import { useState } from 'react';
import { QueryError } from '@/components/errors/query-error';
import { EMPTY_TEXT, formatDate, formatDateTime } from '@/lib/format';
import { useMeasureAttachments } from '../api/get-measure-attachments';
import { useMeasureCheckpoints } from '../api/get-measure-checkpoints';
import { useMeasureExtensions } from '../api/get-measure-extensions';
import { useMeasureHistory, type MeasureEvent } from '../api/get-measure-history';
import type { Extension } from '../api/get-extensions';
import type { Measure } from '../api/get-measures';
import { AttachmentList } from './attachment-list';
import { AttachmentUploader } from './attachment-uploader';
import { ExtensionDecisionModal } from './extension-modals';

// the tabs after 整改进展 of a measure panel (measure-panel.tsx loads them when one is first opened)
const loading = <Skeleton active title={false} paragraph={{ rows: 3 }} />;

/** 佐证材料: the list, and the drop zone for those who may add to it. */
export function MeasureEvidence({
  measure,
  actor,
  canUpload,
}: {
  measure: Measure;
  actor: MeasureActor;
  canUpload: boolean;
}) {
  const attachments = useMeasureAttachments(measure.id);
  return (
    <Flex vertical gap={12}>
      {attachments.isPending ? (
        loading
      ) : attachments.isError ? (
        <QueryError error={attachments.error} onRetry={() => attachments.refetch()} />
      ) : (
        <AttachmentList attachments={attachments.data} actor={actor} measureStatus={measure.status} />
      )}
      {canUpload && <AttachmentUploader measureId={measure.id} />}
    </Flex>
  );
}

const EXTENSION_COLORS: Record<Extension['status'], string> = { pending: 'gold', approved: 'green', refused: 'red' };

/** 延期申请 of a measure; officers decide the pending ones in place. */
export function ExtensionRecords({ measureId, canDecide }: { measureId: string; canDecide: boolean }) {
  const extensions = useMeasureExtensions(measureId);
  const [deciding, setDeciding] = useState<{ extension: Extension; decision: 'approve' | 'refuse' } | null>(null);
  if (extensions.isPending) return loading;
  if (extensions.isError) return <QueryError error={extensions.error} onRetry={() => extensions.refetch()} />;
  if (extensions.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无延期申请" />;
  return (
    <>
      <ul className="zg-record-list" aria-label="延期申请">
        {extensions.data.map((extension) => (
          <li key={extension.id} className="zg-record">
            <Flex justify="space-between" gap={8} wrap>
              <span>
                <Tag color={EXTENSION_COLORS[extension.status]}>{extension.statusLabel}</Tag>
                {extension.unit.name} 申请由 {formatDate(extension.previousDeadline)} 延至{' '}
                <Typography.Text strong>{formatDate(extension.requestedDeadline)}</Typography.Text>
              </span>
              <Typography.Text type="secondary">
                {extension.requestedBy?.name ?? EMPTY_TEXT} · {formatDateTime(extension.createdAt)}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ margin: '6px 0 0' }}>理由：{extension.reason}</Typography.Paragraph>
            {extension.status !== 'pending' && (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                {extension.decidedBy?.name ?? EMPTY_TEXT} 于 {formatDateTime(extension.decidedAt)}{' '}
                {extension.statusLabel}
                {extension.opinion && `：${extension.opinion}`}
              </Typography.Paragraph>
            )}
            {canDecide && extension.status === 'pending' && (
              <Flex gap={8} style={{ marginTop: 8 }}>
                <Button size="small" type="primary" onClick={() => setDeciding({ extension, decision: 'approve' })}>
                  同意
                </Button>
                <Button size="small" danger onClick={() => setDeciding({ extension, decision: 'refuse' })}>
                  不同意
                </Button>
              </Flex>
            )}
          </li>
        ))}
      </ul>
      {deciding && (
        <ExtensionDecisionModal
          extension={deciding.extension}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
        />
      )}
    </>
  );
}

function statusChange(event: MeasureEvent): string | null {
  if (!event.fromStatus || !event.toStatus || event.fromStatus === event.toStatus) return null;
  return `${MEASURE_STATUS_LABELS[event.fromStatus as MeasureStatus]} → ${MEASURE_STATUS_LABELS[event.toStatus as MeasureStatus]}`;
}

const FIELD_LABELS: Record<string, string> = {
  lead: '措施要点',
  text: '措施内容',
  term: '整改类型',
  deadline: '完成时限',
  responsibleLeaderId: '责任领导',
  responsiblePersonId: '责任人',
  remarks: '备注',
};

/** For an edit, which fields changed (the values of dates are short enough to show). */
function editSummary(event: MeasureEvent): string | null {
  const after = event.detail?.after;
  if (event.action !== 'update' || typeof after !== 'object' || after === null) return null;
  const before = (event.detail?.before ?? {}) as Record<string, unknown>;
  return Object.keys(after)
    .map((key) => {
      const label = FIELD_LABELS[key] ?? key;
      if (key !== 'deadline') return label;
      const to = (after as Record<string, unknown>)[key];
      return `${label} ${formatDate(before[key] as string | null)} → ${formatDate(to as string | null)}`;
    })
    .join('、');
}

/** 变更记录: who, when, what, with which opinion. */
export function HistoryRecords({ measureId }: { measureId: string }) {
  const history = useMeasureHistory(measureId);
  if (history.isPending) return loading;
  if (history.isError) return <QueryError error={history.error} onRetry={() => history.refetch()} />;
  return (
    <Table<MeasureEvent>
      aria-label="变更记录"
      size="small"
      rowKey="id"
      pagination={history.data.length > 10 ? { pageSize: 10, size: 'small' } : false}
      dataSource={history.data}
      scroll={{ x: 640 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无变更记录" /> }}
      columns={[
        { key: 'at', title: '时间', width: 150, render: (_, event) => formatDateTime(event.occurredAt) },
        {
          key: 'who',
          title: '办理人',
          width: 160,
          render: (_, event) => (
            <span>
              {event.actor?.name ?? '系统'}
              {event.unit && (
                <Typography.Text type="secondary" className="zg-row-meta">
                  {event.unit.name}
                </Typography.Text>
              )}
            </span>
          ),
        },
        {
          key: 'action',
          title: '事项',
          width: 150,
          render: (_, event) => (
            <span>
              {event.actionLabel}
              {statusChange(event) && (
                <Typography.Text type="secondary" className="zg-row-meta">
                  {statusChange(event)}
                </Typography.Text>
              )}
            </span>
          ),
        },
        {
          key: 'opinion',
          title: '意见 / 说明',
          render: (_, event) => {
            const summary = editSummary(event);
            const evidence = event.attachmentIds.length > 0 ? `（佐证材料 ${event.attachmentIds.length} 份）` : '';
            return (
              <span className="zg-prose">
                {summary ? `修改：${summary}` : (event.opinion ?? EMPTY_TEXT)}
                {evidence}
              </span>
            );
          },
        },
      ]}
    />
  );
}

/** 检查节点 of a long-term (or 视同完成) measure. */
export function CheckpointRecords({ measureId }: { measureId: string }) {
  const checkpoints = useMeasureCheckpoints(measureId);
  if (checkpoints.isPending) return loading;
  if (checkpoints.isError) return <QueryError error={checkpoints.error} onRetry={() => checkpoints.refetch()} />;
  if (checkpoints.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无检查节点" />;
  return (
    <Timeline
      items={checkpoints.data.map((checkpoint) => ({
        key: checkpoint.id,
        color: checkpoint.doneOn ? 'green' : 'blue',
        content: `${formatDate(checkpoint.dueOn)} ${checkpoint.title ?? '检查节点'}${checkpoint.doneOn ? `（${formatDate(checkpoint.doneOn)} 已检查）` : ''}`,
      }))}
    />
  );
}
