import { Card, Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '@/lib/format';
import type { RoundCompilation } from '../api/get-round-compilation';

type CompiledUnit = RoundCompilation['units'][number];
type Change = RoundCompilation['changes']['newlyCompleted'][number];

const UNIT_COLUMNS: TableColumnsType<CompiledUnit> = [
  { title: '单位', key: 'unit', render: (_value, row) => row.unit.name },
  { title: '报送措施', dataIndex: 'items', key: 'items', width: 90, align: 'right' },
  { title: '本期新完成', dataIndex: 'completedSincePrevious', key: 'completed', width: 100, align: 'right' },
  {
    title: '新增逾期',
    dataIndex: 'newlyOverdue',
    key: 'overdue',
    width: 90,
    align: 'right',
    render: (value: number) => (value > 0 ? <Typography.Text type="danger">{value}</Typography.Text> : value),
  },
  { title: '调整时限', dataIndex: 'deadlineChanges', key: 'deadlines', width: 90, align: 'right' },
];

function ChangeList({ title, changes, color }: { title: string; changes: Change[]; color: string }) {
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>
        {title}（{changes.length}）
      </Typography.Text>
      {changes.length === 0 ? (
        <Typography.Text type="secondary">无</Typography.Text>
      ) : (
        <Flex gap={4} wrap>
          {changes.map((change) => (
            <Tag key={change.measureId} color={color}>
              {change.unitName} {change.label}
            </Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

/** 与上期相比: newly completed, newly overdue, deadlines moved — overall and per unit — and a link to compare. */
export function RoundChanges({ compilation }: { compilation: RoundCompilation }) {
  const { previous, changes, round } = compilation;
  const reported = compilation.units.filter((unit) => unit.submittedAt);
  return (
    <Card
      variant="borderless"
      size="small"
      title={previous ? `与上期（第${previous.seq}期）相比` : '与上期相比'}
      extra={
        previous && (
          <Link to={`/report-rounds/compare?a=${encodeURIComponent(previous.id)}&b=${encodeURIComponent(round.id)}`}>
            两期对比
          </Link>
        )
      }
    >
      {previous === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本期为首期报送，无上期可比" />
      ) : (
        <Flex vertical gap={16}>
          <ChangeList title="新完成的措施" changes={changes.newlyCompleted} color="green" />
          <ChangeList title="新增逾期的措施" changes={changes.newlyOverdue} color="red" />
          <Flex vertical gap={4}>
            <Typography.Text strong>调整完成时限的措施（{changes.deadlineChanges.length}）</Typography.Text>
            {changes.deadlineChanges.length === 0 ? (
              <Typography.Text type="secondary">无</Typography.Text>
            ) : (
              changes.deadlineChanges.map((change) => (
                <Typography.Text key={change.measureId}>
                  {change.unitName} {change.label}：{formatDate(change.from) || '未定'} →{' '}
                  {formatDate(change.to) || '未定'}
                </Typography.Text>
              ))
            )}
          </Flex>
          {reported.length > 0 && (
            <Table<CompiledUnit>
              rowKey={(row) => row.unit.id}
              size="small"
              aria-label="各单位与上期相比"
              columns={UNIT_COLUMNS}
              dataSource={reported}
              pagination={false}
              scroll={{ x: 520 }}
            />
          )}
        </Flex>
      )}
    </Card>
  );
}
