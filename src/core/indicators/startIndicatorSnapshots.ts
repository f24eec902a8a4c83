import type Database from 'better-sqlite3';
import { isoDay, type Clock } from '../clock';
import { readDirectoryStamp } from './readDirectoryStamp';

/** Whether today has no snapshot yet, or one taken before the last import or reconciliation (cheap: one small row). */
export function isSnapshotDue(db: Database.Database, clock: Clock): boolean {
  const stored = db.prepare('SELECT directory_stamp FROM indicator_snapshots WHERE day = ?').pluck().get(isoDay(clock.now())) as string | undefined;
  return stored !== readDirectoryStamp(db);
}

/**
 * Takes the day's snapshot soon after the desk starts (the first start of the day), then checks on
 * a timer and takes it again when an import or a reconciliation changed the directory since. The
 * check is cheap and runs here; the snapshot itself (`takeSnapshot`) runs on a job thread. The
 * timer does not keep the process alive and stops with the database.
 */
export function startIndicatorSnapshots({
  db,
  clock,
  takeSnapshot,
  intervalMs = 60_000,
  onError = () => {},
}: {
  db: Database.Database;
  clock: Clock;
  takeSnapshot: () => Promise<void>;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}): { stop(): void } {
  let busy = false;
  const check = () => {
    if (!db.open) {
      stop();
      return;
    }
    if (busy) return;
    try {
      if (!isSnapshotDue(db, clock)) return;
      busy = true;
      takeSnapshot()
        .catch(onError)
        .finally(() => {
          busy = false;
        });
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
