import { CheckCircleOutlined, FileExcelOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { DownloadButton } from '@/components/ui/download-button';
import { errorMessage } from '@/lib/api-client';
import { formatDate, formatDateTime, formatPercent, EMPTY_TEXT } from '@/lib/format';
import { exportLookback, exportLookbackUrl, type LookbackExportFormat } from '../api/export-lookback';
import { useFinishLookback } from '../api/finish-lookback';
import type { Lookback, LookbackItem, LookbackUnitRate } from '../api/get-lookback';
import type { LookbackPermissions } from '../utils/permissions';
import { LookbackResultTag, LookbackStatusTag } from './lookback-tags';

// the dialog's form (Form, DatePicker, its validator) loads when first opened, not with the page
const RecordResultModal = lazy(() => import('./record-result-modal').then((m) => ({ default: m.RecordResultModal })));

const UNIT_COLUMNS: TableColumnsType<LookbackUnitRate> = [
  { title: '单位', key: 'unit', render: (_value, row) => row.unit?.name ?? EMPTY_TEXT },
  { title: '抽查', dataIndex: 'items', key: 'items', width: 80 },
  { title: '已核查', dataIndex: 'checked', key: 'checked', width: 80 },
  { title: '反弹', dataIndex: 'rebounded', key: 'rebounded', width: 80 },
  {
    title: '反弹率',
    dataIndex: 'reboundRatePct',
    key: 'reboundRatePct',
    width: 90,
    render: (value: number, row) => (row.checked === 0 ? EMPTY_TEXT : formatPercent(value)),
  },
];

function itemColumns(canRecord: boolean, onRecord: (item: LookbackItem) => void): TableColumnsType<LookbackItem> {
  const columns: TableColumnsType<LookbackItem> = [
    {
      title: '问题/措施',
      key: 'measure',
      width: 320,
      render: (_value, item) => (
        <Flex vertical gap={2}>
          <Link to={`/problems/${item.problemId}#measure-${item.measureId}`}>
            {item.label} {item.text}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.problemTitle}
            {item.effectivenessLabel ? ` · 成效评估：${item.effectivenessLabel}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '单位',
      key: 'unit',
      width: 130,
      render: (_value, item) => (
        <Flex gap={4} wrap align="center">
          {item.unit?.name ?? EMPTY_TEXT}
          {item.manual && <Tag color="purple">加抽</Tag>}
        </Flex>
      ),
    },
    { title: '抽查时状态', dataIndex: 'statusAtDrawLabel', key: 'statusAtDraw', width: 100 },
    { title: '当前状态', dataIndex: 'measureStatusLabel', key: 'measureStatus', width: 90 },
    {
      title: '核查结果',
      key: 'result',
      width: 90,
      render: (_value, item) => <LookbackResultTag item={item} />,
    },
    {
      title: '核查情况',
      key: 'finding',
      width: 230,
      render: (_value, item) =>
        item.result ? (
          <Flex vertical gap={2}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{item.finding}</Typography.Text>
            {item.deadline && <Typography.Text type="danger">新整改时限 {formatDate(item.deadline)}</Typography.Text>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.checkedBy ?? EMPTY_TEXT} · {formatDateTime(item.checkedAt)}
            </Typography.Text>
          </Flex>
        ) : (
          EMPTY_TEXT
        ),
    },
  ];
  if (canRecord)
    columns.push({
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_value, item) =>
        item.result ? null : (
          <Button size="small" type="link" onClick={() => onRecord(item)} aria-label={`登记${item.label}的核查结果`}>
            登记核查结果
          </Button>
        ),
    });
  return columns;
}

function ExportButton({ lookback, format }: { lookback: Lookback; format: LookbackExportFormat }) {
  return (
    <DownloadButton
      href={exportLookbackUrl(lookback.id, format)}
      fetchFile={() => exportLookback(lookback.id, format)}
      icon={format === 'docx' ? <FileWordOutlined aria-hidden /> : <FileExcelOutlined aria-hidden />}
    >
      {format === 'docx' ? '导出 Word' : '导出 Excel'}
    </DownloadButton>
  );
}

/**
 * One look-back: how its sample was drawn (seed, fingerprint, population), the rebound rate per unit and every item
 * with its finding. Officers record findings, add measures by hand (`onAddItem`, the picker is the route's) and finish.
 */
export function LookbackDetail({
  lookback,
  permissions,
  onAddItem,
}: {
  lookback: Lookback;
  permissions: LookbackPermissions;
  onAddItem?: () => void;
}) {
  const finish = useFinishLookback(lookback.id);
  const { message, modal } = App.useApp();
  // the item being recorded and the version read when its dialog opened
  const [recording, setRecording] = useState<{ item: LookbackItem; version: number } | null>(null);
  const unchecked = lookback.counts.items - lookback.counts.checked;

  const confirmFinish = () =>
    modal.confirm({
      title: `完成${lookback.number}？`,
      content:
        unchecked > 0 ? `尚有 ${unchecked} 项未核查，须全部核查后才能完成。` : '完成后不能再登记核查结果或加抽措施。',
      okText: '完成回头看',
      cancelText: '取消',
      onOk: () =>
        finish.mutateAsync(lookback.version).then(
          () => void message.success(`${lookback.number}已完成`),
          (error: unknown) => void message.error(errorMessage(error, '操作失败，请稍后重试')),
        ),
    });

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8} wrap justify="space-between" className="zg-page-heading">
        <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
          <Typography.Title level={3} className="zg-page-title">
            {lookback.number} {lookback.title}
          </Typography.Title>
          <LookbackStatusTag lookback={lookback} />
        </Flex>
        <Flex gap={8} wrap>
          <ExportButton lookback={lookback} format="docx" />
          <ExportButton lookback={lookback} format="xlsx" />
          {permissions.addItem && onAddItem && (
            <Button icon={<PlusOutlined aria-hidden />} onClick={onAddItem}>
              加抽措施
            </Button>
          )}
          {permissions.finish && (
            <Button
              type="primary"
              icon={<CheckCircleOutlined aria-hidden />}
              loading={finish.isPending}
              onClick={confirmFinish}
            >
              完成回头看
            </Button>
          )}
        </Flex>
      </Flex>
      <Card variant="borderless" size="small">
        <Flex gap={32} wrap>
          <Statistic title="抽查" value={lookback.counts.items} suffix="项" />
          <Statistic title="已核查" value={lookback.counts.checked} suffix="项" />
          <Statistic title="巩固" value={lookback.counts.consolidated} suffix="项" />
          <Statistic title="反弹" value={lookback.counts.rebounded} suffix="项" />
          <Statistic title="反弹率" value={formatPercent(lookback.counts.reboundRatePct)} />
        </Flex>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 8 }}>
          从 {lookback.population} 项已销号措施中按 {lookback.sampleRatePct}% 分层抽取 {lookback.counts.drawn} 项
          {lookback.counts.manual > 0 ? `，另加抽 ${lookback.counts.manual} 项` : ''}。
        </Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="随机种子">
            <Typography.Text code copyable>
              {lookback.seed}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="样本指纹">
            <Typography.Text code>{lookback.fingerprint}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="发起">
            {lookback.createdBy?.name ?? EMPTY_TEXT} · {formatDateTime(lookback.createdAt)}
          </Descriptions.Item>
          {lookback.finishedAt && (
            <Descriptions.Item label="完成时间">{formatDateTime(lookback.finishedAt)}</Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          用相同的随机种子对同一台账重新抽取，会得到相同的样本和相同的样本指纹，可据此复核抽样。
        </Typography.Text>
      </Card>
      <Card variant="borderless" size="small" title={`抽查清单（${lookback.items.length}）`}>
        <Table<LookbackItem>
          rowKey="id"
          size="small"
          aria-label="抽查清单"
          columns={itemColumns(permissions.record, (item) => setRecording({ item, version: lookback.version }))}
          dataSource={lookback.items}
          pagination={false}
          scroll={{ x: 1060 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无抽查措施" /> }}
        />
      </Card>
      <Card variant="borderless" size="small" title="各单位反弹率">
        <Table<LookbackUnitRate>
          rowKey={(row) => row.unit?.id ?? 'none'}
          size="small"
          aria-label="各单位反弹率"
          columns={UNIT_COLUMNS}
          dataSource={lookback.units}
          pagination={false}
          scroll={{ x: 480 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无单位" /> }}
        />
      </Card>
      {recording && (
        <Suspense fallback={null}>
          <RecordResultModal
            lookbackId={lookback.id}
            version={recording.version}
            item={recording.item}
            onClose={() => setRecording(null)}
          />
        </Suspense>
      )}
    </Flex>
  );
}
