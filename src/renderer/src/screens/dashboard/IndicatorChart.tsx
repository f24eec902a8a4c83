import ReactEChartsCore from 'echarts-for-react/esm/core';
import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

// Only what the dashboard draws: line charts rendered as SVG, with their ARIA description.
echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

/** One trend chart (Apache ECharts, SVG renderer, ARIA description on). */
export function IndicatorChart({ option, testId }: { option: EChartsOption; testId: string }) {
  return (
    <div className="indicator-chart" data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} opts={{ renderer: 'svg' }} notMerge style={{ height: 240, width: '100%' }} />
    </div>
  );
}
