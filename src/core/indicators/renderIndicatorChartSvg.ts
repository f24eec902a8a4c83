import type { EChartsOption } from 'echarts';

/**
 * An ECharts chart rendered on the server as an SVG string (ECharts' SSR mode: no DOM, no canvas),
 * so the PDF shows the same chart as the screen. ECharts loads on first use only.
 */
export async function renderIndicatorChartSvg(option: EChartsOption, { width, height }: { width: number; height: number }): Promise<string> {
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
