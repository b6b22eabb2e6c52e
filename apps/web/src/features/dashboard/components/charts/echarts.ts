// Only the parts of ECharts the dashboard draws: the full package is twice the size (docs/stack.md §4.7).
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { echarts };

export const CHART_COLORS = {
  completed: '#16a34a',
  deemed: '#2563eb',
  inProgress: '#f59e0b',
  pending: '#d4a72c',
  notStarted: '#98a2b3',
  overdue: '#d92d20',
  brand: '#b42318',
};

export const CHART_FONT =
  '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
