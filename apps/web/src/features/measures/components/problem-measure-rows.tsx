import { Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '@/components/errors/query-error';
import { LightIndicator } from '@/components/ui/light-indicator';
import { MeasureStatusTag } from '@/components/ui/status-tags';
import { EMPTY_TEXT, formatDate } from '@/lib/format';
import { useMeasures, type Measure } from '../api/get-measures';
import { measureNumber } from '../utils/measure-number';

export interface MeasureSelection {
  selectedIds: ReadonlySet<string>;
  /** The measures of this problem now selected (the others of the problem are not). */
  onChange: (problemId: string, selected: Measure[], all: Measure[]) => void;
}

const columns: TableColumnsType<Measure> = [
  { key: 'seq', title: '序号', width: 56, render: (_, measure) => measureNumber(measure) },
  {
    key: 'text',
    title: '整改措施',
    render: (_, measure) => (
      <Link to={`/problems/${measure.problemId}#measure-${measure.id}`} className="zg-measure-link">
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: measure.text }} style={{ marginBottom: 0 }}>
          {measure.lead && <strong className="zg-measure-lead">{measure.lead}</strong>}
          {measure.text}
        </Typography.Paragraph>
      </Link>
    ),
  },
  {
    key: 'units',
    title: '责任单位',
    width: 180,
    render: (_, measure) => (
      <div>
        <div>{measure.leadUnit?.name ?? EMPTY_TEXT}</div>
        {measure.coUnits.length > 0 && (
          <Typography.Text type="secondary" className="zg-row-meta">
            配合：{measure.coUnits.map((unit) => unit.name).join('、')}
          </Typography.Text>
        )}
      </div>
    ),
  },
  {
    key: 'deadline',
    title: '时限',
    width: 112,
    render: (_, measure) => (
      <div>
        <div>{formatDate(measure.deadline)}</div>
        <Typography.Text type="secondary" className="zg-row-meta">
          {measure.termLabel}
        </Typography.Text>
      </div>
    ),
  },
  { key: 'light', title: '亮灯', width: 80, render: (_, measure) => <LightIndicator light={measure.light} /> },
  {
    key: 'status',
    title: '状态',
    width: 88,
    render: (_, measure) => <MeasureStatusTag status={measure.status} label={measure.statusLabel} />,
  },
];

/** A problem's measures inside the ledger, in official order; officers tick them for the bulk actions. */
export function ProblemMeasureRows({ problemId, selection }: { problemId: string; selection?: MeasureSelection }) {
  const measures = useMeasures({ problemId, sort: 'official', page: 1, pageSize: 200 });
  if (measures.isPending) return <Skeleton active title={false} paragraph={{ rows: 2 }} />;
  if (measures.isError) return <QueryError error={measures.error} onRetry={() => measures.refetch()} />;
  const items = measures.data.items;
  return (
    <Table<Measure>
      aria-label="整改措施"
      className="zg-nested-measures"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      rowSelection={
        selection && {
          selectedRowKeys: items
            .filter((measure) => selection.selectedIds.has(measure.id))
            .map((measure) => measure.id),
          onChange: (_keys, rows) => selection.onChange(problemId, rows, items),
          getCheckboxProps: (measure) => ({ 'aria-label': `选择措施 ${measureNumber(measure)}` }),
        }
      }
    />
  );
}
