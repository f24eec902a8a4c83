import type Database from 'better-sqlite3';
import { isoDay, type Clock } from '../clock';
import type { IndicatorContext, IndicatorSource } from './IndicatorDefinition';
import { readDirectoryStamp } from './readDirectoryStamp';

/** The dormancy threshold when the `indicators.dormantDays` setting is absent. */
export const defaultDormantDays = 90;

const memos = new WeakMap<Database.Database, { stamp: string; values: Map<string, unknown> }>();

/** The store, the moment, the settings and the memo of slow counts that one computation of the dashboard shares. */
export function createIndicatorContext(db: Database.Database, { clock, periodDays = 30 }: { clock: Clock; periodDays?: number }): IndicatorContext {
  const now = clock.now();
  const today = isoDay(now);
  const stamp = `${readDirectoryStamp(db)}/${today}`;
  let memo = memos.get(db);
  if (memo === undefined || memo.stamp !== stamp) {
    memo = { stamp, values: new Map() };
    memos.set(db, memo);
  }
  const values = memo.values;
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
    memo<T>(name: string, compute: () => T): T {
      if (!values.has(name)) values.set(name, compute());
      return values.get(name) as T;
    },
    shared<T>(name: string, compute: () => T): T {
      if (!computation.has(name)) computation.set(name, compute());
      return computation.get(name) as T;
    },
  };
}
