import { Empty, Flex, Grid, Table, Typography, type TableColumnsType } from 'antd';
import { LightIndicator } from '@/components/ui/light-indicator';
import { EMPTY_TEXT, chineseNumeral, formatDate } from '@/lib/format';
import type { Measure } from '../api/get-problem';
import { MeasureStatusTag } from './status-tags';

function measureNumber(measure: Measure): string {
  return `${chineseNumeral(measure.seq)}是`;
}

function coUnitNames(measure: Measure): string | null {
  return measure.coUnits.length > 0 ? measure.coUnits.map((unit) => unit.name).join('、') : null;
}

function MeasureText({ measure }: { measure: Measure }) {
  return (
    <Typography.Paragraph className="zg-measure-text" style={{ marginBottom: 0 }}>
      {measure.lead && <Typography.Text strong>{measure.lead}</Typography.Text>}
      {measure.text}
    </Typography.Paragraph>
  );
}

function MeasureUnits({ measure }: { measure: Measure }) {
  const coUnits = coUnitNames(measure);
  return (
    <div>
      <div>{measure.leadUnit?.name ?? EMPTY_TEXT}</div>
      {coUnits && (
        <Typography.Text type="secondary" className="zg-co-units">
          配合：{coUnits}
        </Typography.Text>
      )}
    </div>
  );
}

const columns: TableColumnsType<Measure> = [
  { key: 'seq', title: '序号', width: 64, render: (_, measure) => measureNumber(measure) },
  { key: 'text', title: '整改措施', render: (_, measure) => <MeasureText measure={measure} /> },
  { key: 'units', title: '牵头单位', width: 200, render: (_, measure) => <MeasureUnits measure={measure} /> },
  {
    key: 'deadline',
    title: '时限',
    width: 120,
    render: (_, measure) => (
      <div>
        <div>{formatDate(measure.deadline)}</div>
        <Typography.Text type="secondary">{measure.termLabel}</Typography.Text>
      </div>
    ),
  },
  {
    key: 'status',
    title: '状态',
    width: 110,
    render: (_, measure) => (
      <Flex vertical gap={4} align="flex-start">
        <MeasureStatusTag status={measure.status} label={measure.statusLabel} />
        <LightIndicator light={measure.light} />
      </Flex>
    ),
  },
];

/** A table on wide screens; stacked cards on a phone, where five columns do not fit. */
export function ProblemMeasures({ measures }: { measures: Measure[] }) {
  const screens = Grid.useBreakpoint();
  if (measures.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无整改措施" />;
  if (!screens.md) {
    return (
      <section aria-label="整改措施列表">
        <ol className="zg-measure-cards">
          {measures.map((measure) => (
            <li key={measure.id} className="zg-measure-card">
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Typography.Text strong>{measureNumber(measure)}</Typography.Text>
                <Flex gap={8} align="center">
                  <MeasureStatusTag status={measure.status} label={measure.statusLabel} />
                  <LightIndicator light={measure.light} />
                </Flex>
              </Flex>
              <MeasureText measure={measure} />
              <Typography.Text type="secondary" className="zg-measure-meta">
                牵头：{measure.leadUnit?.name ?? EMPTY_TEXT}
                {coUnitNames(measure) && `；配合：${coUnitNames(measure)}`}
                ；时限：{formatDate(measure.deadline)}（{measure.termLabel}）
              </Typography.Text>
            </li>
          ))}
        </ol>
      </section>
    );
  }
  return (
    <section aria-label="整改措施列表">
      <Table<Measure> rowKey="id" size="middle" columns={columns} dataSource={measures} pagination={false} />
    </section>
  );
}
