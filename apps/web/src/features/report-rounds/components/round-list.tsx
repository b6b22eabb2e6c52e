import { Card, Empty, Flex, Grid, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '@/lib/format';
import type { ReportRoundSummary } from '../api/get-report-rounds';
import { RoundStatusTag } from './round-tags';

const COLUMNS: TableColumnsType<ReportRoundSummary> = [
  {
    title: '期次',
    dataIndex: 'number',
    key: 'number',
    width: 90,
    render: (value: string, round) => <Link to={`/report-rounds/${round.id}`}>{value}</Link>,
  },
  { title: '标题', dataIndex: 'title', key: 'title' },
  { title: '截止报送', dataIndex: 'dueDate', key: 'dueDate', width: 120, render: (value: string) => formatDate(value) },
  {
    title: '已报送/应报送',
    key: 'submitted',
    width: 130,
    render: (_value, round) => `${round.counts.submitted}/${round.counts.expected}`,
  },
  { title: '逾期', key: 'late', width: 80, render: (_value, round) => round.counts.late },
  { title: '未报送', key: 'missing', width: 80, render: (_value, round) => round.counts.missing },
  { title: '状态', key: 'status', width: 100, render: (_value, round) => <RoundStatusTag round={round} /> },
];

const EMPTY = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无报送轮次" />;

/** The rounds, newest first: a table on a desktop, cards at phone width; a click opens the round. */
export function RoundList({ rounds, loading }: { rounds: ReportRoundSummary[]; loading: boolean }) {
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const open = (round: ReportRoundSummary) => navigate(`/report-rounds/${round.id}`);

  if (!screens.md) {
    if (rounds.length === 0) return EMPTY;
    return (
      <Flex vertical gap={8} role="list" aria-label="报送轮次">
        {rounds.map((round) => (
          <Card key={round.id} size="small" role="listitem" hoverable onClick={() => open(round)}>
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Typography.Text strong>
                {round.number} {round.title}
              </Typography.Text>
              <RoundStatusTag round={round} />
            </Flex>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              截止报送 {formatDate(round.dueDate)} · 已报送 {round.counts.submitted}/{round.counts.expected} · 未报送{' '}
              {round.counts.missing}
            </Typography.Paragraph>
          </Card>
        ))}
      </Flex>
    );
  }

  return (
    <section aria-label="报送轮次列表">
      <Table<ReportRoundSummary>
        rowKey="id"
        columns={COLUMNS}
        dataSource={rounds}
        loading={loading}
        pagination={false}
        locale={{ emptyText: EMPTY }}
        onRow={(round) => ({ onClick: () => open(round), style: { cursor: 'pointer' } })}
      />
    </section>
  );
}
