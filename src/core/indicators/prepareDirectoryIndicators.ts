import type Database from 'better-sqlite3';
import { isoDay, type Clock } from '../clock';
import { directoryMemoStamp, exportDirectoryMemo, exportLiveMemo, liveMemoStamp, seedDirectoryMemo } from './createIndicatorContext';
import { measureIndicators } from './measureIndicators';
import { takeIndicatorSnapshot } from './takeIndicatorSnapshot';

/** The periods the Tableau de bord offers (the contract's `periodDays`). */
const dashboardPeriods = [30, 7, 365] as const;

export interface PreparedDirectoryIndicators {
  stamp: string;
  entries: [string, unknown][];
  /** The live figures too, as they were when the job measured them. */
  liveStamp: string;
  liveEntries: [string, unknown][];
  snapshotTaken: boolean;
}

/**
 * The slow half of the dashboard, meant for a job thread: takes the day's snapshot when the
 * directory changed since the last one, then measures the directory figures for every period the
 * screen offers (and the live means figures of the moment), and returns them for the desk thread's memo.
 */
export function prepareDirectoryIndicators(db: Database.Database, { clock, known }: { clock: Clock; known?: { stamp: string; entries: [string, unknown][] } | undefined }): PreparedDirectoryIndicators {
  // What the desk thread already knows of this directory is not counted again.
  if (known !== undefined && known.stamp === directoryMemoStamp(db, clock)) seedDirectoryMemo(db, known.stamp, known.entries);
  const hasToday = db.prepare('SELECT 1 FROM indicator_snapshots WHERE day = ?').pluck().get(isoDay(clock.now())) !== undefined;
  const { taken } = takeIndicatorSnapshot(db, { clock, trigger: hasToday ? 'change' : 'start', onlyIfNeeded: true });
  const stamp = directoryMemoStamp(db, clock);
  const liveStamp = liveMemoStamp(db, clock);
  for (const periodDays of dashboardPeriods) measureIndicators(db, { clock, periodDays });
  return { stamp, entries: exportDirectoryMemo(db, stamp), liveStamp, liveEntries: exportLiveMemo(db, liveStamp), snapshotTaken: taken };
}
