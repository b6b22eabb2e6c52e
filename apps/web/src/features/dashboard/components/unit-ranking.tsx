import { completionRate } from '@zhenggai/domain';
import { Card, Empty, Grid, Progress, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { LightIndicator } from '@/components/ui/light-indicator';
import { EMPTY_TEXT, formatPercent } from '@/lib/format';
import type { UnitStatistics } from '../api/get-inspection-statistics';

/** A unit's 考核 score and rank, as the API computed them with the inspection's formula (packages/domain scoring). */
export interface UnitRankScore {
  unitId: string;
  score: number;
  rank: number;
}

export interface UnitRankingScores {
  /** the formula in Chinese */
  formulaText: string;
  items: UnitRankScore[];
}

interface RankedUnit extends UnitStatistics {
  rank: number | null;
  score: number | null;
  completionRate: number | null;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');

/** The units in the order of their 考核 rank; a unit without a score (yet) comes last, by name. */
export function orderByScore(units: UnitStatistics[], scores: UnitRankScore[] | undefined): RankedUnit[] {
  const byUnit = new Map((scores ?? []).map((score) => [score.unitId, score]));
  return units
    .map((unit) => {
      const score = byUnit.get(unit.unitId);
      return {
        ...unit,
        rank: score?.rank ?? null,
        score: score?.score ?? null,
        completionRate: completionRate(unit.completed + unit.deemedCompleted, unit.assigned),
      };
    })
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || byName(a, b));
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

/**
 * 各单位排名 by the unit's 考核 score (the same score as 考核排名), with its 红黄绿 light and its rates. `scores` is
 * undefined while it loads; `scoresFailed` keeps the table, by name, when the scores could not be read.
 */
export function UnitRanking({
  units,
  scores,
  scoresFailed = false,
}: {
  units: UnitStatistics[];
  scores: UnitRankingScores | undefined;
  scoresFailed?: boolean;
}) {
  const screens = Grid.useBreakpoint();
  const compact = !screens.md;
  const ranked = orderByScore(units, scores?.items);
  const columns: TableColumnsType<RankedUnit> = [
    {
      key: 'rank',
      title: '排名',
      width: 56,
      align: 'center',
      render: (_, unit) => unit.rank ?? EMPTY_TEXT,
    },
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
    {
      key: 'score',
      title: '得分',
      width: 72,
      align: 'right',
      render: (_, unit) => unit.score ?? EMPTY_TEXT,
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
    <Card
      variant="borderless"
      title="各单位整改排名"
      className="zg-ranking"
      extra={<Link to="/unit-scores">考核排名详情</Link>}
    >
      <Table<RankedUnit>
        aria-label="各单位整改排名"
        rowKey="unitId"
        size="small"
        columns={columns}
        dataSource={ranked}
        loading={!scores && !scoresFailed}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无责任单位数据" /> }}
      />
      <Typography.Text type="secondary" className="zg-help-text">
        {scoresFailed
          ? '考核得分暂时无法读取，单位按名称排列。'
          : scores && `排名按考核得分，公式：${scores.formulaText}。`}
        亮灯：红灯为有逾期措施，黄灯为有临期措施，绿灯为正常推进，灰灯为全部完成。按时完成率为按期完成的措施占已完成措施的比例。
      </Typography.Text>
    </Card>
  );
}
