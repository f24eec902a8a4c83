import type Database from 'better-sqlite3';
import { isoDay, type Clock } from '../clock';
import { measureIndicators } from './measureIndicators';
import { readDirectoryStamp } from './readDirectoryStamp';

export type SnapshotTrigger = 'start' | 'change' | 'manual';

/**
 * Stores today's value of every figure (the day's row is replaced by a later snapshot of the same
 * day). With `onlyIfNeeded`, does nothing when today already has a snapshot taken after the last
 * import and reconciliation: the desk calls it at start and on a timer, cheaply.
 */
export function takeIndicatorSnapshot(db: Database.Database, { clock, trigger, onlyIfNeeded = false }: { clock: Clock; trigger: SnapshotTrigger; onlyIfNeeded?: boolean }): { taken: boolean; day: string } {
  const day = isoDay(clock.now());
  const stamp = readDirectoryStamp(db);
  if (onlyIfNeeded) {
    const stored = db.prepare('SELECT directory_stamp FROM indicator_snapshots WHERE day = ?').pluck().get(day) as string | undefined;
    if (stored === stamp) return { taken: false, day };
  }
  const dashboard = measureIndicators(db, { clock });
  db.transaction(() => {
    db.prepare(
      `INSERT INTO indicator_snapshots (day, taken_at, trigger, directory_stamp) VALUES (?, ?, ?, ?)
       ON CONFLICT(day) DO UPDATE SET taken_at = excluded.taken_at, trigger = excluded.trigger, directory_stamp = excluded.directory_stamp`,
    ).run(day, dashboard.generatedAt, trigger, stamp);
    db.prepare('DELETE FROM indicator_snapshot_values WHERE day = ?').run(day);
    const insert = db.prepare('INSERT INTO indicator_snapshot_values (figure_key, day, value) VALUES (?, ?, ?)');
    for (const figure of dashboard.figures) insert.run(figure.key, day, figure.value);
  }).immediate();
  return { taken: true, day };
}
