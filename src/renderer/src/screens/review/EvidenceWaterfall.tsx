import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
// The ES module build: the CommonJS one hands Vite an object instead of the component.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { LinkEvidence } from '../../../../shared/api/reconcile.contract';
import { buildWaterfallSteps } from '../../../../shared/matching/buildWaterfallSteps';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

const colors = { prior: '#6b7280', for: '#15803d', against: '#b91c1c', final: '#1d4ed8' } as const;

function signed(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(1)}`;
}

/**
 * A link's evidence as a waterfall (Apache ECharts, SVG, with its ARIA description): the prior odds,
 * each field's calibrated weight in bits (the seed's points beside it in the label), the final odds
 * and the match probability. Nothing is drawn for a link decided on the seed's points.
 */
export function EvidenceWaterfall({ evidence, priorWeight, probability: storedProbability = null }: { evidence: readonly LinkEvidence[]; priorWeight: number | null; probability?: number | null }) {
  const { t } = useTranslation();
  const waterfall = buildWaterfallSteps({ evidence, priorWeight, probability: storedProbability });
  if (waterfall === null) return null;
  const labels = waterfall.steps.map((step) => t(step.labelKey));
  const probability = `${(waterfall.probability * 100).toFixed(waterfall.probability > 0.99 ? 2 : 1)} %`;
  // Stacked bars on a shifted axis (every value ≥ 0): an invisible base up to the lower end, then the step's height.
  const offset = Math.min(0, ...waterfall.steps.flatMap((step) => [step.start, step.end]));
  const base = waterfall.steps.map((step) => Math.min(step.start, step.end) - offset);
  const option = {
    aria: { enabled: true, label: { description: t('review.waterfall.aria', { steps: waterfall.steps.map((step, index) => `${labels[index]} ${signed(step.end - step.start)}`).join(', '), probability }) } },
    animation: false,
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', name: t('review.waterfall.axis'), axisLabel: { formatter: (value: number) => (value + offset).toFixed(0) } },
    series: [
      { type: 'bar', stack: 'waterfall', silent: true, itemStyle: { color: 'transparent' }, data: base, tooltip: { show: false } },
      {
        type: 'bar',
        stack: 'waterfall',
        data: waterfall.steps.map((step, index) => ({
          value: Math.abs(step.end - step.start),
          itemStyle: { color: colors[step.kind] },
          label: {
            show: true,
            position: 'top',
            formatter: step.kind === 'final' ? probability : step.seedPoints === null ? signed(step.end) : t('review.waterfall.stepLabel', { weight: signed(step.end - step.start), points: step.seedPoints }),
          },
          name: labels[index],
        })),
      },
    ],
  };
  return (
    <figure className="evidence-waterfall" data-testid="link-waterfall">
      <figcaption>{t('review.waterfall.title', { probability })}</figcaption>
      <ReactEChartsCore echarts={echarts} option={option} opts={{ renderer: 'svg' }} style={{ height: 280, width: '100%' }} notMerge />
    </figure>
  );
}
