import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import { directoryMemoStamp, exportDirectoryMemo, hasDirectoryMemo, seedDirectoryMemo, seedLiveMemo } from './createIndicatorContext';
import type { PreparedDirectoryIndicators } from './prepareDirectoryIndicators';

export interface DirectoryIndicatorsRefresher {
  /**
   * Resolves once the directory figures of the directory as it is now are known on this thread
   * (measured by a job thread), so the dashboard only counts the live means figures itself.
   */
  ensure(): Promise<void>;
  /** Measures again now (the snapshot is due), joining a job already running. */
  refresh(): Promise<void>;
}

/**
 * One job at a time: callers arriving while it runs wait for it. When the directory changed while
 * the job ran (an import finished meanwhile), one more job follows; if that one is outdated too,
 * the dashboard counts what remains itself rather than waiting forever.
 */
export function createDirectoryIndicatorsRefresher({
  db,
  clock,
  prepare,
  onError = () => {},
}: {
  db: Database.Database;
  clock: Clock;
  /** Runs the job; it is handed the directory figures this thread already knows, so it counts only what changed. */
  prepare: (known: { stamp: string; entries: [string, unknown][] }) => Promise<PreparedDirectoryIndicators>;
  onError?: (error: unknown) => void;
}): DirectoryIndicatorsRefresher {
  let running: Promise<void> | null = null;
  const currentDirectoryMemo = () => {
    const stamp = directoryMemoStamp(db, clock);
    return { stamp, entries: exportDirectoryMemo(db, stamp) };
  };
  const runOnce = (): Promise<void> => {
    if (!db.open) return Promise.resolve();
    running ??= prepare(currentDirectoryMemo())
      .then((prepared) => {
        // The desk may have closed while the job ran.
        if (!db.open) return;
        seedDirectoryMemo(db, prepared.stamp, prepared.entries);
        seedLiveMemo(db, prepared.liveStamp, prepared.liveEntries, clock);
      })
      .catch(onError)
      .finally(() => {
        running = null;
      });
    return running;
  };
  const isCurrent = () => !db.open || hasDirectoryMemo(db, directoryMemoStamp(db, clock));
  return {
    async ensure() {
      for (let attempt = 0; attempt < 2 && !isCurrent(); attempt += 1) await runOnce();
    },
    refresh: runOnce,
  };
}
