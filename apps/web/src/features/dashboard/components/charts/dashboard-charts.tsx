// Loaded on demand (React.lazy) so that ECharts stays in the dashboard's own chunk.
import { Card, Col, Empty, Row, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import type { InspectionStatistics } from '../../api/get-inspection-statistics';
import { Chart } from './chart';
import { CHART_COLORS, CHART_FONT } from './echarts';

const textStyle = { fontFamily: CHART_FONT };

function statusOption(stats: InspectionStatistics): EChartsCoreOption {
  const { problems } = stats;
  return {
    textStyle,
    color: [CHART_COLORS.completed, CHART_COLORS.deemed, CHART_COLORS.inProgress],
    tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
    legend: {
      bottom: 0,
      icon: 'circle',
      formatter: (name: string) =>
        `${name} ${{ 已完成: problems.completed, 视同完成: problems.deemedCompleted, 未完成: problems.inProgress }[name] ?? ''}`,
    },
    title: {
      text: `${stats.completionRate}%`,
      subtext: '完成率',
      left: 'center',
      top: '36%',
      textStyle: { fontSize: 24, fontWeight: 600, color: '#1f2937' },
      subtextStyle: { fontSize: 13, color: '#6b7280' },
    },
    series: [
      {
        name: '问题整改状态',
        type: 'pie',
        radius: ['48%', '70%'],
        center: ['50%', '45%'],
        label: { show: false },
        data: [
          { name: '已完成', value: problems.completed },
          { name: '视同完成', value: problems.deemedCompleted },
          { name: '未完成', value: problems.inProgress },
        ],
      },
    ],
  };
}

// Without categories (the demo notice has none) the bars fall back to the units, which every inspection has.
function hasCategories(stats: InspectionStatistics): boolean {
  return stats.byCategory.some((category) => category.categoryId !== null);
}

function categoryOption(stats: InspectionStatistics): EChartsCoreOption {
  const categories = [...stats.byCategory].reverse();
  return {
    textStyle,
    color: [CHART_COLORS.completed, CHART_COLORS.deemed, CHART_COLORS.inProgress],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: categories.map((category) => category.title),
      axisLabel: { width: 180, overflow: 'truncate' },
    },
    series: [
      { name: '已完成', type: 'bar', stack: 'status', data: categories.map((category) => category.completed) },
      { name: '视同完成', type: 'bar', stack: 'status', data: categories.map((category) => category.deemedCompleted) },
      { name: '未完成', type: 'bar', stack: 'status', data: categories.map((category) => category.inProgress) },
    ],
  };
}

function unitOption(stats: InspectionStatistics): EChartsCoreOption {
  const units = [...stats.byUnit].sort((a, b) => a.assigned - b.assigned);
  const rest = (unit: InspectionStatistics['byUnit'][number]) =>
    Math.max(0, unit.assigned - unit.completed - unit.deemedCompleted - unit.awaitingSignOff);
  return {
    textStyle,
    color: [CHART_COLORS.completed, CHART_COLORS.deemed, CHART_COLORS.pending, CHART_COLORS.inProgress],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: '措施（项）', nameLocation: 'end', nameGap: 4 },
    yAxis: {
      type: 'category',
      data: units.map((unit) => unit.name),
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: [
      { name: '已完成', type: 'bar', stack: 'status', data: units.map((unit) => unit.completed) },
      { name: '视同完成', type: 'bar', stack: 'status', data: units.map((unit) => unit.deemedCompleted) },
      { name: '待审核', type: 'bar', stack: 'status', data: units.map((unit) => unit.awaitingSignOff) },
      { name: '推进中', type: 'bar', stack: 'status', data: units.map(rest) },
    ],
  };
}

function trendOption(stats: InspectionStatistics): EChartsCoreOption {
  const weeks = stats.weeklyTrend;
  return {
    textStyle,
    color: [CHART_COLORS.deemed, CHART_COLORS.brand],
    tooltip: {
      trigger: 'axis',
      formatter: (params: Array<{ seriesName: string; value: number; dataIndex: number }>) => {
        const week = weeks[params[0]?.dataIndex ?? 0];
        const lines = params.map((param) => `${param.seriesName}：${param.value} 项`);
        return [`${week?.weekStart ?? ''} 当周`, ...lines].join('<br/>');
      },
    },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: weeks.map((week) => week.weekStart),
      axisLabel: { formatter: (value: string) => value.slice(2, 7).replace('-', '年') + '月' },
    },
    yAxis: [
      { type: 'value', minInterval: 1, name: '当周', splitLine: { show: false } },
      { type: 'value', minInterval: 1, name: '累计' },
    ],
    series: [
      { name: '当周完成', type: 'bar', data: weeks.map((week) => week.completed), barMaxWidth: 14 },
      {
        name: '累计完成',
        type: 'line',
        yAxisIndex: 1,
        smooth: true,
        showSymbol: false,
        areaStyle: { opacity: 0.08 },
        data: weeks.map((week) => week.cumulative),
      },
    ],
  };
}

export default function DashboardCharts({ stats }: { stats: InspectionStatistics }) {
  const byCategory = hasCategories(stats);
  const unitRows = Math.max(stats.byUnit.length, 1);
  const barHeight = byCategory ? Math.max(240, stats.byCategory.length * 44 + 60) : Math.max(240, unitRows * 30 + 60);
  const { problems } = stats;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9}>
        <Card variant="borderless" title="问题整改状态" className="zg-chart-card">
          {problems.total === 0 ? (
            <Empty description="暂无问题" />
          ) : (
            <Chart
              option={statusOption(stats)}
              height={Math.min(barHeight, 400)}
              label={`问题整改状态：已完成 ${problems.completed} 个，视同完成 ${problems.deemedCompleted} 个，未完成 ${problems.inProgress} 个，完成率 ${stats.completionRate}%`}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card
          variant="borderless"
          title={byCategory ? '分方面整改情况' : '各单位措施办理情况'}
          extra={
            !byCategory && (
              <Typography.Text type="secondary" className="zg-card-note">
                问题均未分类，按责任单位统计
              </Typography.Text>
            )
          }
          className="zg-chart-card"
        >
          {byCategory ? (
            <Chart
              option={categoryOption(stats)}
              height={barHeight}
              label="分方面整改情况：各方面问题已完成、视同完成、未完成的个数"
            />
          ) : stats.byUnit.length === 0 ? (
            <Empty description="暂无责任单位数据" />
          ) : (
            <Chart
              option={unitOption(stats)}
              height={barHeight}
              label="各单位措施办理情况：已完成、视同完成、待审核、推进中的措施项数"
            />
          )}
        </Card>
      </Col>
      <Col span={24}>
        <Card variant="borderless" title="整改完成趋势（按周）" className="zg-chart-card">
          {stats.weeklyTrend.length === 0 ? (
            <Empty description="暂无趋势数据" />
          ) : (
            <Chart
              option={trendOption(stats)}
              height={280}
              label={`整改完成趋势：自反馈以来共 ${stats.weeklyTrend.length} 周，累计完成 ${stats.weeklyTrend.at(-1)?.cumulative ?? 0} 项措施`}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
