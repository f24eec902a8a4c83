import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import type { IndicatorDashboard, IndicatorFigure } from '../../shared/api/indicators.contract';
import type { Clock } from '../clock';
import { createIndicatorContext } from './createIndicatorContext';
import { fillText } from './fillText';
import { indicatorCatalog } from './indicatorCatalog';
import type { IndicatorContext, IndicatorDefinition } from './IndicatorDefinition';

/** The figures of some indicators in one context (each figure named `id` or `id:qualifier`). */
export function measureFigures(context: IndicatorContext, indicators: readonly IndicatorDefinition[] = indicatorCatalog): IndicatorFigure[] {
  return indicators.flatMap((indicator) =>
    (indicator.directoryOnly === true ? context.memo : context.liveMemo)(`measure:${indicator.id}:${context.periodDays}:${context.dormantDays}`, () => indicator.measure(context)).map((figure) => ({
      key: figure.qualifier === undefined ? indicator.id : `${indicator.id}:${figure.qualifier}`,
      indicatorId: indicator.id,
      group: indicator.group,
      label: fillText(indicator.label, figure.labelParams),
      definition: indicator.definition,
      unit: indicator.unit,
      value: figure.value === null ? null : Math.round(figure.value * 10) / 10,
      counted: figure.counted ?? null,
      status: figure.alert === true ? 'alert' : 'ok',
      listable: indicator.list !== undefined,
    })),
  );
}

function readEstablishment(db: Database.Database): IndicatorDashboard['establishment'] {
  const json = db.prepare("SELECT value_json FROM settings WHERE key = 'establishment'").pluck().get() as string | undefined;
  const stored = json === undefined ? {} : (JSON.parse(json) as { name?: string; finess?: string[] });
  return { name: stored.name ?? 'Guichet', finess: stored.finess ?? [] };
}

/** Every figure of the dashboard, computed from the store now. */
export function measureIndicators(db: Database.Database, { clock, periodDays = 30 }: { clock: Clock; periodDays?: number }): IndicatorDashboard {
  const started = performance.now();
  const context = createIndicatorContext(db, { clock, periodDays });
  // Read only: one snapshot for every figure.
  const figures = db.transaction(() => measureFigures(context)).deferred();
  return {
    generatedAt: context.now.toISOString(),
    today: context.today,
    establishment: readEstablishment(db),
    periodDays,
    dormantDays: context.dormantDays,
    figures,
    computeMs: Math.round(performance.now() - started),
  };
}
