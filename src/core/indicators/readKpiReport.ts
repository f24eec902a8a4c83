import type Database from 'better-sqlite3';
import type { IndicatorFigure } from '../../shared/api/indicators.contract';
import type { Clock } from '../clock';
import { measureIndicators } from './measureIndicators';
import { readIndicatorSeries } from './readIndicatorSeries';

export interface KpiReport {
  generatedAt: string;
  today: string;
  establishment: { name: string; finess: string[] };
  periodDays: number;
  dormantDays: number;
  figures: Record<string, { group: IndicatorFigure['group']; label: string; unit: IndicatorFigure['unit']; value: number | null; counted: IndicatorFigure['counted']; status: IndicatorFigure['status'] }>;
  /** With a range: each figure's daily values (null on a day without a snapshot). */
  series?: { from: string; to: string; days: string[]; values: Record<string, (number | null)[]> };
}

/** The dashboard's figures as one plain object keyed by figure (what `guichet kpi --json` prints). */
export function readKpiReport(db: Database.Database, { clock, periodDays = 30, range }: { clock: Clock; periodDays?: number; range?: { from: string; to: string } }): KpiReport {
  const dashboard = measureIndicators(db, { clock, periodDays });
  const report: KpiReport = {
    generatedAt: dashboard.generatedAt,
    today: dashboard.today,
    establishment: dashboard.establishment,
    periodDays,
    dormantDays: dashboard.dormantDays,
    figures: Object.fromEntries(
      dashboard.figures.map((figure) => [figure.key, { group: figure.group, label: figure.label.fr, unit: figure.unit, value: figure.value, counted: figure.counted, status: figure.status }]),
    ),
  };
  if (range !== undefined) {
    const series = readIndicatorSeries(db, { figures: dashboard.figures, keys: dashboard.figures.map((figure) => figure.key), ...range });
    report.series = { ...range, days: series.days, values: Object.fromEntries(series.series.map((line) => [line.key, line.values])) };
  }
  return report;
}
