import type Database from 'better-sqlite3';
import type { IndicatorFigure, IndicatorSeries } from '../../shared/api/indicators.contract';

/** The ISO days from `from` to `to`, both included. */
export function listDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += 86_400_000) days.push(new Date(time).toISOString().slice(0, 10));
  return days;
}

/**
 * The daily values of some figures between two days (null on a day without a snapshot); labels and
 * units come from today's figures, or the key itself for a figure that no longer exists.
 */
export function readIndicatorSeries(db: Database.Database, { figures, keys, from, to }: { figures: readonly IndicatorFigure[]; keys: readonly string[]; from: string; to: string }): IndicatorSeries {
  const days = listDays(from, to);
  const position = new Map(days.map((day, index) => [day, index]));
  const read = db.prepare('SELECT day, value FROM indicator_snapshot_values WHERE figure_key = ? AND day BETWEEN ? AND ?').raw(true);
  return {
    days,
    series: keys.map((key) => {
      const values: (number | null)[] = days.map(() => null);
      for (const [day, value] of read.iterate(key, from, to) as IterableIterator<[string, number | null]>) values[position.get(day)!] = value;
      const figure = figures.find((candidate) => candidate.key === key);
      return { key, label: figure?.label ?? { fr: key, en: key }, unit: figure?.unit ?? 'count', values };
    }),
  };
}
