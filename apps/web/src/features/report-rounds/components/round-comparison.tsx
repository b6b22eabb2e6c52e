import { Card, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { ROUND_UNIT_STATUS_LABELS } from '@zhenggai/domain';
import { EMPTY_TEXT, formatDate } from '@/lib/format';
import type { ComparedUnit, RoundComparison } from '../api/get-round-compilation';
import { RoundUnitStatusTag } from './round-tags';

type Side = RoundComparison['a'];

/** The side's figure, or a dash where the unit has no standing report in that round. */
const figure = (row: ComparedUnit, key: 'a' | 'b', field: 'items' | 'completed' | 'overdue') => {
  const side = row[key];
  return side && (side.status === 'submitted' || side.status === 'late') ? side[field] : null;
};

function standing(key: 'a' | 'b', round: Side): TableColumnsType<ComparedUnit>[number] {
  return {
    title: `第${round.round.seq}期`,
    key,
    children: [
      {
        title: '报送',
        key: `${key}-status`,
        width: 100,
        render: (_value, row) => {
          const side = row[key];
          return side ? (
            <RoundUnitStatusTag status={side.status} label={ROUND_UNIT_STATUS_LABELS[side.status]} />
          ) : (
            '不在范围'
          );
        },
      },
      {
        title: '措施',
        key: `${key}-items`,
        width: 64,
        align: 'right',
        render: (_v, row) => figure(row, key, 'items') ?? EMPTY_TEXT,
      },
      {
        title: '已完成',
        key: `${key}-completed`,
        width: 70,
        align: 'right',
        render: (_v, row) => figure(row, key, 'completed') ?? EMPTY_TEXT,
      },
      {
        title: '逾期',
        key: `${key}-overdue`,
        width: 64,
        align: 'right',
        render: (_v, row) => {
          const value = figure(row, key, 'overdue');
          return value ? <Typography.Text type="danger">{value}</Typography.Text> : (value ?? EMPTY_TEXT);
        },
      },
    ],
  };
}

function Counts({ side }: { side: Side }) {
  const { counts, round } = side;
  return (
    <Card
      variant="borderless"
      size="small"
      title={`第${round.seq}期 ${round.title}`}
      style={{ flex: 1, minWidth: 260 }}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        统计截至 {formatDate(round.periodEnd)}，截止报送 {formatDate(round.dueDate)}
      </Typography.Paragraph>
      <Typography.Text>
        应报送 {counts.expected} 个单位，已报送 {counts.submitted} 个（按时 {counts.onTime}、逾期 {counts.late}
        ），未报送 {counts.missing} 个{counts.returned > 0 ? `（其中已退回 ${counts.returned} 个）` : ''}
      </Typography.Text>
    </Card>
  );
}

/** Two rounds side by side: their counts, then each unit's standing in both. */
export function RoundComparisonView({ comparison }: { comparison: RoundComparison }) {
  return (
    <Flex vertical gap={16}>
      <Flex gap={16} wrap>
        <Counts side={comparison.a} />
        <Counts side={comparison.b} />
      </Flex>
      <Card variant="borderless" size="small" title="各单位两期对比">
        <Table<ComparedUnit>
          rowKey={(row) => row.unit.id}
          size="small"
          bordered
          aria-label="各单位两期对比"
          columns={[
            { title: '单位', key: 'unit', fixed: 'left', width: 180, render: (_v, row) => row.unit.name },
            standing('a', comparison.a),
            standing('b', comparison.b),
          ]}
          dataSource={comparison.units}
          pagination={false}
          scroll={{ x: 820 }}
        />
      </Card>
    </Flex>
  );
}
