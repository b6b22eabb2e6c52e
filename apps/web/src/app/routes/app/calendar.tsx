import { Alert, Button, Card, Col, Flex, Row, Select, Skeleton, Switch, Tabs, Typography } from 'antd';
import { chinaDate } from '@zhenggai/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { useAllMeasures } from '@/features/measures/api/get-measures';
import { DayAgenda, DeadlineCalendar, LightLegend } from '@/features/measures/components/deadline-calendar';
import { UnitTimeline } from '@/features/measures/components/unit-timeline';
import { unitOptions as toUnitOptions, useUnits } from '@/features/units/api/get-units';
import { hasBusinessAccess, isUnitUser, roleLabels, useSessionUser, type SessionUser } from '@/lib/auth';
import { formatDate } from '@/lib/format';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONTH = /^\d{4}-\d{2}$/;

function CalendarPage({ user }: { user: SessionUser }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const today = chinaDate(new Date());
  const unitUser = isUnitUser(user);
  const unitId = UUID.test(searchParams.get('unitId') ?? '') ? searchParams.get('unitId')! : undefined;
  const showDone = searchParams.get('done') === '1';
  const view = searchParams.get('view') === 'units' ? 'units' : 'month';
  const month = searchParams.get('month');
  const [selected, setSelected] = useState<Dayjs>(() =>
    month && MONTH.test(month) ? dayjs(`${month}-01`) : dayjs(today),
  );
  const units = useUnits({ enabled: !unitUser });
  const unitOptions = useMemo(() => (units.data ? toUnitOptions(units.data) : []), [units.data]);
  const measures = useAllMeasures({ sort: 'deadline', ...(unitId ? { unitId } : {}) });

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setSearchParams(next, { replace: true });
  };
  const onDate = (date: Dayjs) => {
    setSelected(date);
    update({ month: date.format('YYYY-MM') === today.slice(0, 7) ? null : date.format('YYYY-MM') });
  };

  const shown = (measures.data ?? []).filter((measure) => showDone || measure.light !== 'grey');
  const undated = shown.filter((measure) => !measure.deadline).length;
  // overdue deadlines lie in past months: point the user to them rather than let the current month look clear
  const overdue = shown.filter((measure) => measure.light === 'red' && measure.deadline);
  const earliestOverdue = overdue.map((measure) => measure.deadline!).sort()[0];

  return (
    <Flex vertical gap={16}>
      <Card variant="borderless" size="small">
        <Flex gap={12} wrap align="center" justify="space-between">
          <Flex gap={12} wrap align="center">
            {!unitUser && (
              <Select
                aria-label="按责任单位筛选"
                value={unitId ?? 'all'}
                onChange={(value: string) => update({ unitId: value === 'all' ? null : value })}
                options={[{ value: 'all', label: '全部责任单位' }, ...unitOptions]}
                showSearch={{ optionFilterProp: 'label' }}
                popupMatchSelectWidth={false}
                style={{ width: 200 }}
              />
            )}
            <Flex gap={6} align="center">
              <Switch
                size="small"
                checked={showDone}
                onChange={(checked) => update({ done: checked ? '1' : null })}
                aria-label="显示已完成的措施"
              />
              <Typography.Text>显示已完成</Typography.Text>
            </Flex>
          </Flex>
          <LightLegend />
        </Flex>
      </Card>
      {measures.isPending ? (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : measures.isError ? (
        <QueryError error={measures.error} onRetry={() => measures.refetch()} />
      ) : (
        <Card variant="borderless">
          {earliestOverdue && view === 'month' && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={`有 ${overdue.length} 项措施已逾期，最早的完成时限为 ${formatDate(earliestOverdue)}`}
              action={
                <Button size="small" onClick={() => onDate(dayjs(earliestOverdue))}>
                  查看
                </Button>
              }
            />
          )}
          <Tabs
            activeKey={view}
            onChange={(key) => update({ view: key === 'units' ? 'units' : null })}
            items={[
              {
                key: 'month',
                label: '月历',
                children: (
                  <Row gutter={[16, 16]}>
                    <Col xs={24} xl={17}>
                      <DeadlineCalendar measures={shown} value={selected} onChange={onDate} />
                    </Col>
                    <Col xs={24} xl={7}>
                      <DayAgenda date={selected} measures={shown} today={today} />
                    </Col>
                  </Row>
                ),
              },
              { key: 'units', label: '按单位', children: <UnitTimeline measures={shown} today={today} /> },
            ]}
          />
          {undated > 0 && (
            <Typography.Text type="secondary" className="zg-help-text">
              另有 {undated} 项长期坚持的措施未设完成时限，不在日历中显示。
            </Typography.Text>
          )}
        </Card>
      )}
    </Flex>
  );
}

export function CalendarRoute() {
  const { data: user } = useSessionUser();
  if (!user) return null;
  if (!hasBusinessAccess(user)) return <NoAccess roleText={roleLabels(user).join('、')} />;
  return (
    <>
      <title>时限日历 · 整改工作台</title>
      <Flex align="baseline" gap={8} wrap className="zg-page-heading">
        <Typography.Title level={3} className="zg-page-title">
          时限日历
        </Typography.Title>
        <Typography.Text type="secondary">
          {isUnitUser(user) ? `${user.unitName ?? '本单位'}承担的措施` : '各责任单位措施的完成时限'}
        </Typography.Text>
      </Flex>
      <CalendarPage user={user} />
    </>
  );
}
