import type Database from 'better-sqlite3';
import type { DeskHandlers } from '../../shared/api/dispatch';
import type { IndicatorDashboard } from '../../shared/api/indicators.contract';
import { isoDay, type Clock } from '../clock';
import type { EventHub } from '../desk/createEventHub';
import { runIndicatorsJob } from '../jobs/runIndicatorsJob';
import { createDirectoryIndicatorsRefresher } from './createDirectoryIndicatorsRefresher';
import { createIndicatorReportCsv } from './createIndicatorReportCsv';
import { createIndicatorReportPdf } from './createIndicatorReportPdf';
import { listIndicatorItems } from './listIndicatorItems';
import { measureIndicators } from './measureIndicators';
import { readIndicatorSeries } from './readIndicatorSeries';
import { startIndicatorSnapshots } from './startIndicatorSnapshots';

type IndicatorsMethod = 'getDashboard' | 'listIndicatorItems' | 'getIndicatorSeries' | 'exportIndicatorReport';

export interface IndicatorsDependencies {
  db: Database.Database;
  clock: Clock;
  /** How often the daily snapshot is checked (first start of the day, after an import or a reconciliation). */
  snapshotIntervalMs?: number;
  onError?: (error: unknown) => void;
  /** The desk's events: after an act on a means, the live figures are measured ahead on a job thread. */
  events?: EventHub;
}

const minusDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * The dashboard's methods (the contract declares `indicators.read`: badge office, admin, auditor;
 * the dispatcher checks it). Starts the daily snapshots, taken on a job thread.
 */
export function createIndicatorsHandlers({ db, clock, snapshotIntervalMs, onError, events }: IndicatorsDependencies): Pick<DeskHandlers, IndicatorsMethod> {
  const directoryFigures = createDirectoryIndicatorsRefresher({ db, clock, prepare: (known) => runIndicatorsJob(db, { clock, known }), ...(onError === undefined ? {} : { onError }) });
  startIndicatorSnapshots({
    db,
    clock,
    takeSnapshot: () => directoryFigures.refresh(),
    ...(snapshotIntervalMs === undefined ? {} : { intervalMs: snapshotIntervalMs }),
    ...(onError === undefined ? {} : { onError }),
  });
  // A means changed: measure the live figures ahead (once the acts of the moment are done), so the
  // dashboard opened next finds them ready instead of counting on the desk's thread.
  let ahead: NodeJS.Timeout | null = null;
  events?.subscribe((event) => {
    if (event !== 'mieChanged' || ahead !== null) return;
    ahead = setTimeout(() => {
      ahead = null;
      if (db.open && !db.memory) void directoryFigures.refresh();
    }, 1_000);
    ahead.unref();
  });
  // Series and reports name their figures as the last dashboard did (measured again when older than a minute).
  let latest: IndicatorDashboard | null = null;
  const currentDashboard = (periodDays = 30) => {
    if (latest === null || latest.periodDays !== periodDays || clock.now().getTime() - Date.parse(latest.generatedAt) > 60_000) latest = measureIndicators(db, { clock, periodDays });
    return latest;
  };
  return {
    getDashboard: async ({ periodDays }) => {
      // The slow directory counts come from a job thread; only the live means figures are counted here.
      await directoryFigures.ensure();
      latest = measureIndicators(db, { clock, periodDays });
      return latest;
    },
    listIndicatorItems: ({ key, periodDays, limit }) => {
      return listIndicatorItems(db, { clock, key, periodDays, limit });
    },
    getIndicatorSeries: ({ keys, days }) => {
      const to = isoDay(clock.now());
      return readIndicatorSeries(db, { figures: currentDashboard(latest?.periodDays).figures, keys, from: minusDays(to, days - 1), to });
    },
    exportIndicatorReport: async ({ format, from, to, language }) => {
      const dashboard = currentDashboard(latest?.periodDays);
      const name = `indicateurs-${from}-${to}`;
      if (format === 'csv') {
        return { fileName: `${name}.csv`, mimeType: 'text/csv', base64: Buffer.from(createIndicatorReportCsv(db, { figures: dashboard.figures, from, to }), 'utf8').toString('base64') };
      }
      const pdf = await createIndicatorReportPdf(db, { dashboard, from, to, language });
      return { fileName: `${name}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64') };
    },
  };
}
