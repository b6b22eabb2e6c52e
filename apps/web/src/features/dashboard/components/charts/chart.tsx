// The ESM build of echarts-for-react: its lib/ (CJS) entry crashes the production build (docs/stack.md §4.6).
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from './echarts';

/** A chart, described in Chinese for screen readers (the canvas itself says nothing). */
export function Chart({ option, height, label }: { option: EChartsCoreOption; height: number; label: string }) {
  return (
    <div role="img" aria-label={label} className="zg-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        style={{ height, width: '100%' }}
        opts={{ renderer: 'canvas' }}
      />
    </div>
  );
}
