import { RollbackOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Descriptions, Flex, Grid, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { LIGHTS, type Light } from '@zhenggai/domain';
import { lazy, Suspense, useState } from 'react';
import { LightIndicator } from '@/components/ui/light-indicator';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Submission, UnitSubmissions } from '../api/get-submission';

const ReturnSubmissionModal = lazy(() =>
  import('./return-submission-modal').then((m) => ({ default: m.ReturnSubmissionModal })),
);

type Item = Submission['items'][number];

const isLight = (value: string): value is Light => (LIGHTS as readonly string[]).includes(value);
const light = (item: Item) => (isLight(item.light) ? <LightIndicator light={item.light} /> : item.lightLabel);

const ITEM_COLUMNS: TableColumnsType<Item> = [
  { title: '问题编号', dataIndex: 'label', key: 'label', width: 90 },
  { title: '措施', dataIndex: 'text', key: 'text', width: 240 },
  { title: '状态', dataIndex: 'statusLabel', key: 'status', width: 90 },
  {
    title: '时限',
    dataIndex: 'deadline',
    key: 'deadline',
    width: 110,
    render: (value: string | null) => formatDate(value),
  },
  { title: '亮灯', key: 'light', width: 90, render: (_value, item) => light(item) },
  {
    title: '本期进展',
    dataIndex: 'progress',
    key: 'progress',
    render: (value: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span>,
  },
];

/** The frozen items: a table on a desktop, cards at phone width. */
function SnapshotItems({ items, label }: { items: Item[]; label: string }) {
  const screens = Grid.useBreakpoint();
  if (!screens.md) {
    return (
      <Flex vertical gap={8} role="list" aria-label={label}>
        {items.map((item) => (
          <Card key={item.measureId} size="small" role="listitem">
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>{item.label}</Typography.Text>
              <Tag>{item.statusLabel}</Tag>
              {light(item)}
              <Typography.Text type="secondary">时限 {formatDate(item.deadline)}</Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ margin: '4px 0' }}>{item.text}</Typography.Paragraph>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              <Typography.Text type="secondary">本期进展：</Typography.Text>
              {item.progress}
            </Typography.Paragraph>
          </Card>
        ))}
      </Flex>
    );
  }
  return (
    <Table<Item>
      rowKey="measureId"
      size="small"
      aria-label={label}
      columns={ITEM_COLUMNS}
      dataSource={items}
      pagination={false}
      scroll={{ x: 900 }}
    />
  );
}

function SubmissionFacts({ submission }: { submission: Submission }) {
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }}>
      <Descriptions.Item label="报送时间">
        {formatDateTime(submission.submittedAt)}
        {submission.late && (
          <Tag color="orange" style={{ marginLeft: 8 }}>
            逾期报送
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="报送人">{submission.submittedBy}</Descriptions.Item>
      {submission.returnedAt && (
        <Descriptions.Item label="退回">
          {formatDateTime(submission.returnedAt)}：{submission.returnReason}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** 退回 with a reason (officers): the unit must report again. The dialog (Form, TextArea) loads when first opened. */
function ReturnButton({ roundId, unitId, unitName }: { roundId: string; unitId: string; unitName: string }) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        danger
        icon={<RollbackOutlined aria-hidden />}
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
      >
        退回
      </Button>
      {opened && (
        <Suspense fallback={null}>
          <ReturnSubmissionModal
            open={open}
            onClose={() => setOpen(false)}
            roundId={roundId}
            unitId={unitId}
            unitName={unitName}
          />
        </Suspense>
      )}
    </>
  );
}

/** A unit's frozen report of a round (later edits of the measures never change it), its earlier attempts, 退回. */
export function SnapshotView({
  submissions,
  heading,
  canReturn,
}: {
  submissions: UnitSubmissions;
  /** e.g. 第3期 2024年6月整改进展报送 */
  heading: string;
  canReturn: boolean;
}) {
  const returned = Boolean(submissions.returnedAt);
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8} wrap justify="space-between" className="zg-page-heading">
        <Flex align="baseline" gap={8} wrap style={{ minWidth: 0 }}>
          <Typography.Title level={3} className="zg-page-title">
            {submissions.unit.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {heading} · 第{submissions.attempt}次报送
          </Typography.Text>
          {returned && <Tag color="red">已退回</Tag>}
        </Flex>
        {canReturn && !returned && (
          <ReturnButton roundId={submissions.roundId} unitId={submissions.unit.id} unitName={submissions.unit.name} />
        )}
      </Flex>
      <Card variant="borderless" size="small">
        <SubmissionFacts submission={submissions} />
        <SnapshotItems items={submissions.items} label="报送内容" />
      </Card>
      {submissions.history.length > 0 && (
        <Card variant="borderless" size="small" title="历次报送">
          <Collapse
            items={submissions.history.map((attempt) => ({
              key: attempt.id,
              label: `第${attempt.attempt}次报送 · ${formatDateTime(attempt.submittedAt)}${
                attempt.returnReason ? ` · 退回原因：${attempt.returnReason}` : ''
              }`,
              children: (
                <>
                  <SubmissionFacts submission={attempt} />
                  <SnapshotItems items={attempt.items} label={`第${attempt.attempt}次报送内容`} />
                </>
              ),
            }))}
          />
        </Card>
      )}
    </Flex>
  );
}
