import { Empty, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { formatPercent } from '@/lib/format';
import type { LookbackSummary } from '../api/get-lookbacks';
import { LookbackStatusTag } from './lookback-tags';

const COLUMNS: TableColumnsType<LookbackSummary> = [
  {
    title: '次数',
    dataIndex: 'number',
    key: 'number',
    width: 130,
    render: (value: string, lookback) => <Link to={`/lookbacks/${lookback.id}`}>{value}</Link>,
  },
  { title: '名称', dataIndex: 'title', key: 'title' },
  {
    title: '抽样比例',
    dataIndex: 'sampleRatePct',
    key: 'sampleRatePct',
    width: 90,
    render: (value: number) => formatPercent(value),
  },
  {
    title: '随机种子',
    dataIndex: 'seed',
    key: 'seed',
    width: 140,
    render: (value: string) => <Typography.Text code>{value}</Typography.Text>,
  },
  {
    title: '抽查/已核查/反弹',
    key: 'counts',
    width: 150,
    render: (_value, lookback) => `${lookback.counts.items}/${lookback.counts.checked}/${lookback.counts.rebounded}`,
  },
  {
    title: '反弹率',
    key: 'reboundRatePct',
    width: 90,
    render: (_value, lookback) => formatPercent(lookback.counts.reboundRatePct),
  },
  {
    title: '状态',
    key: 'status',
    width: 100,
    render: (_value, lookback) => <LookbackStatusTag lookback={lookback} />,
  },
];

/** The look-backs, newest first; a click opens one. */
export function LookbackList({ lookbacks, loading }: { lookbacks: LookbackSummary[]; loading: boolean }) {
  const navigate = useNavigate();
  return (
    <section aria-label="回头看列表">
      <Table<LookbackSummary>
        rowKey="id"
        columns={COLUMNS}
        dataSource={lookbacks}
        loading={loading}
        pagination={false}
        scroll={{ x: 830 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无回头看" /> }}
        onRow={(lookback) => ({ onClick: () => navigate(`/lookbacks/${lookback.id}`), style: { cursor: 'pointer' } })}
      />
    </section>
  );
}
