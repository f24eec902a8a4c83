import type Database from 'better-sqlite3';
import type { IndicatorFigure } from '../../shared/api/indicators.contract';

const quote = (value: string) => (/[",\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The raw daily series between two days: one line per figure and day snapshotted (`day,key,label,unit,value`). */
export function createIndicatorReportCsv(db: Database.Database, { figures, from, to }: { figures: readonly IndicatorFigure[]; from: string; to: string }): string {
  const byKey = new Map(figures.map((figure) => [figure.key, figure]));
  const rows = db
    .prepare('SELECT day, figure_key, value FROM indicator_snapshot_values WHERE day BETWEEN ? AND ? ORDER BY day, figure_key')
    .raw(true)
    .all(from, to) as [string, string, number | null][];
  const lines = ['day,key,label,unit,value'];
  for (const [day, key, value] of rows) {
    const figure = byKey.get(key);
    lines.push([day, key, figure?.label.fr ?? '', figure?.unit ?? '', value === null ? '' : String(value)].map(quote).join(','));
  }
  return `${lines.join('\n')}\n`;
}
