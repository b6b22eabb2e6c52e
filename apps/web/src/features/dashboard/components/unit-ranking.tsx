import { completionRate } from '@zhenggai/domain';
import { Card, Empty, Grid, Progress, Table, Typography, type TableColumnsType } from 'antd';
import { LightIndicator } from '@/components/ui/light-indicator';
import { formatPercent } from '@/lib/format';
import type { UnitStatistics } from '../api/get-inspection-statistics';

interface RankedUnit extends UnitStatistics {
  rank: number;
  completionRate: number | null;
}

/** Best first: completion rate, then fewer overdue items, then the on-time rate. */
export function rankUnits(units: UnitStatistics[]): RankedUnit[] {
  return units
    .map((unit) => ({
      ...unit,
      rank: 0,
      completionRate: completionRate(unit.completed + unit.deemedCompleted, unit.assigned),
    }))
    .sort(
      (a, b) =>
        (b.completionRate ?? -1) - (a.completionRate ?? -1) ||
        a.overdue - b.overdue ||
        (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
        a.name.localeCompare(b.name, 'zh-CN'),
    )
    .map((unit, index) => ({ ...unit, rank: index + 1 }));
}

function rateBar(value: number | null, label: string) {
  if (value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Progress
      percent={value}
      size="small"
      format={() => formatPercent(value)}
      strokeColor={value >= 90 ? '#16a34a' : value >= 60 ? '#d97706' : '#d92d20'}
      aria-label={`${label} ${formatPercent(value)}`}
    />
  );
}

/** 各单位排名 with the unit's 红黄绿 light and its 按时完成率. */
export function UnitRanking({ units }: { units: UnitStatistics[] }) {
  const screens = Grid.useBreakpoint();
  const compact = !screens.md;
  const ranked = rankUnits(units);
  const columns: TableColumnsType<RankedUnit> = [
    { key: 'rank', title: '排名', dataIndex: 'rank', width: 56, align: 'center' },
    {
      key: 'name',
      title: '责任单位',
      width: compact ? undefined : 220,
      render: (_, unit) => (
        <span className="zg-unit-cell">
          <LightIndicator light={unit.light} showLabel={false} />
          {unit.name}
        </span>
      ),
    },
    ...(compact
      ? []
      : ([
          { key: 'assigned', title: '承担', dataIndex: 'assigned', width: 64, align: 'right' },
          {
            key: 'done',
            title: '已完成',
            width: 72,
            align: 'right',
            render: (_, unit) => unit.completed + unit.deemedCompleted,
          },
          {
            key: 'overdue',
            title: '逾期',
            width: 60,
            align: 'right',
            render: (_, unit) =>
              unit.overdue > 0 ? <Typography.Text type="danger">{unit.overdue}</Typography.Text> : 0,
          },
          { key: 'dueSoon', title: '临期', dataIndex: 'dueSoon', width: 60, align: 'right' },
          { key: 'urges', title: '被催办', dataIndex: 'urges', width: 72, align: 'right' },
        ] satisfies TableColumnsType<RankedUnit>)),
    {
      key: 'rate',
      title: '完成率',
      width: compact ? 96 : 150,
      render: (_, unit) => rateBar(unit.completionRate, '完成率'),
    },
    {
      key: 'onTime',
      title: '按时完成率',
      width: compact ? 96 : 150,
      render: (_, unit) => rateBar(unit.onTimeRate, '按时完成率'),
    },
  ];
  return (
    <Card variant="borderless" title="各单位整改排名" className="zg-ranking">
      <Table<RankedUnit>
        aria-label="各单位整改排名"
        rowKey="unitId"
        size="small"
        columns={columns}
        dataSource={ranked}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无责任单位数据" /> }}
      />
      <Typography.Text type="secondary" className="zg-help-text">
        亮灯：红灯为有逾期措施，黄灯为有临期措施，绿灯为正常推进，灰灯为全部完成。按时完成率为按期完成的措施占已完成措施的比例。
      </Typography.Text>
    </Card>
  );
}
