import type Database from 'better-sqlite3';
import { isoDay, type Clock } from '../clock';
import { takeIndicatorSnapshot } from './takeIndicatorSnapshot';

/**
 * Takes the day's snapshot soon after the desk starts (the first start of the day), then checks on
 * a timer and takes it again when an import or a reconciliation changed the directory since. The
 * timer does not keep the process alive and stops with the database.
 */
export function startIndicatorSnapshots({ db, clock, intervalMs = 60_000, onError = () => {} }: { db: Database.Database; clock: Clock; intervalMs?: number; onError?: (error: unknown) => void }): { stop(): void } {
  const check = () => {
    if (!db.open) {
      stop();
      return;
    }
    try {
      const today = isoDay(clock.now());
      const hasToday = db.prepare('SELECT 1 FROM indicator_snapshots WHERE day = ?').pluck().get(today) !== undefined;
      takeIndicatorSnapshot(db, { clock, trigger: hasToday ? 'change' : 'start', onlyIfNeeded: true });
    } catch (error) {
      onError(error);
    }
  };
  const first = setTimeout(check, 0);
  const timer = setInterval(check, intervalMs);
  first.unref();
  timer.unref();
  function stop(): void {
    clearTimeout(first);
    clearInterval(timer);
  }
  return { stop };
}
