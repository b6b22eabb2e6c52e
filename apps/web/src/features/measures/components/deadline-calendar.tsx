import { Calendar, Empty, Flex, Grid, Tag, Tooltip, Typography } from 'antd';
import { LIGHT_LABELS, daysBetween, type Light } from '@zhenggai/domain';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { LightIndicator } from '@/components/ui/light-indicator';
import { MeasureStatusTag } from '@/components/ui/status-tags';
import { EMPTY_TEXT, measureRef } from '@/lib/format';
import type { Measure } from '../api/get-measures';

export const LIGHT_COLORS: Record<Light, string> = {
  red: '#d92d20',
  yellow: '#e6a700',
  green: '#16a34a',
  grey: '#98a2b3',
};
const LIGHT_ORDER: Record<Light, number> = { red: 0, yellow: 1, green: 2, grey: 3 };

/** Measures by deadline date (YYYY-MM-DD), most urgent light first within a day. */
export function byDeadline(measures: Measure[]): Map<string, Measure[]> {
  const days = new Map<string, Measure[]>();
  for (const measure of measures) {
    if (!measure.deadline) continue;
    const list = days.get(measure.deadline) ?? [];
    list.push(measure);
    days.set(measure.deadline, list);
  }
  for (const list of days.values()) list.sort((a, b) => LIGHT_ORDER[a.light] - LIGHT_ORDER[b.light]);
  return days;
}

const SHOWN_PER_DAY = 3;

function DayCell({ measures, compact }: { measures: Measure[]; compact: boolean }) {
  if (compact) {
    return (
      <Flex gap={2} justify="center" className="zg-cal-dots" aria-label={`${measures.length} 项措施到期`}>
        {measures.slice(0, 4).map((measure) => (
          <span key={measure.id} className="zg-cal-dot" style={{ backgroundColor: LIGHT_COLORS[measure.light] }} />
        ))}
      </Flex>
    );
  }
  return (
    <ul className="zg-cal-items">
      {measures.slice(0, SHOWN_PER_DAY).map((measure) => (
        <li key={measure.id}>
          <Tooltip title={`${measureRef(measure.problemLabel, measure.seq)} ${measure.text}`}>
            <span className={`zg-cal-item zg-cal-item-${measure.light}`}>
              {measureRef(measure.problemLabel, measure.seq)} {measure.leadUnit?.name ?? ''}
            </span>
          </Tooltip>
        </li>
      ))}
      {measures.length > SHOWN_PER_DAY && <li className="zg-cal-more">另有 {measures.length - SHOWN_PER_DAY} 项</li>}
    </ul>
  );
}

/** A month calendar with each measure on its deadline, coloured by its light. */
export function DeadlineCalendar({
  measures,
  value,
  onChange,
}: {
  measures: Measure[];
  value: Dayjs;
  onChange: (date: Dayjs) => void;
}) {
  const screens = Grid.useBreakpoint();
  const compact = !screens.md;
  const days = byDeadline(measures);
  return (
    <Calendar
      className="zg-calendar"
      fullscreen={!compact}
      value={value}
      onSelect={(date) => onChange(date)}
      onPanelChange={(date) => onChange(date)}
      cellRender={(date, info) => {
        if (info.type !== 'date') return info.originNode;
        const list = days.get(date.format('YYYY-MM-DD'));
        return list ? <DayCell measures={list} compact={compact} /> : null;
      }}
    />
  );
}

/** The measures due on the chosen day. */
export function DayAgenda({ date, measures, today }: { date: Dayjs; measures: Measure[]; today: string }) {
  const key = date.format('YYYY-MM-DD');
  const list = byDeadline(measures).get(key) ?? [];
  const left = daysBetween(today, key);
  return (
    <section aria-label="当日到期措施" className="zg-agenda">
      <Flex align="baseline" gap={8} className="zg-subheading">
        <Typography.Text strong>{date.format('YYYY年M月D日')}</Typography.Text>
        <Typography.Text type="secondary">
          {left === 0 ? '今天' : left > 0 ? `${left} 天后` : `${-left} 天前`} · {list.length} 项措施到期
        </Typography.Text>
      </Flex>
      {list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当天没有到期的措施" />
      ) : (
        <ul className="zg-agenda-list">
          {list.map((measure) => (
            <li key={measure.id} className="zg-agenda-item">
              <Flex justify="space-between" gap={8} align="flex-start">
                <Link to={`/problems/${measure.problemId}#measure-${measure.id}`}>
                  <Typography.Text strong>{measureRef(measure.problemLabel, measure.seq)}</Typography.Text>{' '}
                  {measure.problemTitle}
                </Link>
                <LightIndicator light={measure.light} />
              </Flex>
              <Typography.Paragraph ellipsis={{ rows: 2 }} type="secondary" style={{ margin: '4px 0' }}>
                {measure.text}
              </Typography.Paragraph>
              <Flex gap={8} wrap align="center">
                <MeasureStatusTag status={measure.status} label={measure.statusLabel} />
                <Typography.Text type="secondary">{measure.leadUnit?.name ?? EMPTY_TEXT}</Typography.Text>
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function LightLegend() {
  return (
    <Flex gap={8} wrap aria-label="图例">
      {(['red', 'yellow', 'green', 'grey'] as const).map((light) => (
        <Tag key={light} color={LIGHT_COLORS[light]} variant="solid">
          {LIGHT_LABELS[light]}
        </Tag>
      ))}
    </Flex>
  );
}
