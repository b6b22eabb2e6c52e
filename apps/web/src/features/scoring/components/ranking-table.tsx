import { Empty, Table, type TableColumnsType } from 'antd';
import type { UnitScore } from '../api/get-unit-scores';

/** A 0–1 rate as a percent with up to two decimals (0.8333 → 83.33%), as precise as the score was computed from. */
export function formatRate(rate: number): string {
  return `${Math.round(rate * 10000) / 100}%`;
}

const byNumber =
  (value: (item: UnitScore) => number) =>
  (a: UnitScore, b: UnitScore): number =>
    value(a) - value(b);

const rateColumn = (
  key: 'completionRate' | 'onTimeRate' | 'reportPunctuality',
  title: string,
): TableColumnsType<UnitScore>[number] => ({
  key,
  title,
  align: 'right',
  width: 110,
  sorter: byNumber((item) => item.components[key]),
  render: (_, item) => formatRate(item.components[key]),
});

const countColumn = (
  key: 'returnedCount' | 'reboundCount' | 'urgedCount' | 'measures',
  title: string,
): TableColumnsType<UnitScore>[number] => ({
  key,
  title,
  align: 'right',
  width: 100,
  sorter: byNumber((item) => item.components[key]),
  render: (_, item) => item.components[key],
});

const COLUMNS: TableColumnsType<UnitScore> = [
  {
    key: 'rank',
    title: '名次',
    dataIndex: 'rank',
    align: 'center',
    width: 80,
    fixed: 'left',
    defaultSortOrder: 'ascend',
    sorter: byNumber((item) => item.rank),
  },
  { key: 'unit', title: '单位', width: 200, fixed: 'left', render: (_, item) => item.unit.name },
  {
    key: 'score',
    title: '得分',
    dataIndex: 'score',
    align: 'right',
    width: 90,
    sorter: byNumber((item) => item.score),
  },
  rateColumn('completionRate', '完成率'),
  rateColumn('onTimeRate', '按期率'),
  rateColumn('reportPunctuality', '报送及时率'),
  countColumn('returnedCount', '退回次数'),
  countColumn('reboundCount', '反弹次数'),
  countColumn('urgedCount', '被催办次数'),
  countColumn('measures', '措施数'),
];

/** The units by rank; every column sorts (equal scores share a rank). */
export function RankingTable({ items, loading }: { items: UnitScore[]; loading: boolean }) {
  return (
    <Table<UnitScore>
      aria-label="考核排名"
      rowKey={(item) => item.unit.id}
      size="small"
      columns={COLUMNS}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      showSorterTooltip={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无责任单位得分" /> }}
    />
  );
}
