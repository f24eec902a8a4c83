import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import { prepareDirectoryIndicators, type PreparedDirectoryIndicators } from '../indicators/prepareDirectoryIndicators';
import { storeKeyOf } from '../store/storeKeyOf';
import { startJobWorker } from './startJobWorker';

/**
 * Measures the directory figures of the dashboard (and takes the day's snapshot when due) off the
 * desk's thread: counting orphans and links over millions of register rows takes seconds at
 * hospital scale. In memory (tests) it runs here.
 */
export async function runIndicatorsJob(db: Database.Database, { clock, entry }: { clock: Clock; entry?: URL }): Promise<PreparedDirectoryIndicators> {
  if (db.memory) return prepareDirectoryIndicators(db, { clock });
  const key = storeKeyOf(db);
  const job = startJobWorker(
    { request: { kind: 'indicators' }, dbPath: db.name, keyHex: key === null ? null : key.toString('hex'), clockOffsetMs: clock.now().getTime() - Date.now() },
    entry === undefined ? {} : { entry },
  );
  const result = await job.result;
  if (result.kind !== 'indicators') throw new Error(`The indicators job answered with a ${result.kind} result`);
  return result.prepared;
}
