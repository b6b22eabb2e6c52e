import { Empty, Flex, Grid, Table, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { LightIndicator } from '@/components/ui/light-indicator';
import { ProblemStatusTag } from '@/components/ui/status-tags';
import { EMPTY_TEXT, formatDate } from '@/lib/format';
import type { Problem } from '../api/get-problems';

export const PAGE_SIZE_OPTIONS = [20, 50, 100, 200];

/**
 * From this many rows on, the table renders only the rows in view (antd's virtual table): a page of thousands of
 * problems costs the same DOM as a screenful. Below it the plain table keeps its native table markup.
 */
export const VIRTUAL_FROM_ROWS = 100;
const VIRTUAL_HEIGHT = 640;
const VIRTUAL_WIDTH = 1040;

/** The columns a user may hide (序号 and 问题 always show). */
export const OPTIONAL_COLUMNS = [
  { key: 'category', label: '方面' },
  { key: 'leadUnit', label: '牵头单位/领导' },
  { key: 'measures', label: '措施' },
  { key: 'deadline', label: '最近时限' },
  { key: 'light', label: '亮灯' },
  { key: 'status', label: '状态' },
] as const;

export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number]['key'];

interface ProblemsTableProps {
  items: Problem[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  /** The list's search string, handed to the detail page so that "返回" restores the filters. */
  listSearch: string;
  onPageChange: (page: number, pageSize: number) => void;
  visibleColumns?: ReadonlySet<OptionalColumn>;
  /** The measures of a problem, shown when its row is expanded (composed by the page from the measures feature). */
  renderMeasures?: (problem: Problem) => ReactNode;
}

function measureProgress(problem: Problem): string {
  return `${problem.completedMeasureCount}/${problem.measureCount}`;
}

/** On a phone the unit, measure count and deadline move under the title, and the light under the status. */
function buildColumns(
  compact: boolean,
  detailState: { listSearch: string },
  visible: ReadonlySet<OptionalColumn>,
  expandable: boolean,
): TableColumnsType<Problem> {
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
        {compact && (
          <Typography.Text type="secondary" className="zg-row-meta">
            {problem.leadUnit?.name ?? EMPTY_TEXT} · 措施 {measureProgress(problem)}
            {problem.deadline && ` · ${formatDate(problem.deadline)}`}
          </Typography.Text>
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
  const optional: Array<{ key: OptionalColumn; column: TableColumnsType<Problem>[number] }> = [
    {
      key: 'category',
      column: {
        key: 'category',
        title: '方面',
        width: 160,
        render: (_, problem) => problem.categoryTitle ?? <Typography.Text type="secondary">未分类</Typography.Text>,
      },
    },
    {
      key: 'leadUnit',
      column: {
        key: 'leadUnit',
        title: '牵头单位/领导',
        width: 180,
        render: (_, problem) => (
          <div>
            <div>{problem.leadUnit?.name ?? EMPTY_TEXT}</div>
            {problem.leadLeader && (
              <Typography.Text type="secondary" className="zg-row-meta">
                {problem.leadLeader.name}
              </Typography.Text>
            )}
          </div>
        ),
      },
    },
    {
      key: 'measures',
      column: {
        key: 'measures',
        title: '措施',
        width: 72,
        align: 'center',
        render: (_, problem) => (
          <span title={`已完成 ${problem.completedMeasureCount} 项，共 ${problem.measureCount} 项`}>
            {measureProgress(problem)}
          </span>
        ),
      },
    },
    {
      key: 'deadline',
      column: { key: 'deadline', title: '最近时限', width: 112, render: (_, problem) => formatDate(problem.deadline) },
    },
    {
      key: 'light',
      column: {
        key: 'light',
        title: '亮灯',
        width: 80,
        render: (_, problem) => <LightIndicator light={problem.light} />,
      },
    },
    { key: 'status', column: status },
  ];
  return [
    label,
    // the expand button comes after 序号, so that the first cell of a row stays its official number
    ...(expandable ? [Table.EXPAND_COLUMN] : []),
    title,
    ...optional.filter((entry) => visible.has(entry.key)).map((entry) => entry.column),
  ];
}

const ALL_COLUMNS: ReadonlySet<OptionalColumn> = new Set(OPTIONAL_COLUMNS.map((column) => column.key));

export function ProblemsTable({
  items,
  total,
  page,
  pageSize,
  loading,
  listSearch,
  onPageChange,
  visibleColumns = ALL_COLUMNS,
  renderMeasures,
}: ProblemsTableProps) {
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const compact = !screens.md;
  const detailState = { listSearch };
  const virtual = items.length > VIRTUAL_FROM_ROWS;

  return (
    <section aria-label="问题列表">
      <Table<Problem>
        rowKey="id"
        size={compact ? 'small' : 'middle'}
        className="zg-problems-table"
        columns={buildColumns(compact, detailState, visibleColumns, Boolean(renderMeasures) && !compact)}
        dataSource={items}
        loading={loading}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" /> }}
        virtual={virtual}
        scroll={virtual ? { x: VIRTUAL_WIDTH, y: VIRTUAL_HEIGHT } : undefined}
        onRow={(problem) => ({
          onClick: () => navigate(`/problems/${problem.id}`, { state: detailState }),
          style: { cursor: 'pointer' },
          // the virtual table draws its rows as div: they keep the row role for assistive technology
          ...(virtual ? { role: 'row' } : {}),
        })}
        expandable={
          renderMeasures && !compact
            ? {
                expandedRowRender: (problem) => renderMeasures(problem),
                rowExpandable: (problem) => problem.measureCount > 0,
                columnTitle: <span className="zg-visually-hidden">展开措施</span>,
                columnWidth: 40,
              }
            : undefined
        }
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
