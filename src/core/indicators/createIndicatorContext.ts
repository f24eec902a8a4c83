import type Database from 'better-sqlite3';
import { isoDay, type Clock } from '../clock';
import type { IndicatorContext, IndicatorSource } from './IndicatorDefinition';
import { readDirectoryStamp } from './readDirectoryStamp';
import { readMeansStamp } from './readMeansStamp';

/** The dormancy threshold when the `indicators.dormantDays` setting is absent. */
export const defaultDormantDays = 90;

type Memo = { stamp: string; values: Map<string, unknown> };
const directoryMemos = new WeakMap<Database.Database, Memo>();
const meansMemos = new WeakMap<Database.Database, Memo>();

function memoFor(memos: WeakMap<Database.Database, Memo>, db: Database.Database, stamp: string): Map<string, unknown> {
  let memo = memos.get(db);
  if (memo === undefined || memo.stamp !== stamp) {
    memo = { stamp, values: new Map() };
    memos.set(db, memo);
  }
  return memo.values;
}

function keep<T>(values: Map<string, unknown>, name: string, compute: () => T): T {
  if (!values.has(name)) values.set(name, compute());
  return values.get(name) as T;
}

/** The key of the directory figures' memo: the directory as it is now, on this day. */
export function directoryMemoStamp(db: Database.Database, clock: Clock): string {
  return `${readDirectoryStamp(db)}/${isoDay(clock.now())}`;
}

/** The key of the live (means, leavers, night desk) figures' memo: the directory, the means, the hour. */
export function liveMemoStamp(db: Database.Database, clock: Clock): string {
  return `${directoryMemoStamp(db, clock)}/${readMeansStamp(db)}/${clock.now().toISOString().slice(0, 13)}`;
}

/** The live figures known for `stamp` (a job thread measured them after a desk act). */
export function exportLiveMemo(db: Database.Database, stamp: string): [string, unknown][] {
  const memo = meansMemos.get(db);
  return memo === undefined || memo.stamp !== stamp ? [] : [...memo.values];
}

/** Takes the live figures a job thread measured for `stamp`. */
export function seedLiveMemo(db: Database.Database, stamp: string, entries: readonly [string, unknown][], clock?: Clock): void {
  // Figures of a moment already past (another act since) would only push out newer ones.
  if (clock !== undefined && stamp !== liveMemoStamp(db, clock)) return;
  const values = memoFor(meansMemos, db, stamp);
  for (const [name, value] of entries) if (!values.has(name)) values.set(name, value);
}

/** Whether the slow directory figures of this stamp are already known on this thread. */
export function hasDirectoryMemo(db: Database.Database, stamp: string): boolean {
  const memo = directoryMemos.get(db);
  return memo !== undefined && memo.stamp === stamp && memo.values.size > 0;
}

/** The directory figures known for `stamp` (a job thread measured them), to hand to the desk's thread. */
export function exportDirectoryMemo(db: Database.Database, stamp: string): [string, unknown][] {
  const memo = directoryMemos.get(db);
  return memo === undefined || memo.stamp !== stamp ? [] : [...memo.values];
}

/** Takes the directory figures a job thread measured, so the desk's thread does not count them again. */
export function seedDirectoryMemo(db: Database.Database, stamp: string, entries: readonly [string, unknown][]): void {
  const values = memoFor(directoryMemos, db, stamp);
  for (const [name, value] of entries) if (!values.has(name)) values.set(name, value);
}

/** The store, the moment, the settings and the memo of slow counts that one computation of the dashboard shares. */
export function createIndicatorContext(db: Database.Database, { clock, periodDays = 30 }: { clock: Clock; periodDays?: number }): IndicatorContext {
  const now = clock.now();
  const today = isoDay(now);
  const directoryStamp = directoryMemoStamp(db, clock);
  const values = memoFor(directoryMemos, db, directoryStamp);
  // Windows that move with the clock (expiring within 30 days, issued over the period) are redone at least every hour.
  const liveValues = memoFor(meansMemos, db, liveMemoStamp(db, clock));
  const computation = new Map<string, unknown>();
  const dormantSetting = db.prepare("SELECT value_json FROM settings WHERE key = 'indicators.dormantDays'").pluck().get() as string | undefined;
  const dormantDays = dormantSetting === undefined ? defaultDormantDays : Number(JSON.parse(dormantSetting));
  return {
    db,
    now,
    today,
    periodDays,
    dormantDays: Number.isFinite(dormantDays) && dormantDays > 0 ? dormantDays : defaultDormantDays,
    sources: db.prepare('SELECT id, role, label FROM sources ORDER BY rowid').all() as IndicatorSource[],
    memo: (name, compute) => keep(values, name, compute),
    liveMemo: (name, compute) => keep(liveValues, name, compute),
    shared: (name, compute) => keep(computation, name, compute),
  };
}
