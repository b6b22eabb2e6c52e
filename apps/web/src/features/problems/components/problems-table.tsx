import { Empty, Flex, Grid, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { LightIndicator } from '@/components/ui/light-indicator';
import { EMPTY_TEXT, formatDate } from '@/lib/format';
import type { Problem } from '../api/get-problems';
import { ProblemStatusTag } from './status-tags';

export const PAGE_SIZE_OPTIONS = [20, 50, 100, 200];

interface ProblemsTableProps {
  items: Problem[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  /** The list's search string, handed to the detail page so that "返回" restores the filters. */
  listSearch: string;
  onPageChange: (page: number, pageSize: number) => void;
}

function measureProgress(problem: Problem): string {
  return `${problem.completedMeasureCount}/${problem.measureCount}`;
}

/** On a phone the unit, measure count and deadline move under the title, and the light under the status. */
function buildColumns(compact: boolean, detailState: { listSearch: string }): TableColumnsType<Problem> {
  const title: TableColumnsType<Problem>[number] = {
    key: 'title',
    title: '问题',
    render: (_, problem) => (
      <div>
        <Link
          to={`/problems/${problem.id}`}
          state={detailState}
          className="zg-problem-link"
          onClick={(event) => event.stopPropagation()}
        >
          {problem.title}
        </Link>
        {compact ? (
          <Typography.Text type="secondary" className="zg-row-meta">
            {problem.leadUnit?.name ?? EMPTY_TEXT} · 措施 {measureProgress(problem)}
            {problem.deadline && ` · ${formatDate(problem.deadline)}`}
          </Typography.Text>
        ) : (
          problem.categoryTitle && (
            <Typography.Text type="secondary" className="zg-row-meta">
              {problem.categoryTitle}
            </Typography.Text>
          )
        )}
      </div>
    ),
  };
  const status: TableColumnsType<Problem>[number] = {
    key: 'status',
    title: '状态',
    width: compact ? 84 : 96,
    render: (_, problem) =>
      compact ? (
        <Flex vertical gap={6} align="flex-start">
          <ProblemStatusTag status={problem.status} label={problem.statusLabel} />
          <LightIndicator light={problem.light} />
        </Flex>
      ) : (
        <ProblemStatusTag status={problem.status} label={problem.statusLabel} />
      ),
  };
  const label: TableColumnsType<Problem>[number] = {
    key: 'label',
    title: '序号',
    dataIndex: 'label',
    width: compact ? 48 : 64,
    className: 'zg-col-label',
  };
  if (compact) return [label, title, status];
  return [
    label,
    title,
    { key: 'leadUnit', title: '牵头单位', width: 180, render: (_, problem) => problem.leadUnit?.name ?? EMPTY_TEXT },
    {
      key: 'measures',
      title: '措施',
      width: 80,
      align: 'center',
      render: (_, problem) => (
        <span title={`已完成 ${problem.completedMeasureCount} 项，共 ${problem.measureCount} 项`}>
          {measureProgress(problem)}
        </span>
      ),
    },
    { key: 'deadline', title: '最近时限', width: 116, render: (_, problem) => formatDate(problem.deadline) },
    status,
    { key: 'light', title: '亮灯', width: 80, render: (_, problem) => <LightIndicator light={problem.light} /> },
  ];
}

export function ProblemsTable({ items, total, page, pageSize, loading, listSearch, onPageChange }: ProblemsTableProps) {
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const compact = !screens.md;
  const detailState = { listSearch };

  return (
    <section aria-label="问题列表">
      <Table<Problem>
        rowKey="id"
        size={compact ? 'small' : 'middle'}
        className="zg-problems-table"
        columns={buildColumns(compact, detailState)}
        dataSource={items}
        loading={loading}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" /> }}
        onRow={(problem) => ({
          onClick: () => navigate(`/problems/${problem.id}`, { state: detailState }),
          style: { cursor: 'pointer' },
        })}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: !compact,
          pageSizeOptions: PAGE_SIZE_OPTIONS,
          showTotal: (count) => `共 ${count} 条`,
          onChange: onPageChange,
          size: compact ? 'small' : undefined,
        }}
      />
    </section>
  );
}
