import { ExclamationCircleOutlined, NotificationOutlined, StopOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Statistic,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '@/lib/api-client';
import { formatDate, formatDateTime, EMPTY_TEXT } from '@/lib/format';
import { useCloseReportRound } from '../api/close-report-round';
import type { MissingUnit } from '../api/get-missing-reports';
import type { ReportRound, RoundUnit } from '../api/get-report-rounds';
import { useUrgeReports } from '../api/urge-reports';
import type { RoundPermissions } from '../utils/permissions';
import { RoundExportButtons } from './round-export-buttons';
import { RoundStatusTag, RoundUnitStatusTag } from './round-tags';

const snapshotPath = (roundId: string, unitId: string) => `/report-rounds/${roundId}/units/${unitId}`;

function unitColumns(roundId: string): TableColumnsType<RoundUnit> {
  return [
    { title: '单位', key: 'unit', render: (_value, row) => row.unit.name },
    {
      title: '状态',
      key: 'status',
      width: 110,
      render: (_value, row) => <RoundUnitStatusTag status={row.status} label={row.statusLabel} />,
    },
    {
      title: '报送时间',
      dataIndex: 'submittedAt',
      key: 'submittedAt',
      width: 160,
      render: (value: string | null) => formatDateTime(value),
    },
    { title: '报送人', dataIndex: 'submittedBy', key: 'submittedBy', width: 110, render: (v) => v ?? EMPTY_TEXT },
    {
      title: '备注',
      key: 'note',
      render: (_value, row) =>
        row.returnReason && row.status === 'returned' ? `退回原因：${row.returnReason}` : (row.punctualityLabel ?? ''),
    },
    {
      title: '报送内容',
      key: 'snapshot',
      width: 100,
      render: (_value, row) =>
        row.submittedAt || row.status === 'returned' ? (
          <Link to={snapshotPath(roundId, row.unit.id)} aria-label={`查看${row.unit.name}的报送`}>
            查看
          </Link>
        ) : (
          EMPTY_TEXT
        ),
    },
  ];
}

const MISSING_COLUMNS: TableColumnsType<MissingUnit> = [
  { title: '单位', key: 'unit', render: (_value, row) => row.unit.name },
  {
    title: '状态',
    key: 'status',
    width: 100,
    render: (_value, row) => <RoundUnitStatusTag status={row.status} label={row.statusLabel} />,
  },
  { title: '未完成措施', dataIndex: 'openMeasures', key: 'openMeasures', width: 100 },
  {
    title: '联系人',
    key: 'contacts',
    render: (_value, row) =>
      row.contacts.length === 0
        ? EMPTY_TEXT
        : row.contacts
            .map(
              (contact) => `${contact.name}（${contact.roles.join('、')}${contact.email ? ` ${contact.email}` : ''}）`,
            )
            .join('；'),
  },
];

/** 未报送 units with their contacts; officers urge all of them or the chosen ones (催报). */
function MissingUnits({ round, missing, canUrge }: { round: ReportRound; missing: MissingUnit[]; canUrge: boolean }) {
  const urge = useUrgeReports(round.id);
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const send = () =>
    urge.mutate(selected.length > 0 ? { unitIds: selected } : {}, {
      onSuccess: (result) => {
        message.success(`已向 ${result.units} 个单位催报，通知 ${result.recipients} 人`);
        setSelected([]);
      },
      onError: (error) => message.error(errorMessage(error, '催报失败，请稍后重试')),
    });
  return (
    <Card
      variant="borderless"
      size="small"
      title={`未报送单位（${missing.length}）`}
      extra={
        canUrge &&
        missing.length > 0 && (
          <Button icon={<NotificationOutlined aria-hidden />} loading={urge.isPending} onClick={send}>
            {selected.length > 0 ? `催报所选（${selected.length}）` : '全部催报'}
          </Button>
        )
      }
    >
      <Table<MissingUnit>
        rowKey={(row) => row.unit.id}
        size="small"
        aria-label="未报送单位"
        columns={MISSING_COLUMNS}
        dataSource={missing}
        pagination={false}
        scroll={{ x: 560 }}
        rowSelection={
          canUrge ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) } : undefined
        }
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="各单位均已报送" /> }}
      />
    </Card>
  );
}

/** One round: its figures, every unit's status with a link to its report, who still owes one; officers act here. */
export function RoundDetail({
  round,
  missing,
  permissions,
}: {
  round: ReportRound;
  /** undefined while loading */
  missing: MissingUnit[] | undefined;
  permissions: RoundPermissions;
}) {
  const close = useCloseReportRound(round.id);
  const { message, modal } = App.useApp();
  const confirmClose = () =>
    modal.confirm({
      title: `关闭${round.number}报送？`,
      icon: <ExclamationCircleOutlined />,
      content: `关闭后不能再报送，尚未报送的 ${round.counts.missing} 个单位将记为未报送。`,
      okText: '关闭轮次',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        close.mutateAsync(round.version).then(
          () => void message.success(`${round.number}已关闭`),
          (error: unknown) => void message.error(errorMessage(error, '关闭失败，请稍后重试')),
        ),
    });

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8} wrap justify="space-between" className="zg-page-heading">
        <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
          <Typography.Title level={3} className="zg-page-title">
            {round.number} {round.title}
          </Typography.Title>
          <RoundStatusTag round={round} />
        </Flex>
        <Flex gap={8} wrap>
          <RoundExportButtons roundId={round.id} />
          {permissions.close && (
            <Button danger icon={<StopOutlined aria-hidden />} loading={close.isPending} onClick={confirmClose}>
              关闭轮次
            </Button>
          )}
        </Flex>
      </Flex>
      <Card variant="borderless" size="small">
        <Flex gap={32} wrap>
          <Statistic title="应报送" value={round.counts.expected} suffix="个单位" />
          <Statistic title="已报送" value={round.counts.submitted} suffix="个单位" />
          <Statistic title="未报送" value={round.counts.missing} suffix="个单位" />
          <Statistic title="逾期报送" value={round.counts.late} suffix="个单位" />
        </Flex>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label="统计截至">{formatDate(round.periodEnd)}</Descriptions.Item>
          <Descriptions.Item label="截止报送">{formatDate(round.dueDate)}</Descriptions.Item>
          <Descriptions.Item label="发起">
            {round.scheduled ? '定期报送计划' : (round.openedBy?.name ?? EMPTY_TEXT)} · {formatDateTime(round.openedAt)}
          </Descriptions.Item>
          {round.closedAt && <Descriptions.Item label="关闭时间">{formatDateTime(round.closedAt)}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {round.status === 'open' && missing && (
        <MissingUnits round={round} missing={missing} canUrge={permissions.urge} />
      )}
      <Card variant="borderless" size="small" title="报送单位">
        <Table<RoundUnit>
          rowKey={(row) => row.unit.id}
          size="small"
          aria-label="报送单位"
          columns={unitColumns(round.id)}
          dataSource={round.units}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无报送单位" /> }}
        />
      </Card>
    </Flex>
  );
}
