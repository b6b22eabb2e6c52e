import { Empty, Tooltip, Typography } from 'antd';
import { addDays, daysBetween } from '@zhenggai/domain';
import { Link } from 'react-router';
import { formatDate, measureRef } from '@/lib/format';
import type { Measure } from '../api/get-measures';
import { LIGHT_COLORS } from './deadline-calendar';

interface UnitRow {
  id: string;
  name: string;
  measures: Measure[];
}

/** Every unit of a measure (lead and co-units) gets the measure on its row. */
function unitRows(measures: Measure[]): UnitRow[] {
  const rows = new Map<string, UnitRow>();
  for (const measure of measures) {
    if (!measure.deadline) continue;
    for (const unit of measure.units) {
      const row = rows.get(unit.id) ?? { id: unit.id, name: unit.name, measures: [] };
      row.measures.push(measure);
      rows.set(unit.id, row);
    }
  }
  return [...rows.values()].sort(
    (a, b) => b.measures.length - a.measures.length || a.name.localeCompare(b.name, 'zh-CN'),
  );
}

function monthTicks(start: string, end: string): string[] {
  const ticks: string[] = [];
  const [year, month] = start.split('-').map(Number);
  let cursor = new Date(Date.UTC(year, month, 1));
  while (cursor.toISOString().slice(0, 10) <= end) {
    ticks.push(cursor.toISOString().slice(0, 10));
    cursor = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1));
  }
  // a long span keeps about a dozen labels
  const step = Math.max(1, Math.ceil(ticks.length / 12));
  return ticks.filter((_, index) => index % step === 0);
}

/** A Gantt-like overview: per unit, its measures as dated markers between the first and the last deadline. */
export function UnitTimeline({ measures, today }: { measures: Measure[]; today: string }) {
  const rows = unitRows(measures);
  const dates = measures.flatMap((measure) => (measure.deadline ? [measure.deadline] : []));
  if (rows.length === 0 || dates.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有设定时限的措施" />;
  }
  const sorted = [...dates, today].sort();
  const start = addDays(sorted[0], -7);
  const end = addDays(sorted[sorted.length - 1], 7);
  const span = Math.max(1, daysBetween(start, end));
  const position = (date: string) => `${(daysBetween(start, date) / span) * 100}%`;
  return (
    <div className="zg-gantt" role="figure" aria-label="各单位措施时限分布">
      <div className="zg-gantt-row zg-gantt-axis" aria-hidden>
        <div className="zg-gantt-name" />
        <div className="zg-gantt-track">
          {monthTicks(start, end).map((tick) => (
            <span key={tick} className="zg-gantt-tick" style={{ left: position(tick) }}>
              {tick.slice(0, 7).replace('-', '.')}
            </span>
          ))}
        </div>
      </div>
      {rows.map((row) => (
        <div key={row.id} className="zg-gantt-row">
          <div className="zg-gantt-name">
            <Typography.Text ellipsis={{ tooltip: row.name }}>{row.name}</Typography.Text>
            <Typography.Text type="secondary" className="zg-gantt-count">
              {row.measures.length} 项
            </Typography.Text>
          </div>
          <div className="zg-gantt-track">
            <span className="zg-gantt-today" style={{ left: position(today) }} aria-hidden />
            {row.measures.map((measure) => (
              <Tooltip
                key={measure.id}
                title={`${measureRef(measure.problemLabel, measure.seq)} ${formatDate(measure.deadline)} ${measure.statusLabel}：${measure.text.slice(0, 60)}`}
              >
                <Link
                  to={`/problems/${measure.problemId}#measure-${measure.id}`}
                  className="zg-gantt-marker"
                  style={{ left: position(measure.deadline!), backgroundColor: LIGHT_COLORS[measure.light] }}
                  aria-label={`${row.name} 措施 ${measureRef(measure.problemLabel, measure.seq)}，时限 ${formatDate(measure.deadline)}，${measure.statusLabel}`}
                />
              </Tooltip>
            ))}
          </div>
        </div>
      ))}
      <Typography.Text type="secondary" className="zg-help-text">
        竖线为今天；圆点为措施的完成时限，颜色表示亮灯，点击查看措施。
      </Typography.Text>
    </div>
  );
}
