import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import { prepareDirectoryIndicators, type PreparedDirectoryIndicators } from '../indicators/prepareDirectoryIndicators';
import { runStoreJob } from './runStoreJob';

/**
 * Measures the directory figures of the dashboard (and takes the day's snapshot when due) off the
 * desk's thread: counting orphans and links over millions of register rows takes seconds at
 * hospital scale. In memory (tests) it runs here.
 */
export async function runIndicatorsJob(
  db: Database.Database,
  { clock, entry, known }: { clock: Clock; entry?: URL; known?: { stamp: string; entries: [string, unknown][] } },
): Promise<PreparedDirectoryIndicators> {
  if (db.memory) return prepareDirectoryIndicators(db, { clock });
  const result = await runStoreJob(db, { kind: 'indicators', ...(known === undefined ? {} : { known }) }, { clock, entry });
  return result.prepared;
}
